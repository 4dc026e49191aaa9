package ai.fovea.kernels.shape;

/**
 * STRIDED_SLICE's options. Bit {@code i} of a mask applies to entry {@code i} of begin/end/strides:
 * {@code begin_mask}/{@code end_mask} ignore the given index and take the axis from its first (last) element in
 * the stride's direction; {@code shrink_axis_mask} keeps the element at begin and drops the axis;
 * {@code new_axis_mask} inserts an axis of extent 1; {@code ellipsis_mask} (one bit) stands for as many full axes
 * as the entries leave unnamed.
 */
public final class StridedSliceParams {
  final int beginMask;
  final int endMask;
  final int ellipsisMask;
  final int newAxisMask;
  final int shrinkAxisMask;

  private StridedSliceParams(int beginMask, int endMask, int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
    this.beginMask = beginMask;
    this.endMask = endMask;
    this.ellipsisMask = ellipsisMask;
    this.newAxisMask = newAxisMask;
    this.shrinkAxisMask = shrinkAxisMask;
  }

  public static StridedSliceParams of(int beginMask, int endMask, int ellipsisMask, int newAxisMask, int shrinkAxisMask) {
    return new StridedSliceParams(beginMask, endMask, ellipsisMask, newAxisMask, shrinkAxisMask);
  }

  /** Begin/end masks only, the common case. */
  public static StridedSliceParams of(int beginMask, int endMask) {
    return new StridedSliceParams(beginMask, endMask, 0, 0, 0);
  }
}
