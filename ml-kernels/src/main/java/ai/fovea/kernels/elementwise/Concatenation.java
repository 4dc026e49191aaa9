package ai.fovea.kernels.elementwise;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.EnumSet;
import java.util.Set;

/**
 * CONCATENATION of float32, int32, int64, int8 or uint8 tensors of one rank along one axis (negative counts from
 * the end); all other dims must match. TFLite 2.6's rules for quantized inputs hold: int8 inputs must share the
 * output's scale and zero point (a plain copy); a uint8 input with other quantization is requantized in float,
 * {@code round(q·s + b) + zp_out} with {@code s = s_in · (1 / s_out)}, {@code b = −zp_in·s}, rounding half away
 * from zero and clamping to [0, 255]. The optimized form copies whole runs and requantizes through a 256-entry
 * table per input built at prepare; threads split the outer dims.
 */
public final class Concatenation implements Op {
  static final String NAME = "CONCATENATION";
  private static final Set<DataType> TYPES =
      EnumSet.of(DataType.FLOAT32, DataType.INT32, DataType.INT64, DataType.INT8, DataType.UINT8);
  private final int axis;
  private final ComputePool pool;
  private final ComputePool.RangeBody copyOuter = this::copyOuter;
  private int resolvedAxis;
  private int outer;
  private int outputRun;
  private int[] runLength;
  private int[] runStart;
  /** Per input: null for a plain copy, else the requantization of each stored byte pattern. */
  private byte[][] requantization;
  private Tensor[] in;
  private Object out;

