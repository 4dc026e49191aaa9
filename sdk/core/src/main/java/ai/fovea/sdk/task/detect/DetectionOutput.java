package ai.fovea.sdk.task.detect;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.task.OutputValues;

/**
 * One model output a detection decoder reads: found by index, its type and shape checked at prepare time, and
 * read per frame as floats — a FLOAT32 tensor's own array, or an INT8 / UINT8 one dequantized by
 * {@link OutputValues} into scratch sized at prepare time — so decoders see one type and allocate nothing.
 */
final class DetectionOutput {
  private final String what;
  private final int index;
  private Shape shape;
  private DataType type;
  private float[] scratch;

  DetectionOutput(String what, int index) {
    this.what = what;
    this.index = index;
  }

  /** Checks the output exists and has a readable type; returns its shape. */
  Shape prepare(Tensor[] outputs) {
    Tensor t = find(outputs);
    DataType dt = t.dataType();
    if (dt == DataType.FLOAT32) {
      scratch = null;
    } else if (dt.isByte()) {
      if (!t.quantization().isQuantized() || t.quantization().isPerChannel()) {
        throw new DetectionOutputException(what + " output " + index + " (" + t + ") must be float32 or per-tensor quantized");
      }
      scratch = new float[t.size()];
    } else {
      throw new DetectionOutputException(what + " output " + index + " (" + t + ") must be float32, int8 or uint8");
    }
    shape = t.shape();
    type = dt;
    return shape;
  }

  /** The values of this frame's output, which must be shaped as prepared. */
  float[] read(Tensor[] outputs) {
    Tensor t = find(outputs);
    if (t.dataType() != type || !t.shape().equals(shape)) {
      throw new DetectionOutputException(what + " output " + index + " is " + t + ", prepared for " + type + shape);
    }
    if (scratch == null) {
      return t.floats();
    }
    OutputValues.dequantize(t, scratch);
    return scratch;
  }

  private Tensor find(Tensor[] outputs) {
    if (outputs == null) {
      throw new DetectionOutputException("model outputs are null");
    }
    if (index >= outputs.length || outputs[index] == null) {
      throw new DetectionOutputException(what + " output " + index + " is missing: the model has " + outputs.length + " outputs");
    }
    return outputs[index];
  }

  /** Rows × columns of a [1, rows, cols], [rows, cols] or [1, 1, rows, cols] output; throws otherwise. */
  static int[] matrix(String what, Shape s) {
    int r = s.rank();
    boolean ok = r == 2 || (r == 3 && s.dim(0) == 1) || (r == 4 && s.dim(0) == 1 && s.dim(1) == 1);
    if (!ok) {
      throw new DetectionOutputException(what + " output must be [1, N, C] (or [N, C], [1, 1, N, C]), got " + s);
    }
    return new int[] {s.dim(r - 2), s.dim(r - 1)};
  }
}
