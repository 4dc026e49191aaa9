package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;

/**
 * PAD for every element type: surrounds the input with {@code paddings[i] = (before, after)} elements per axis,
 * from a constant {@code [rank, 2]} INT32 input, at most {@value #MAX_RANK} dimensions as TFLite 2.6 (which reads
 * INT64 paddings as if they were INT32, so they are rejected here).
 * The pad value is 0, or the output's zero point for INT8/UINT8 (the quantized 0); values are copied, not
 * requantized. The optimized form fills the output once and copies the input in its longest contiguous runs.
 */
public final class Pad implements Op {
  private static final String OP = "PAD";
  /** TFLite 2.6 pads up to 5-D arrays. */
  public static final int MAX_RANK = 5;

  private Elements elements;
  private int padValue;
  private int[] before;
  private StridedCopy interior;

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 2 || outputs.length != 1) {
      throw new OpPrepareException(OP, "takes 2 inputs and 1 output, got " + inputs.length + " and " + outputs.length);
    }
    Tensor input = inputs[0];
    Tensor output = outputs[0];
    if (input.dataType() != output.dataType()) {
      throw new OpPrepareException(OP, "output type " + output.dataType() + " differs from input type " + input.dataType());
    }
    elements = Elements.of(input.dataType(), OP);
    int[] inDims = input.shape().toArray();
    int rank = inDims.length;
    if (rank > MAX_RANK) {
      throw new OpPrepareException(OP, "input rank " + rank + " exceeds " + MAX_RANK);
    }
    Tensor paddings = inputs[1];
    if (paddings == null || !paddings.shape().equals(Shape.of(rank, 2))) {
      throw new OpPrepareException(OP, "paddings must have shape [" + rank + ",2], got "
          + (paddings == null ? "none" : paddings.shape().toString()));
    }
    if (paddings.dataType() != DataType.INT32) {
      throw new OpPrepareException(OP, "paddings must be INT32, got " + paddings.dataType()
          + " (TFLite 2.6 reads any paddings as INT32)");
    }
    int[] pairs = IndexTensor.values(paddings, OP, "paddings");
    before = new int[rank];
    int[] outDims = new int[rank];
    for (int i = 0; i < rank; i++) {
      if (pairs[2 * i] < 0 || pairs[2 * i + 1] < 0) {
        throw new OpPrepareException(OP, "paddings of axis " + i + " are negative: " + pairs[2 * i] + ", " + pairs[2 * i + 1]);
      }
      before[i] = pairs[2 * i];
      outDims[i] = inDims[i] + pairs[2 * i] + pairs[2 * i + 1];
    }
    padValue = 0;
    if (output.dataType().isByte()) {
      padValue = output.quantization().isQuantized() ? output.quantization().zeroPoint() : 0;
      int lo = output.dataType() == DataType.UINT8 ? 0 : -128;
      if (padValue < lo || padValue > lo + 255) {
        throw new OpPrepareException(OP, "output zero point " + padValue + " is outside the " + output.dataType() + " range");
      }
    }
    output.resize(Shape.of(outDims));
    int[] outSteps = StridedCopy.rowMajorSteps(outDims);
    int offset = 0;
    for (int i = 0; i < rank; i++) {
      offset += before[i] * outSteps[i];
    }
    interior = StridedCopy.of(inDims, 0, StridedCopy.rowMajorSteps(inDims), offset, outSteps);
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    Object out = elements.array(outputs[0]);
    elements.fill(out, 0, outputs[0].size(), padValue);
    interior.copy(elements, elements.array(inputs[0]), out);
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Object in = elements.array(inputs[0]);
    Object out = elements.array(outputs[0]);
    int[] inDims = inputs[0].shape().toArray();
    int[] outDims = outputs[0].shape().toArray();
    for (int o = 0; o < outputs[0].size(); o++) {
      int rest = o;
      int i = 0;
      int inStep = 1;
      boolean inside = true;
      for (int k = outDims.length - 1; k >= 0; k--) {
        int coordinate = rest % outDims[k] - before[k];
        rest /= outDims[k];
        inside &= coordinate >= 0 && coordinate < inDims[k];
        i += coordinate * inStep;
        inStep *= inDims[k];
      }
      if (inside) {
        System.arraycopy(in, i, out, o, 1);
      } else {
        elements.fill(out, o, o + 1, padValue);
      }
    }
  }
}
