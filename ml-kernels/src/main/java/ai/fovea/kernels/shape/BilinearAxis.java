package ai.fovea.kernels.shape;

/**
 * TFLite's float sampling rule for bilinear resizing along one axis (ComputeInterpolationValues): output index
 * {@code i} samples source position {@code i * scale} (or {@code (i + 0.5) * scale - 0.5} with half-pixel
 * centers) between a lower index {@code max(floor(p), 0)} and an upper one {@code min(ceil(p), n - 1)}. Every
 * step is float arithmetic in TFLite's order, so that the 8-bit forms round exactly as the interpreter. An
 * instance holds the rule tabulated for every output index.
 */
final class BilinearAxis {
  final int[] lower;
  final int[] upper;
  /** {@code position - lower}, the weight of the upper sample. */
  final float[] fraction;

  private BilinearAxis(int inSize, int outSize, boolean alignCorners, boolean halfPixelCenters) {
    lower = new int[outSize];
    upper = new int[outSize];
    fraction = new float[outSize];
    float scale = scale(inSize, outSize, alignCorners);
    for (int i = 0; i < outSize; i++) {
      float p = position(i, scale, halfPixelCenters);
      lower[i] = lower(p);
      upper[i] = upper(p, inSize);
      fraction[i] = p - lower[i];
    }
  }

  static BilinearAxis of(int inSize, int outSize, ResizeParams params) {
    return new BilinearAxis(inSize, outSize, params.alignCorners, params.halfPixelCenters);
  }

  /** Source pixels per output pixel; with aligned corners the corner centres map onto each other. */
  static float scale(int inSize, int outSize, boolean alignCorners) {
    return alignCorners && outSize > 1 ? (float) (inSize - 1) / (outSize - 1) : (float) inSize / outSize;
  }

  static float position(int index, float scale, boolean halfPixelCenters) {
    return halfPixelCenters ? ((float) index + 0.5f) * scale - 0.5f : (float) index * scale;
  }

  static int lower(float position) {
    return Math.max((int) Math.floor(position), 0);
  }

  static int upper(float position, int inSize) {
    return Math.min((int) Math.ceil(position), inSize - 1);
  }
}
