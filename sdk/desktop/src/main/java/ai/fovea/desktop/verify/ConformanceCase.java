package ai.fovea.desktop.verify;

/**
 * One conformance check: a model (usually a single op built with ModelBuilder), the tolerance its outputs must
 * meet, the seed of its random inputs and the range float inputs are drawn from (quantized inputs cover
 * their whole type range). Immutable; {@code with…} methods return modified copies.
 */
public final class ConformanceCase {
  private final String name;
  private final byte[] model;
  private final Tolerance tolerance;
  private final long seed;
  private final float inputMin;
  private final float inputMax;

  private ConformanceCase(String name, byte[] model, Tolerance tolerance, long seed, float inputMin, float inputMax) {
    if (name == null || model == null || tolerance == null) {
      throw new IllegalArgumentException("name, model and tolerance are required");
    }
    if (!(inputMin < inputMax)) {
      throw new IllegalArgumentException("input range [" + inputMin + ", " + inputMax + "] is empty");
    }
    this.name = name;
    this.model = model;
    this.tolerance = tolerance;
    this.seed = seed;
    this.inputMin = inputMin;
    this.inputMax = inputMax;
  }

  /** A case with seed derived from its name and float inputs in [-1, 1]. */
  public static ConformanceCase of(String name, byte[] model, Tolerance tolerance) {
    return new ConformanceCase(name, model, tolerance, name.hashCode(), -1f, 1f);
  }

  public ConformanceCase withSeed(long newSeed) {
    return new ConformanceCase(name, model, tolerance, newSeed, inputMin, inputMax);
  }

  public ConformanceCase withInputRange(float min, float max) {
    return new ConformanceCase(name, model, tolerance, seed, min, max);
  }

  public String name() {
    return name;
  }

  public byte[] model() {
    return model.clone();
  }

  public Tolerance tolerance() {
    return tolerance;
  }

  public long seed() {
    return seed;
  }

  public float inputMin() {
    return inputMin;
  }

  public float inputMax() {
    return inputMax;
  }

  @Override
  public String toString() {
    return name;
  }
}
