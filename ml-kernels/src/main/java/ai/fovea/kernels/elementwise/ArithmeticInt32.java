package ai.fovea.kernels.elementwise;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * ADD, SUB and MUL on int32 tensors with NumPy broadcasting, wrapping on overflow, then the fused clamp with
 * integer bounds (RELU6 clamps to [0, 6]), as TFLite's int32 kernels. The optimized form walks the broadcast runs
 * like {@link ArithmeticFloat} but with one loop per operation whose steps cover every run kind: int32 tensors
 * carry shapes and indices, never the bulk of a model's work.
 */
public final class ArithmeticInt32 implements Op {
  private final BinaryOperation operation;
  private final ComputePool pool;
  private final Broadcast.RunBody runs = this::runs;
  private final ComputePool.RangeBody elements = this::elements;
  private final int lo;
  private final int hi;
  private Broadcast broadcast;
  private int[] a;
  private int[] b;
  private int[] out;

  public ArithmeticInt32(BinaryOperation operation, Activation activation, ComputePool pool) {
    if (operation == null || activation == null || pool == null) {
      throw new IllegalArgumentException("operation, activation and pool are required");
    }
    if (!activation.isClamp()) {
      throw new IllegalArgumentException(operation + " fuses only clamp activations, got " + activation);
    }
    this.operation = operation;
    this.pool = pool;
    // Java's float-to-int conversion saturates, so the infinite bounds of NONE and RELU become the int range.
    this.lo = (int) activation.floatMin();
    this.hi = (int) activation.floatMax();
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    broadcast = BinaryShapes.prepare(operation.name(), inputs, outputs, DataType.INT32);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    a = inputs[0].ints();
    b = inputs[1].ints();
    out = outputs[0].ints();
    pool.parallelFor(outputs[0].size(), ArithmeticFloat.MIN_ELEMENTS_PER_TASK, elements);
    a = null;
    b = null;
    out = null;
  }

  private void elements(int from, int to) {
    broadcast.forEachRun(from, to, runs);
  }

  private void runs(int o, int ia, int ib, int n) {
    int sa = broadcast.stepA;
    int sb = broadcast.stepB;
    switch (operation) {
      case ADD:
        for (int i = 0; i < n; i++) {
          out[o + i] = Math.min(Math.max(a[ia + i * sa] + b[ib + i * sb], lo), hi);
        }
        break;
      case SUB:
        for (int i = 0; i < n; i++) {
          out[o + i] = Math.min(Math.max(a[ia + i * sa] - b[ib + i * sb], lo), hi);
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          out[o + i] = Math.min(Math.max(a[ia + i * sa] * b[ib + i * sb], lo), hi);
        }
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor ta = inputs[0];
    Tensor tb = inputs[1];
    Tensor to = outputs[0];
    for (int i = 0; i < to.size(); i++) {
      int x = ta.ints()[Broadcast.sourceIndex(ta.shape(), to.shape(), i)];
      int y = tb.ints()[Broadcast.sourceIndex(tb.shape(), to.shape(), i)];
      to.ints()[i] = Math.min(Math.max(operation.apply(x, y), lo), hi);
    }
  }
}
