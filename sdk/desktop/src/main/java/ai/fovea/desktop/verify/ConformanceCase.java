package ai.fovea.desktop.verify;

import java.util.HashMap;
import java.util.Map;

/**
 * One conformance check: a model (usually a single op built with ModelBuilder), the tolerance its outputs must
 * meet, the seed of its random inputs and the ranges float inputs are drawn from: [-1, 1] unless set for all
 * inputs or for one. Int8/uint8 inputs always cover their whole type range and int32/int64 inputs [-100, 100]
 * (see {@link ConformanceRunner}). Immutable; {@code with…} methods return modified copies.
 */
public final class ConformanceCase {
  private final String name;
  private final byte[] model;
  private final Tolerance tolerance;
  private final long seed;
  private final float[] defaultRange;
  private final Map<Integer, float[]> inputRanges;

  private ConformanceCase(String name, byte[] model, Tolerance tolerance, long seed, float[] defaultRange,
      Map<Integer, float[]> inputRanges) {
    this.name = name;
    this.model = model;
    this.tolerance = tolerance;
    this.seed = seed;
    this.defaultRange = defaultRange;
    this.inputRanges = inputRanges;
  }

  /** A case whose seed derives from its name, with float inputs in [-1, 1]. */
  public static ConformanceCase of(String name, byte[] model, Tolerance tolerance) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a case needs a name, got " + (name == null ? "null" : "\"\""));
    }
    if (model == null || model.length == 0) {
      throw new IllegalArgumentException("case " + name + ": model bytes are empty");
    }
    if (tolerance == null) {
      throw new IllegalArgumentException("case " + name + ": tolerance is null");
    }
    return new ConformanceCase(name, model.clone(), tolerance, name.hashCode(), new float[] {-1f, 1f}, Map.of());
  }

  public ConformanceCase withSeed(long newSeed) {
    return new ConformanceCase(name, model, tolerance, newSeed, defaultRange, inputRanges);
  }

  /** Float inputs without a range of their own are drawn uniformly from [min, max). */
  public ConformanceCase withInputRange(float min, float max) {
    return new ConformanceCase(name, model, tolerance, seed, range(min, max), inputRanges);
  }

  /** Float input number {@code input} (in the model's input order) is drawn uniformly from [min, max). */
  public ConformanceCase withInputRange(int input, float min, float max) {
    if (input < 0) {
      throw new IllegalArgumentException("case " + name + ": input index must be >= 0, got " + input);
    }
    Map<Integer, float[]> ranges = new HashMap<>(inputRanges);
    ranges.put(input, range(min, max));
    return new ConformanceCase(name, model, tolerance, seed, defaultRange, Map.copyOf(ranges));
  }

  private float[] range(float min, float max) {
    if (!(min < max) || Float.isInfinite(min) || Float.isInfinite(max)) {
      throw new IllegalArgumentException("case " + name + ": input range [" + min + ", " + max + "] is empty or infinite");
    }
    return new float[] {min, max};
  }

  public String name() {
    return name;
  }

  /** The .tflite model (a copy). */
  public byte[] model() {
    return model.clone();
  }

  public Tolerance tolerance() {
    return tolerance;
  }

  public long seed() {
    return seed;
  }

  /** Lower bound of float input {@code input}. */
  public float inputMin(int input) {
    return inputRanges.getOrDefault(input, defaultRange)[0];
  }

  /** Upper bound (exclusive) of float input {@code input}. */
  public float inputMax(int input) {
    return inputRanges.getOrDefault(input, defaultRange)[1];
  }

  @Override
  public String toString() {
    return name;
  }
}
