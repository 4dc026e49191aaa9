package ai.fovea.kernels.elementwise;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * ADD, SUB and MUL on float32 and int32 tensors with NumPy broadcasting and a fused clamp (one class for the
 * three, like ncnn's BinaryOp: only the arithmetic differs). The optimized form walks the precomputed broadcast
 * segments; a repeated operand is first spread over a per-thread row so every inner loop is a plain,
 * vectorizable pass over contiguous arrays.
 */
public final class ArithmeticFloat implements Op {
  private final BinaryOperation operation;
  private final Activation activation;
  private final ComputePool pool;
  private Broadcast broadcast;
  private float[][] floatRows;
  private int[][] intRows;

  public ArithmeticFloat(BinaryOperation operation, Activation activation, ComputePool pool) {
    this.operation = operation;
    this.activation = activation;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    broadcast = BinaryShapes.prepare(operation.name(), inputs, outputs, DataType.FLOAT32, DataType.INT32);
    int n = broadcast.segmentLength;
    boolean spread = broadcast.stepA == 0 || broadcast.stepB == 0;
    floatRows = new float[pool.threads()][spread && inputs[0].dataType() == DataType.FLOAT32 ? n : 0];
    intRows = new int[pool.threads()][spread && inputs[0].dataType() == DataType.INT32 ? n : 0];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    boolean isFloat = inputs[0].dataType() == DataType.FLOAT32;
    int segments = broadcast.segments();
    int threads = pool.threads();
    int perThread = (segments + threads - 1) / threads;
    boolean parallel = (long) segments * broadcast.segmentLength > 1 << 15;
    pool.parallelFor(parallel ? threads : 1, 1, (t0, t1) -> {
      for (int t = t0; t < t1; t++) {
        int first = parallel ? t * perThread : 0;
        int last = parallel ? Math.min(segments, first + perThread) : segments;
        for (int s = first; s < last; s++) {
          if (isFloat) {
            floatSegment(inputs[0].floats(), inputs[1].floats(), outputs[0].floats(), s, floatRows[t]);
          } else {
            intSegment(inputs[0].ints(), inputs[1].ints(), outputs[0].ints(), s, intRows[t]);
          }
        }
      }
    });
  }

  private void floatSegment(float[] a, float[] b, float[] out, int s, float[] row) {
    int n = broadcast.segmentLength;
    int o = s * n;
    float[] x = a;
    int xo = broadcast.offsetsA[s];
    float[] y = b;
    int yo = broadcast.offsetsB[s];
    if (broadcast.stepA == 0) {
      java.util.Arrays.fill(row, 0, n, a[xo]);
      x = row;
      xo = 0;
    } else if (broadcast.stepB == 0) {
      java.util.Arrays.fill(row, 0, n, b[yo]);
      y = row;
      yo = 0;
    }
    switch (operation) {
      case ADD:
        for (int i = 0; i < n; i++) {
          out[o + i] = x[xo + i] + y[yo + i];
        }
        break;
      case SUB:
        for (int i = 0; i < n; i++) {
          out[o + i] = x[xo + i] - y[yo + i];
        }
        break;
      default:
        for (int i = 0; i < n; i++) {
          out[o + i] = x[xo + i] * y[yo + i];
        }
    }
    if (activation != Activation.NONE) {
      float lo = activation.floatMin();
      float hi = activation.floatMax();
      for (int i = 0; i < n; i++) {
        out[o + i] = Math.min(Math.max(out[o + i], lo), hi);
      }
    }
  }

  private void intSegment(int[] a, int[] b, int[] out, int s, int[] row) {
    int n = broadcast.segmentLength;
    int o = s * n;
    int[] x = a;
    int xo = broadcast.offsetsA[s];
    int[] y = b;
    int yo = broadcast.offsetsB[s];
    if (broadcast.stepA == 0) {
      java.util.Arrays.fill(row, 0, n, a[xo]);
      x = row;
      xo = 0;
    } else if (broadcast.stepB == 0) {
      java.util.Arrays.fill(row, 0, n, b[yo]);
      y = row;
      yo = 0;
    }
    for (int i = 0; i < n; i++) {
      out[o + i] = clampInt(operation.apply(x[xo + i], y[yo + i]));
    }
  }

  private int clampInt(int v) {
    float lo = activation.floatMin();
    float hi = activation.floatMax();
    if (v < lo) {
      return (int) lo;
    }
    return v > hi ? (int) hi : v;
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor a = inputs[0];
    Tensor b = inputs[1];
    Tensor out = outputs[0];
    for (int i = 0; i < out.size(); i++) {
      int[] src = BinaryShapes.sourceIndices(a, b, out, i);
      if (a.dataType() == DataType.FLOAT32) {
        float v = operation.apply(a.floats()[src[0]], b.floats()[src[1]]);
        out.floats()[i] = Math.min(Math.max(v, activation.floatMin()), activation.floatMax());
      } else {
        out.ints()[i] = clampInt(operation.apply(a.ints()[src[0]], b.ints()[src[1]]));
      }
    }
  }
}
