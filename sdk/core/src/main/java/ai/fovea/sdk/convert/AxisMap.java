package ai.fovea.sdk.convert;

/**
 * One axis of the fit of the region of interest into the model input: output pixels
 * [contentStart, contentStart + contentSize) show the image (the rest is letterbox padding), and output
 * coordinate x shows region coordinate {@code offset + (x - contentStart) * step}, i.e. upright coordinate
 * {@code regionStart} plus that. Sampling works in region coordinates, clamped to the region so nothing outside
 * it leaks in, and with the same expressions the definition uses so pixel centres on box edges fall alike.
 */
final class AxisMap {
  final int outputSize;
  final int contentStart;
  final int contentSize;
  final int regionStart;
  final int regionSize;
  final double offset;
  final double step;

  AxisMap(int outputSize, int contentStart, int contentSize, int regionStart, int regionSize, double offset, double step) {
    this.outputSize = outputSize;
    this.contentStart = contentStart;
    this.contentSize = contentSize;
    this.regionStart = regionStart;
    this.regionSize = regionSize;
    this.offset = offset;
    this.step = step;
  }

  double toUpright(double x) {
    return regionStart + offset + (x - contentStart) * step;
  }

  double toOutput(double u) {
    return (u - regionStart - offset) / step + contentStart;
  }

  /** Region coordinate of the centre of content pixel {@code i}, clamped to the centres of the region's pixels. */
  double sampleCentre(int i) {
    double c = offset + (i + 0.5) * step - 0.5;
    return Math.max(0, Math.min(regionSize - 1, c));
  }

  /** First region pixel whose centre lies in content pixel {@code i}'s footprint (at least one pixel per box). */
  int boxStart(int i) {
    int a = (int) Math.ceil(offset + i * step - 0.5);
    return Math.max(0, Math.min(regionSize - 1, a));
  }

  /** One past the last region pixel of content pixel {@code i}'s box. */
  int boxEnd(int i) {
    int b = (int) Math.ceil(offset + (i + 1) * step - 0.5);
    return Math.max(boxStart(i) + 1, Math.min(regionSize, b));
  }
}
