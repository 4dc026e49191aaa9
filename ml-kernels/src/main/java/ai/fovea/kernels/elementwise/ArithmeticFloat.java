package ai.fovea.kernels.elementwise;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * ADD, SUB and MUL on float32 tensors with NumPy broadcasting and a fused clamp (one class for the three, like
 * ncnn's BinaryOp: only the arithmetic differs). The optimized form walks the broadcast runs with one plain,
 * vectorizable loop per operation and run kind (both inputs advance, or one repeats a value); threads split the
 * output elements.
 */
public final class ArithmeticFloat implements Op {
  static final int MIN_ELEMENTS_PER_TASK = 1 << 14;
  private final BinaryOperation operation;
  private final Activation activation;
  private final ComputePool pool;
  private final Broadcast.RunBody runs = this::runs;
  private final ComputePool.RangeBody elements = this::elements;
  private Broadcast broadcast;
  private float[] a;
  private float[] b;
  private float[] out;

  public ArithmeticFloat(BinaryOperation operation, Activation activation, ComputePool pool) {
    if (operation == null || activation == null || pool == null) {
      throw new IllegalArgumentException("operation, activation and pool are required");
    }
    if (!activation.isClamp()) {
      throw new IllegalArgumentException(operation + " fuses only clamp activations, got " + activation);
    }
    this.operation = operation;
    this.activation = activation;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    broadcast = BinaryShapes.prepare(operation.name(), inputs, outputs, DataType.FLOAT32);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    a = inputs[0].floats();
    b = inputs[1].floats();
    out = outputs[0].floats();
    pool.parallelFor(outputs[0].size(), MIN_ELEMENTS_PER_TASK, elements);
    a = null;
    b = null;
    out = null;
  }

  private void elements(int from, int to) {
    broadcast.forEachRun(from, to, runs);
  }

  private void runs(int o, int ia, int ib, int n) {
    float lo = activation.floatMin();
    float hi = activation.floatMax();
    if (broadcast.stepA == 1 && broadcast.stepB == 1) {
      switch (operation) {
        case ADD:
          for (int i = 0; i < n; i++) {
            out[o + i] = Math.min(Math.max(a[ia + i] + b[ib + i], lo), hi);
          }
          break;
        case SUB:
          for (int i = 0; i < n; i++) {
            out[o + i] = Math.min(Math.max(a[ia + i] - b[ib + i], lo), hi);
          }
          break;
        default:
          for (int i = 0; i < n; i++) {
            out[o + i] = Math.min(Math.max(a[ia + i] * b[ib + i], lo), hi);
          }
      }
    } else if (broadcast.stepB == 0) {
      float y = b[ib];
      switch (operation) {
        case ADD:
          for (int i = 0; i < n; i++) {
            out[o + i] = Math.min(Math.max(a[ia + i] + y, lo), hi);
          }
          break;
        case SUB:
          for (int i = 0; i < n; i++) {
            out[o + i] = Math.min(Math.max(a[ia + i] - y, lo), hi);
          }
          break;
        default:
          for (int i = 0; i < n; i++) {
            out[o + i] = Math.min(Math.max(a[ia + i] * y, lo), hi);
          }
      }
    } else {
      float x = a[ia];
      switch (operation) {
        case ADD:
          for (int i = 0; i < n; i++) {
            out[o + i] = Math.min(Math.max(x + b[ib + i], lo), hi);
          }
          break;
        case SUB:
          for (int i = 0; i < n; i++) {
            out[o + i] = Math.min(Math.max(x - b[ib + i], lo), hi);
          }
          break;
        default:
          for (int i = 0; i < n; i++) {
            out[o + i] = Math.min(Math.max(x * b[ib + i], lo), hi);
          }
      }
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor ta = inputs[0];
    Tensor tb = inputs[1];
    Tensor to = outputs[0];
    for (int i = 0; i < to.size(); i++) {
      float x = ta.floats()[Broadcast.sourceIndex(ta.shape(), to.shape(), i)];
      float y = tb.floats()[Broadcast.sourceIndex(tb.shape(), to.shape(), i)];
      to.floats()[i] = Math.min(Math.max(operation.apply(x, y), activation.floatMin()), activation.floatMax());
    }
  }
}
