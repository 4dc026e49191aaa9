package ai.fovea.sdk.vision;

import java.util.Locale;

/** One class a model found: its id (index in the model's output), its label and its score in [0, 1]. Immutable. */
public final class Category {
  private final int id;
  private final String label;
  private final float score;

  public Category(int id, String label, float score) {
    if (id < 0 || label == null) {
      throw new IllegalArgumentException("category needs an id >= 0 and a label, got " + id + " and " + label);
    }
    this.id = id;
    this.label = label;
    this.score = score;
  }

  public int id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** Probability (classification) or confidence (detection). */
  public float score() {
    return score;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %.3f", label, score);
  }
}
