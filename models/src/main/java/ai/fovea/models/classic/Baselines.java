package ai.fovea.models.classic;

import ai.fovea.kernels.parallel.ComputePool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fits the three classic baselines (k-NN, Gaussian naive Bayes, linear SVM) on one training split and measures
 * them on one test split, so a CNN's report can show what convolution adds. k-NN compares every test row with
 * every training row (10,000 × 60,000 × 784 multiply-adds for Fashion-MNIST), so it may be limited to the first
 * rows of either split; the result's description and test count say what was used.
 */
public final class Baselines {
  private final int k;
  private final int knnTrainingRows;
  private final int knnTestRows;
  private final double varianceSmoothing;
  private final LinearSvm.Options svm;

  private Baselines(int k, int knnTrainingRows, int knnTestRows, double varianceSmoothing, LinearSvm.Options svm) {
    if (k < 1 || knnTrainingRows < 0 || knnTestRows < 0 || svm == null) {
      throw new IllegalArgumentException("need k >= 1, row limits >= 0 (0 = all) and SVM options; got k " + k
          + ", limits " + knnTrainingRows + ", " + knnTestRows);
    }
    this.k = k;
    this.knnTrainingRows = knnTrainingRows;
    this.knnTestRows = knnTestRows;
    this.varianceSmoothing = varianceSmoothing;
    this.svm = svm;
  }

  /** k = 5 on all rows, variance smoothing 1e-9 (scikit-learn's), {@link LinearSvm.Options#defaults()}. */
  public static Baselines defaults() {
    return new Baselines(5, 0, 0, 1e-9, LinearSvm.Options.defaults());
  }

  public Baselines k(int k) {
    return new Baselines(k, knnTrainingRows, knnTestRows, varianceSmoothing, svm);
  }

  /** k-NN uses only the first {@code training} training rows and first {@code test} test rows; 0 means all. */
  public Baselines knnSubsample(int training, int test) {
    return new Baselines(k, training, test, varianceSmoothing, svm);
  }

  public Baselines varianceSmoothing(double smoothing) {
    return new Baselines(k, knnTrainingRows, knnTestRows, smoothing, svm);
  }

  public Baselines svm(LinearSvm.Options options) {
    return new Baselines(k, knnTrainingRows, knnTestRows, varianceSmoothing, options);
  }

  /** Runs all three; {@code progress} hears one line as each starts. */
  public List<BaselineResult> run(float[] trainRows, int[] trainLabels, float[] testRows, int[] testLabels,
      int dimensions, int classes, ComputePool pool, Consumer<String> progress) {
    int trainCount = FeatureRows.checkTraining(trainRows, dimensions, trainLabels, classes);
    int testCount = FeatureRows.checkTraining(testRows, dimensions, testLabels, classes);
    List<BaselineResult> results = new ArrayList<>();
    int knnTrain = knnTrainingRows == 0 ? trainCount : Math.min(knnTrainingRows, trainCount);
    int knnTest = knnTestRows == 0 ? testCount : Math.min(knnTestRows, testCount);
    progress.accept("k-NN: " + knnTest + " test rows x " + knnTrain + " training rows");
    long start = System.nanoTime();
    ClassicClassifier knn = KNearestNeighbors.fit(Arrays.copyOf(trainRows, knnTrain * dimensions), dimensions,
        Arrays.copyOf(trainLabels, knnTrain), classes, k);
    results.add(measure("k-NN", knn, start, Arrays.copyOf(testRows, knnTest * dimensions),
        Arrays.copyOf(testLabels, knnTest), pool));
    progress.accept("Gaussian naive Bayes: " + trainCount + " training rows");
    start = System.nanoTime();
    ClassicClassifier bayes = GaussianNaiveBayes.fit(trainRows, dimensions, trainLabels, classes, varianceSmoothing);
    results.add(measure("naive Bayes", bayes, start, testRows, testLabels, pool));
    progress.accept("linear SVM: " + svm);
    start = System.nanoTime();
    ClassicClassifier linear = LinearSvm.fit(trainRows, dimensions, trainLabels, classes, svm, pool);
    results.add(measure("linear SVM", linear, start, testRows, testLabels, pool));
    return results;
  }

  private static BaselineResult measure(String name, ClassicClassifier classifier, long fitStart, float[] rows,
      int[] labels, ComputePool pool) {
    double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
    long start = System.nanoTime();
    int[] predicted = classifier.predict(rows, pool);
    double predictSeconds = (System.nanoTime() - start) / 1e9;
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    return new BaselineResult(name, classifier.description(), labels.length, correct, fitSeconds, predictSeconds);
  }
}
