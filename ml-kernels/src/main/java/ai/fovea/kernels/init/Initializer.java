package ai.fovea.kernels.init;

import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.tensor.Shape;
import java.util.Random;

/**
 * Glorot (Xavier) and He weight initializers, uniform and normal, drawn from a caller-seeded {@link Random}.
 * Fans come from TFLite's weight layouts: [out, in] for fully connected, [out, kh, kw, in] for convolutions
 * (fan in = kh·kw·in, fan out = kh·kw·out).
 */
public enum Initializer {
  /** U(±√(6 / (fanIn + fanOut))). */
  GLOROT_UNIFORM,
  /** N(0, 2 / (fanIn + fanOut)). */
  GLOROT_NORMAL,
  /** U(±√(6 / fanIn)), for ReLU layers. */
  HE_UNIFORM,
  /** N(0, 2 / fanIn), for ReLU layers. */
  HE_NORMAL;

  /** A trainable variable of {@code shape} filled by this initializer. */
  public Variable parameter(String name, Shape shape, Random random) {
    float[] values = new float[shape.size()];
    fill(values, shape, random);
    return Variable.parameter(name, shape, values);
  }

  /** Fills {@code values} (of a weight with {@code shape}) with seeded draws. */
  public void fill(float[] values, Shape shape, Random random) {
    if (values == null || shape == null || random == null || values.length != shape.size()) {
      throw new IllegalArgumentException("need values of the shape's size and a random source, got shape " + shape);
    }
    if (shape.rank() != 2 && shape.rank() != 4) {
      throw new IllegalArgumentException("weights are [out, in] or [out, kh, kw, in], got " + shape);
    }
    int receptive = shape.rank() == 4 ? shape.dim(1) * shape.dim(2) : 1;
    int fanIn = receptive * shape.dim(-1);
    int fanOut = receptive * shape.dim(0);
    if (fanIn == 0) {
      return;
    }
    boolean glorot = this == GLOROT_UNIFORM || this == GLOROT_NORMAL;
    double variance = 2.0 / (glorot ? fanIn + fanOut : fanIn);
    boolean uniform = this == GLOROT_UNIFORM || this == HE_UNIFORM;
    // A uniform on ±limit has variance limit²/3, so limit = √(3·variance).
    double limit = Math.sqrt(3 * variance);
    double std = Math.sqrt(variance);
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (uniform ? (2 * random.nextDouble() - 1) * limit : random.nextGaussian() * std);
    }
  }
}
