package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;

/**
 * ARG_MAX over FLOAT32, INT8, UINT8 and INT32 inputs: the index of the largest value along one axis, given as a
 * constant one-element INT32 or INT64 input (negative counts from the end); the output (INT32 or INT64, its
 * tensor's type) drops that axis. Ties give the first index and NaN never wins, as TFLite's strict comparison.
 * Quantized inputs are compared as stored, which orders them like their real values.
 */
public final class ArgMax implements Op {
  private static final String OP = "ARG_MAX";
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 14;
  private static final int SIGNED_BYTE = -1;
  private static final int UNSIGNED_BYTE = 0xFF;

  private final ComputePool pool;
  private final ComputePool.RangeBody scanRange = this::scanRange;
  private int outer;
  private int axisSize;
  private int inner;
  private Tensor input;
  private Tensor output;

  public ArgMax(ComputePool pool) {
    if (pool == null) {
      throw new IllegalArgumentException("pool is null");
    }
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 2 || outputs.length != 1) {
      throw new OpPrepareException(OP, "takes 2 inputs and 1 output, got " + inputs.length + " and " + outputs.length);
    }
    DataType in = inputs[0].dataType();
    if (in != DataType.FLOAT32 && in != DataType.INT8 && in != DataType.UINT8 && in != DataType.INT32) {
      throw new OpPrepareException(OP, "input type " + in + " is not FLOAT32, INT8, UINT8 or INT32");
    }
    DataType out = outputs[0].dataType();
    if (out != DataType.INT32 && out != DataType.INT64) {
      throw new OpPrepareException(OP, "output type " + out + " is not INT32 or INT64");
    }
    int[] dims = inputs[0].shape().toArray();
    if (dims.length < 1) {
      throw new OpPrepareException(OP, "input must have at least one dimension, got a scalar");
    }
    int[] axisValues = IndexTensor.values(inputs[1], OP, "axis");
    if (axisValues.length != 1) {
      throw new OpPrepareException(OP, "axis must hold one value, got " + axisValues.length);
    }
    int axis = axisValues[0] < 0 ? axisValues[0] + dims.length : axisValues[0];
    if (axis < 0 || axis >= dims.length) {
      throw new OpPrepareException(OP, "axis " + axisValues[0] + " is out of range for rank " + dims.length);
    }
    if (dims[axis] == 0) {
      throw new OpPrepareException(OP, "axis " + axis + " of " + inputs[0].shape() + " is empty");
    }
    Shape shape = inputs[0].shape();
    outer = shape.sizeTo(axis);
    axisSize = dims[axis];
    inner = shape.sizeFrom(axis + 1);
    int[] outDims = new int[dims.length - 1];
    System.arraycopy(dims, 0, outDims, 0, axis);
    System.arraycopy(dims, axis + 1, outDims, axis, dims.length - axis - 1);
    outputs[0].resize(Shape.of(outDims));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    input = inputs[0];
    output = outputs[0];
    int minOutputs = Math.max(1, MIN_ELEMENTS_PER_TASK / axisSize);
    pool.parallelFor(outer * inner, minOutputs, scanRange);
    input = null;
    output = null;
  }

  /** Outputs [start, end), each a scan along the axis with the element type's own loop. */
  private void scanRange(int start, int end) {
    for (int o = start; o < end; o++) {
      int base = (o / inner) * axisSize * inner + o % inner;
      int best;
      switch (input.dataType()) {
        case FLOAT32:
          best = argMax(input.floats(), base, axisSize, inner);
          break;
        case INT32:
          best = argMax(input.ints(), base, axisSize, inner);
          break;
        case UINT8:
          best = argMax(input.bytes(), UNSIGNED_BYTE, base, axisSize, inner);
          break;
        default:
          best = argMax(input.bytes(), SIGNED_BYTE, base, axisSize, inner);
          break;
      }
      store(output, o, best);
    }
  }

  private static int argMax(float[] a, int base, int count, int step) {
    int best = 0;
    float max = a[base];
    for (int i = 1, p = base + step; i < count; i++, p += step) {
      if (a[p] > max) {
        max = a[p];
        best = i;
      }
    }
    return best;
  }

  private static int argMax(int[] a, int base, int count, int step) {
    int best = 0;
    int max = a[base];
    for (int i = 1, p = base + step; i < count; i++, p += step) {
      if (a[p] > max) {
        max = a[p];
        best = i;
      }
    }
    return best;
  }

  /** Byte values are read as {@code a[p] & mask}: {@link #SIGNED_BYTE} keeps the sign, {@link #UNSIGNED_BYTE} drops it. */
  private static int argMax(byte[] a, int mask, int base, int count, int step) {
    int best = 0;
    int max = a[base] & mask;
    for (int i = 1, p = base + step; i < count; i++, p += step) {
      int v = a[p] & mask;
      if (v > max) {
        max = v;
        best = i;
      }
    }
    return best;
  }

  private static void store(Tensor output, int index, int value) {
    if (output.dataType() == DataType.INT64) {
      output.longs()[index] = value;
    } else {
      output.ints()[index] = value;
    }
  }

  /** Reads every value as a double (exact for all four input types) and keeps the first strict maximum. */
  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int best = 0;
        double max = valueAt(in, o * axisSize * inner + i);
        for (int k = 1; k < axisSize; k++) {
          double v = valueAt(in, (o * axisSize + k) * inner + i);
          if (v > max) {
            max = v;
            best = k;
          }
        }
        store(outputs[0], o * inner + i, best);
      }
    }
  }

  private static double valueAt(Tensor t, int index) {
    switch (t.dataType()) {
      case FLOAT32:
        return t.floats()[index];
      case INT32:
        return t.ints()[index];
      case UINT8:
        return t.bytes()[index] & 0xFF;
      default:
        return t.bytes()[index];
    }
  }
}
