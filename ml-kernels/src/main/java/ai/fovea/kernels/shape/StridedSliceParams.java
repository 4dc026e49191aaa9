package ai.fovea.kernels.shape;

/**
 * STRIDED_SLICE's options: bit {@code i} of a mask applies to axis {@code i}. {@code begin_mask}/{@code end_mask}
 * ignore the given begin/end and take the whole axis in the stride's direction; {@code shrink_axis_mask} keeps
 * one element and drops the axis. TFLite 2.6 rejects {@code ellipsis_mask} and {@code new_axis_mask}; they are
 * kept here so that {@link StridedSlice#prepare} can reject them with the same message.
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
