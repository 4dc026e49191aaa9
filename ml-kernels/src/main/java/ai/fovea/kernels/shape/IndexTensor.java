package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * Reads the small integer tensors that shape ops take as constants (shapes, permutations, paddings,
 * begin/end/strides, axes, sizes). Values are read at prepare time, so the tensor must already hold them.
 */
final class IndexTensor {
  private IndexTensor() {}

  /** The values of an INT32 tensor, or of an INT64 one whose values all fit an int. */
  static int[] values(Tensor t, String op, String name) {
    if (t == null) {
      throw new OpPrepareException(op, name + " input is missing");
    }
    int n = t.size();
    int[] values = new int[n];
    if (t.dataType() == DataType.INT32) {
      System.arraycopy(t.ints(), 0, values, 0, n);
    } else if (t.dataType() == DataType.INT64) {
      long[] longs = t.longs();
      for (int i = 0; i < n; i++) {
        if (longs[i] != (int) longs[i]) {
          throw new OpPrepareException(op, name + "[" + i + "] = " + longs[i] + " does not fit int32");
        }
        values[i] = (int) longs[i];
      }
    } else {
      throw new OpPrepareException(op, name + " must be INT32 or INT64, got " + t.dataType());
    }
    return values;
  }

  /** The values of a one-dimensional INT32 tensor (the only index type TFLite 2.6 takes for this input). */
  static int[] int32Vector(Tensor t, String op, String name) {
    if (t == null) {
      throw new OpPrepareException(op, name + " input is missing");
    }
    if (t.dataType() != DataType.INT32) {
      throw new OpPrepareException(op, name + " must be INT32, got " + t.dataType());
    }
    if (t.shape().rank() != 1) {
      throw new OpPrepareException(op, name + " must be one-dimensional, got shape " + t.shape());
    }
    return values(t, op, name);
  }
}
