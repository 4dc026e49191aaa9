package ai.fovea.kernels.op;

/** TFLite's padding modes, with its output-size and offset rules. */
public enum Padding {
  SAME,
  VALID;

  /** Output extent for one spatial dimension, as TFLite's ComputeOutSize. */
  public int outputSize(int inputSize, int filterSize, int stride, int dilation) {
    int effectiveFilter = (filterSize - 1) * dilation + 1;
    if (this == SAME) {
      return (inputSize + stride - 1) / stride;
    }
    return (inputSize + stride - effectiveFilter) / stride;
  }

  /** Padding before the first element (top/left) for one spatial dimension, as TFLite's ComputePaddingWithOffset. */
  public int paddingBefore(int inputSize, int filterSize, int stride, int dilation) {
    if (this == VALID) {
      return 0;
    }
    int effectiveFilter = (filterSize - 1) * dilation + 1;
    int out = outputSize(inputSize, filterSize, stride, dilation);
    int total = Math.max((out - 1) * stride + effectiveFilter - inputSize, 0);
    return total / 2;
  }
}
