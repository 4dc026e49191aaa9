package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.quant.QuantizedMultiplier;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * MEAN on int8 and uint8 tensors over the axes of a constant INT32 tensor, with TFLite 2.6's three ways of
 * turning the int sum of stored values into an output, chosen as its reference kernel chooses them:
 * <ul>
 *   <li>4-D, keep_dims, axes listed as {1, 2} (the spatial mean): int8 rescales the centred sum by
 *   {@code s_in / s_out} with double rounding, then divides by the count rounding half away from zero; uint8
 *   rescales the raw sum by {@code s_in / (count · s_out)} and adds {@code zp_out − round(zp_in · s_in / s_out)};
 *   <li>otherwise, equal input and output quantization: the sum divided by the count, truncated;
 *   <li>otherwise: in float, {@code round(sum / count · s − zp_in · s) + zp_out} with {@code s = s_in / s_out},
 *   rounding half away from zero.
 * </ul>
 * Each result is clamped to the type. The optimized form sums like {@link MeanFloat}, into an int row.
 */
public final class MeanInt8 implements Op {
  private enum Rescale {
    SPATIAL_INT8,
    SPATIAL_UINT8,
    TRUNCATE,
    FLOAT
  }

  private final MeanParams params;
  private final ComputePool pool;
  private final ComputePool.RangeBody sumRuns = this::sumRuns;
  private final ComputePool.RangeBody sumColumns = this::sumColumns;
  private ReductionPlan plan;
  private boolean unsigned;
  private Rescale rescale;
  private int inputZeroPoint;
  private int outputZeroPoint;
  private QuantizedMultiplier multiplier;
  private int uint8Bias;
  private float floatScale;
  private float floatBias;
  private int[] sums;
  private byte[] in;

  public MeanInt8(MeanParams params, ComputePool pool) {
    if (params == null || pool == null) {
      throw new IllegalArgumentException("params and pool are required");
    }
    this.params = params;
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    plan = ReductionPlan.prepare(MeanFloat.NAME, params, inputs, outputs, DataType.INT8, DataType.UINT8);
    Quantization qi = inputs[0].quantization();
    Quantization qo = outputs[0].quantization();
    if (qi.channelCount() != 1 || qo.channelCount() != 1) {
      throw new OpPrepareException(MeanFloat.NAME, "needs per-tensor quantized input and output, got " + qi
          + " and " + qo);
    }
    unsigned = inputs[0].dataType() == DataType.UINT8;
    inputZeroPoint = qi.zeroPoint();
    outputZeroPoint = qo.zeroPoint();
    float si = qi.scale();
    float so = qo.scale();
    if (plan.spatial && !unsigned) {
      rescale = Rescale.SPATIAL_INT8;
      multiplier = QuantizedMultiplier.of((double) si / (double) so);
    } else if (plan.spatial) {
      rescale = Rescale.SPATIAL_UINT8;
      float offset = inputZeroPoint * si / so;
      uint8Bias = outputZeroPoint - (int) (offset > 0 ? offset + 0.5f : offset - 0.5f);
      multiplier = QuantizedMultiplier.of(si / (plan.count * so));
    } else if (si == so && inputZeroPoint == outputZeroPoint) {
      rescale = Rescale.TRUNCATE;
    } else {
      rescale = Rescale.FLOAT;
      floatScale = si / so;
      floatBias = -inputZeroPoint * floatScale;
    }
    sums = new int[outputs[0].size()];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    byte[] out = outputs[0].bytes();
    int n = outputs[0].size();
    if (inputs[0].size() == 0) {
      Arrays.fill(out, 0, n, (byte) 0);
      return;
    }
    in = inputs[0].bytes();
    Arrays.fill(sums, 0);
    plan.sum(pool, sumRuns, sumColumns);
    for (int o = 0; o < n; o++) {
      out[o] = (byte) mean(sums[o]);
    }
    in = null;
  }

  private void sumRuns(int first, int end) {
    int inner = plan.inner;
    int mask = unsigned ? 0xFF : -1;
    for (int s = first; s < end; s++) {
      int sum = 0;
      for (int i = s * inner, e = i + inner; i < e; i++) {
        sum += in[i] & mask;
      }
      sums[plan.segmentOutput[s]] += sum;
    }
  }

  private void sumColumns(int first, int end) {
    int inner = plan.inner;
    for (int s = 0; s < plan.segmentOutput.length; s++) {
      int o = plan.segmentOutput[s];
      int i = s * inner;
      if (unsigned) {
        for (int k = first; k < end; k++) {
          sums[o + k] += in[i + k] & 0xFF;
        }
      } else {
        for (int k = first; k < end; k++) {
          sums[o + k] += in[i + k];
        }
      }
    }
  }

  /** The output value for the sum of {@code count} stored input values. */
  private int mean(int sum) {
    int count = plan.count;
    int typeMin = unsigned ? 0 : -128;
    int typeMax = unsigned ? 255 : 127;
    int v;
    switch (rescale) {
      case SPATIAL_INT8:
        v = QuantizedMultiplier.applyDoubleRounding(sum - count * inputZeroPoint, multiplier.multiplier,
            multiplier.shift);
        v = AveragePool2DInt8.roundedAverage(v, count) + outputZeroPoint;
        break;
      case SPATIAL_UINT8:
        v = QuantizedMultiplier.applyDoubleRounding(sum, multiplier.multiplier, multiplier.shift) + uint8Bias;
        break;
      case TRUNCATE:
        v = sum / count;
        break;
      default:
        float r = roundHalfAway((float) sum / count * floatScale + floatBias) + outputZeroPoint;
        return (int) Math.max(Math.min(r, typeMax), typeMin);
    }
    return Math.min(Math.max(v, typeMin), typeMax);
  }

  private static float roundHalfAway(float x) {
    return (float) (Math.signum(x) * Math.floor(Math.abs((double) x) + 0.5));
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    byte[] src = inputs[0].bytes();
    byte[] dst = outputs[0].bytes();
    Arrays.fill(sums, 0);
    for (int i = 0; i < inputs[0].size(); i++) {
      sums[plan.outputIndex(inputs[0].shape(), i)] += unsigned ? src[i] & 0xFF : src[i];
    }
    for (int o = 0; o < outputs[0].size(); o++) {
      dst[o] = (byte) (inputs[0].size() == 0 ? 0 : mean(sums[o]));
    }
  }
}
