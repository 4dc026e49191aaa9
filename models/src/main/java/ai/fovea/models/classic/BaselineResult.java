package ai.fovea.models.classic;

/**
 * One classic classifier measured on a test set: what was fitted, on how many rows, its accuracy and the wall
 * time of fitting and predicting. Immutable.
 */
public final class BaselineResult {
  private final String name;
  private final String description;
  private final int testRows;
  private final int correct;
  private final double fitSeconds;
  private final double predictSeconds;

  public BaselineResult(String name, String description, int testRows, int correct, double fitSeconds,
      double predictSeconds) {
    if (name == null || description == null || testRows < 1 || correct < 0 || correct > testRows) {
      throw new IllegalArgumentException("need a name, a description and 0 <= correct <= test rows >= 1, got "
          + correct + " of " + testRows);
    }
    this.name = name;
    this.description = description;
    this.testRows = testRows;
    this.correct = correct;
    this.fitSeconds = fitSeconds;
    this.predictSeconds = predictSeconds;
  }

  /** Short name: {@code k-NN}, {@code naive Bayes}, {@code linear SVM}. */
  public String name() {
    return name;
  }

  /** The fitted classifier's settings and training rows ({@link ClassicClassifier#description()}). */
  public String description() {
    return description;
  }

  public int testRows() {
    return testRows;
  }

  public int correct() {
    return correct;
  }

  public double accuracy() {
    return (double) correct / testRows;
  }

  public double fitSeconds() {
    return fitSeconds;
  }

  public double predictSeconds() {
    return predictSeconds;
  }
}