  public Concatenation(int axis, ComputePool pool) {
    if (pool == null) {
      throw new IllegalArgumentException("pool is required");
    }
    this.axis = axis;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length < 1 || outputs.length != 1 || outputs[0] == null) {
      throw new OpPrepareException(NAME, "takes one or more inputs and one output");
    }
    Tensor first = inputs[0];
    if (first == null) {
      throw new OpPrepareException(NAME, "input 0 is missing");
    }
    DataType type = first.dataType();
    if (!TYPES.contains(type) || outputs[0].dataType() != type) {
      throw new OpPrepareException(NAME, "needs inputs and output of one type among " + TYPES + ", got " + type
          + " and " + outputs[0].dataType());
    }
    int rank = first.shape().rank();
    resolvedAxis = axis < 0 ? axis + rank : axis;
    if (resolvedAxis < 0 || resolvedAxis >= rank) {
      throw new OpPrepareException(NAME, "axis " + axis + " is out of range for rank " + rank);
    }
    int[] outDims = first.shape().toArray();
    outDims[resolvedAxis] = 0;
    for (int i = 0; i < inputs.length; i++) {
      Tensor t = inputs[i];
      if (t == null || t.dataType() != type || t.shape().rank() != rank) {
        throw new OpPrepareException(NAME, "input " + i + " must be a rank-" + rank + " " + type + " tensor, got "
            + t);
      }
      for (int d = 0; d < rank; d++) {
        if (d != resolvedAxis && t.shape().dim(d) != outDims[d]) {
          throw new OpPrepareException(NAME, "input " + i + " " + t.shape() + " differs from input 0 "
              + first.shape() + " at axis " + d);
        }
      }
      outDims[resolvedAxis] += t.shape().dim(resolvedAxis);
    }
    Shape outShape = Shape.of(outDims);
    outputs[0].resize(outShape);
    outer = outShape.sizeTo(resolvedAxis);
    int inner = outShape.sizeFrom(resolvedAxis + 1);
    outputRun = outDims[resolvedAxis] * inner;
    runLength = new int[inputs.length];
    runStart = new int[inputs.length];
    for (int i = 0, start = 0; i < inputs.length; i++) {
      runLength[i] = inputs[i].shape().dim(resolvedAxis) * inner;
      runStart[i] = start;
      start += runLength[i];
    }
    requantization = new byte[inputs.length][];
    if (type.isByte()) {
      prepareQuantized(inputs, outputs[0]);
    }
  }

  private void prepareQuantized(Tensor[] inputs, Tensor output) {
    Quantization qo = output.quantization();
    for (int i = 0; i < inputs.length; i++) {
      Quantization qi = inputs[i].quantization();
      if (qi.channelCount() != 1 || qo.channelCount() != 1) {
        throw new OpPrepareException(NAME, "needs per-tensor quantization, got " + qi + " on input " + i + " and "
            + qo + " on the output");
      }
      if (sameQuantization(qi, qo)) {
        continue;
      }
      if (output.dataType() == DataType.INT8) {
        throw new OpPrepareException(NAME, "int8 input " + i + " (" + qi + ") must share the output's quantization ("
            + qo + "), as TFLite requires");
      }
      requantization[i] = new byte[256];
      for (int q = 0; q < 256; q++) {
        requantization[i][q] = (byte) requantize(q, qi, qo);
      }
    }
  }

  private static boolean sameQuantization(Quantization a, Quantization b) {
    return a.scale() == b.scale() && a.zeroPoint() == b.zeroPoint();
  }

  /** TFLite's uint8 requantization of stored value {@code q} from {@code from} to {@code to}. */
  private static int requantize(int q, Quantization from, Quantization to) {
    float scale = from.scale() * (1f / to.scale());
    float bias = -from.zeroPoint() * scale;
    float x = q * scale + bias;
    int rounded = (int) (Math.signum(x) * Math.floor(Math.abs((double) x) + 0.5));
    return Math.max(Math.min(rounded + to.zeroPoint(), 255), 0);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    in = inputs;
    out = data(outputs[0]);
    int outerPerTask = Math.max(1, ArithmeticFloat.MIN_ELEMENTS_PER_TASK / Math.max(1, outputRun));
    pool.parallelFor(outer, outerPerTask, copyOuter);
    in = null;
    out = null;
  }

  private void copyOuter(int first, int end) {
    for (int k = first; k < end; k++) {
      for (int i = 0; i < in.length; i++) {
        int from = k * runLength[i];
        int to = k * outputRun + runStart[i];
        if (requantization[i] == null) {
          System.arraycopy(data(in[i]), from, out, to, runLength[i]);
        } else {
          byte[] src = in[i].bytes();
          byte[] dst = (byte[]) out;
          byte[] table = requantization[i];
          for (int j = 0; j < runLength[i]; j++) {
            dst[to + j] = table[src[from + j] & 0xFF];
          }
        }
      }
    }
  }

  private static Object data(Tensor t) {
    switch (t.dataType()) {
      case FLOAT32:
        return t.floats();
      case INT32:
        return t.ints();
      case INT64:
        return t.longs();
      default:
        return t.bytes();
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor output = outputs[0];
    Shape shape = output.shape();
    int inner = shape.sizeFrom(resolvedAxis + 1);
    for (int e = 0; e < output.size(); e++) {
      int k = e / (shape.dim(resolvedAxis) * inner);
      int along = e / inner % shape.dim(resolvedAxis);
      int i = 0;
      while (along >= inputs[i].shape().dim(resolvedAxis)) {
        along -= inputs[i].shape().dim(resolvedAxis);
        i++;
      }
      int src = (k * inputs[i].shape().dim(resolvedAxis) + along) * inner + e % inner;
      copyElement(inputs[i], src, output, e);
    }
  }

  private static void copyElement(Tensor from, int src, Tensor to, int dst) {
    switch (to.dataType()) {
      case FLOAT32:
        to.floats()[dst] = from.floats()[src];
        break;
      case INT32:
        to.ints()[dst] = from.ints()[src];
        break;
      case INT64:
        to.longs()[dst] = from.longs()[src];
        break;
      default:
        boolean plain = to.dataType() == DataType.INT8 || sameQuantization(from.quantization(), to.quantization());
        to.bytes()[dst] = plain ? from.bytes()[src] : (byte) requantize(from.bytes()[src] & 0xFF,
            from.quantization(), to.quantization());
    }
  }
}
