package ai.fovea.kernels.pool;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.ConvGeometry;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/** MAX_POOL_2D / AVERAGE_POOL_2D parameters: window, strides, padding, fused activation. */
public final class PoolParams {
  public final Padding padding;
  public final int filterHeight;
  public final int filterWidth;
  public final int strideH;
  public final int strideW;
  public final Activation activation;

  public PoolParams(Padding padding, int filterHeight, int filterWidth, int strideH, int strideW,
      Activation activation) {
    if (padding == null || activation == null) {
      throw new IllegalArgumentException("padding and activation are required");
    }
    this.padding = padding;
    this.filterHeight = filterHeight;
    this.filterWidth = filterWidth;
    this.strideH = strideH;
    this.strideW = strideW;
    this.activation = activation;
  }

  /**
   * Checks types (float32, int8 or uint8, input = output) and, for quantized pools, TFLite's rule that input and
   * output share scale and zero point; resizes the output and returns the geometry.
   */
  ConvGeometry prepare(String op, Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 1 || outputs.length != 1 || inputs[0] == null) {
      throw new OpPrepareException(op, "takes one input and one output");
    }
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    DataType t = in.dataType();
    if (t != out.dataType() || !(t == DataType.FLOAT32 || t.isByte())) {
      throw new OpPrepareException(op, "needs matching float32, int8 or uint8 input and output, got " + t + " and "
          + out.dataType());
    }
    if (t.isByte() && !in.quantization().equals(out.quantization())) {
      throw new OpPrepareException(op, "quantized input and output must share scale and zero point, got "
          + in.quantization() + " and " + out.quantization());
    }
    ConvGeometry g = ConvGeometry.of(op, in.shape(), filterHeight, filterWidth, strideH, strideW, 1, 1, padding);
    out.resize(g.outputShape(g.inChannels));
    return g;
  }

  /** The clamp range: the activation's for float; its quantized range (within the type) for 8-bit. */
  int[] byteRange(Tensor output) {
    return activation.quantizedRange(output);
  }
}
