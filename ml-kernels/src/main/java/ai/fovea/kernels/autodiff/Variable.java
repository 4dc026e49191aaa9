package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;

/**
 * A float32 value in a training graph and the gradient of the loss with respect to it. Parameters and inputs
 * are made here; every other variable is the output of an op on a {@link Tape}. The gradient is allocated,
 * zero-filled, on first use and accumulates (+=) over every use of the variable until {@link #zeroGrad()}.
 */
public final class Variable {
  private final Tensor value;
  private final boolean requiresGrad;
  private float[] grad;

  Variable(Tensor value, boolean requiresGrad) {
    this.value = value;
    this.requiresGrad = requiresGrad;
  }

  /** A trainable variable that wraps {@code values} without copying (the optimizer updates them in place). */
  public static Variable parameter(String name, Shape shape, float[] values) {
    return new Variable(wrap(name, shape, values), true);
  }

  /** A variable the loss is not differentiated against (inputs, targets); wraps {@code values} without copying. */
  public static Variable constant(String name, Shape shape, float[] values) {
    return new Variable(wrap(name, shape, values), false);
  }

  private static Tensor wrap(String name, Shape shape, float[] values) {
    if (name == null || shape == null || values == null) {
      throw new IllegalArgumentException("name, shape and values are required");
    }
    if (values.length != shape.size()) {
      throw new IllegalArgumentException("variable " + name + ": " + values.length + " values for shape " + shape);
    }
    return Tensor.ofFloats(name, shape, values);
  }

  public String name() {
    return value.name();
  }

  public Shape shape() {
    return value.shape();
  }

  public int size() {
    return value.size();
  }

  /** The value as a float32 tensor (shares storage with {@link #values()}). */
  public Tensor value() {
    return value;
  }

  /** The value's storage, exactly {@link #size()} long. */
  public float[] values() {
    return value.floats();
  }

  public boolean requiresGrad() {
    return requiresGrad;
  }

  /** The gradient's storage, exactly {@link #size()} long; allocated zero-filled on first call. */
  public float[] grad() {
    if (!requiresGrad) {
      throw new IllegalStateException("variable " + name() + " does not require a gradient");
    }
    if (grad == null) {
      grad = new float[size()];
    }
    return grad;
  }

  public void zeroGrad() {
    if (grad != null) {
      java.util.Arrays.fill(grad, 0f);
    }
  }

  @Override
  public String toString() {
    return name() + shape() + (requiresGrad ? " (grad)" : "");
  }
}
