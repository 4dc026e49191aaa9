package ai.fovea.kernels.elementwise;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import java.util.Arrays;

/**
 * NumPy broadcasting of two inputs, planned at prepare as contiguous segments: dims where both inputs behave
 * alike are merged, the innermost merged dim becomes the segment, and each segment gets its start offsets in both
 * inputs. Inside a segment an input either advances with the output (step 1) or repeats one value (step 0), so
 * element loops need no index arithmetic; {@link #forEachRun} cuts any range of output elements into such runs,
 * which lets threads split a single long segment (the no-broadcast case) as well as many short ones. Public for
 * PRELU, whose alpha broadcasts against its input the same way.
 */
public final class Broadcast {
  /** A run of {@code length} outputs from {@code out}, reading input a from {@code a} and b from {@code b}. */
  public interface RunBody {
    void run(int out, int a, int b, int length);
  }

  /** The broadcast output shape. */
  public final Shape output;
  final int segmentLength;
  /** How input a (b) advances inside a run: 1 with the output, 0 when it repeats one value. */
  public final int stepA;
  public final int stepB;
  private final int[] offsetsA;
  private final int[] offsetsB;

  private Broadcast(Shape output, int segmentLength, int stepA, int stepB, int[] offsetsA, int[] offsetsB) {
    this.output = output;
    this.segmentLength = segmentLength;
    this.stepA = stepA;
    this.stepB = stepB;
    this.offsetsA = offsetsA;
    this.offsetsB = offsetsB;
  }

  /** Plans {@code a} against {@code b}; throws {@link OpPrepareException} naming {@code op} if they do not fit. */
  public static Broadcast of(String op, Shape a, Shape b) {
    int rank = Math.max(a.rank(), b.rank());
    int[] da = padded(a, rank);
    int[] db = padded(b, rank);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      if (da[i] != db[i] && da[i] != 1 && db[i] != 1) {
        throw new OpPrepareException(op, "shapes " + a + " and " + b + " do not broadcast (axis " + i + ")");
      }
      out[i] = da[i] == 1 ? db[i] : da[i];
    }
    Shape outShape = Shape.of(out);
    // Merge adjacent dims with the same broadcast pattern (both advance, only a, only b).
    int[] dims = new int[rank];
    int[] kindA = new int[rank];
    int[] kindB = new int[rank];
    int r = 0;
    for (int i = 0; i < rank; i++) {
      if (out[i] == 1) {
        continue;
      }
      int ka = da[i] == 1 ? 0 : 1;
      int kb = db[i] == 1 ? 0 : 1;
      if (r > 0 && kindA[r - 1] == ka && kindB[r - 1] == kb) {
        dims[r - 1] *= out[i];
      } else {
        dims[r] = out[i];
        kindA[r] = ka;
        kindB[r] = kb;
        r++;
      }
    }
    if (r == 0) {
      return new Broadcast(outShape, 1, 1, 1, new int[] {0}, new int[] {0});
    }
    int segment = dims[r - 1];
    int segments = segment == 0 ? 0 : outShape.size() / segment;
    int[] offA = new int[segments];
    int[] offB = new int[segments];
    int[] strideA = strides(dims, kindA, r);
    int[] strideB = strides(dims, kindB, r);
    int[] counter = new int[r];
    for (int s = 0; s < segments; s++) {
      int oa = 0;
      int ob = 0;
      for (int i = 0; i < r - 1; i++) {
        oa += counter[i] * strideA[i];
        ob += counter[i] * strideB[i];
      }
      offA[s] = oa;
      offB[s] = ob;
      for (int i = r - 2; i >= 0 && ++counter[i] == dims[i]; i--) {
        counter[i] = 0;
      }
    }
    return new Broadcast(outShape, segment, kindA[r - 1], kindB[r - 1], offA, offB);
  }

  private static int[] padded(Shape s, int rank) {
    int[] d = new int[rank];
    Arrays.fill(d, 1);
    for (int i = 0; i < s.rank(); i++) {
      d[rank - s.rank() + i] = s.dim(i);
    }
    return d;
  }

  /** Element strides of one input over the merged dims (0 where it is broadcast). */
  private static int[] strides(int[] dims, int[] kind, int r) {
    int[] strides = new int[r];
    int stride = 1;
    for (int i = r - 1; i >= 0; i--) {
      strides[i] = kind[i] == 1 ? stride : 0;
      if (kind[i] == 1) {
        stride *= dims[i];
      }
    }
    return strides;
  }

  /** Calls {@code body} for the runs covering output elements [from, to), each within one segment. */
  public void forEachRun(int from, int to, RunBody body) {
    int n = segmentLength;
    for (int s = from / n, start = from; start < to; s++) {
      int i0 = start - s * n;
      int i1 = Math.min(to - s * n, n);
      body.run(start, offsetsA[s] + i0 * stepA, offsetsB[s] + i0 * stepB, i1 - i0);
      start = s * n + i1;
    }
  }

  /** The element of an input of shape {@code input} that output element {@code index} reads: the plain rule. */
  public static int sourceIndex(Shape input, Shape output, int index) {
    int offset = 0;
    int stride = 1;
    int rest = index;
    int lead = output.rank() - input.rank();
    for (int axis = output.rank() - 1; axis >= lead; axis--) {
      int coord = rest % output.dim(axis);
      rest /= output.dim(axis);
      int d = input.dim(axis - lead);
      offset += (d == 1 ? 0 : coord) * stride;
      stride *= d;
    }
    return offset;
  }
}
