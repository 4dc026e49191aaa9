package ai.fovea.sdk.convert;

/**
 * The geometry of one conversion: where each model-input pixel comes from in the source frame, through the
 * region of interest, the letterbox or centre crop, the rotation and the mirroring. Immutable. It maps points
 * both ways in continuous pixel coordinates, so a box the model finds can be taken back to the frame the
 * camera delivered.
 */
public final class InputTransform {
  private final Orientation orientation;
  private final Region region;
  private final AxisMap xAxis;
  private final AxisMap yAxis;

  private InputTransform(Orientation orientation, Region region, AxisMap xAxis, AxisMap yAxis) {
    this.orientation = orientation;
    this.region = region;
    this.xAxis = xAxis;
    this.yAxis = yAxis;
  }

  static InputTransform create(Orientation orientation, Region region, int outWidth, int outHeight, ScaleMode mode) {
    int w = region.width();
    int h = region.height();
    AxisMap x;
    AxisMap y;
    // Compare aspect ratios exactly in integers: true when the region is relatively wider than the output.
    boolean wider = (long) w * outHeight >= (long) h * outWidth;
    int left = region.left();
    int top = region.top();
    switch (mode) {
      case LETTERBOX:
        if (wider) {
          int content = Math.max(1, (int) Math.round((double) h * outWidth / w));
          x = new AxisMap(outWidth, 0, outWidth, left, w, 0, (double) w / outWidth);
          y = new AxisMap(outHeight, (outHeight - content) / 2, content, top, h, 0, (double) h / content);
        } else {
          int content = Math.max(1, (int) Math.round((double) w * outHeight / h));
          x = new AxisMap(outWidth, (outWidth - content) / 2, content, left, w, 0, (double) w / content);
          y = new AxisMap(outHeight, 0, outHeight, top, h, 0, (double) h / outHeight);
        }
        break;
      case CENTER_CROP:
        double step = wider ? (double) h / outHeight : (double) w / outWidth;
        x = new AxisMap(outWidth, 0, outWidth, left, w, (w - outWidth * step) / 2, step);
        y = new AxisMap(outHeight, 0, outHeight, top, h, (h - outHeight * step) / 2, step);
        break;
      default:
        x = new AxisMap(outWidth, 0, outWidth, left, w, 0, (double) w / outWidth);
        y = new AxisMap(outHeight, 0, outHeight, top, h, 0, (double) h / outHeight);
    }
    return new InputTransform(orientation, region, x, y);
  }

  /** Source-frame coordinates of model-input point ({@code x}, {@code y}). */
  public Point toSource(float x, float y) {
    double[] s = orientation.toSource(xAxis.toUpright(x), yAxis.toUpright(y));
    return new Point((float) s[0], (float) s[1]);
  }

  /** Model-input coordinates of source-frame point ({@code x}, {@code y}); the inverse of {@link #toSource}. */
  public Point toModel(float x, float y) {
    double[] u = orientation.toUpright(x, y);
    return new Point((float) xAxis.toOutput(u[0]), (float) yAxis.toOutput(u[1]));
  }

  /** The region of interest in upright-image coordinates. */
  public Region region() {
    return region;
  }

  /** The model-input rectangle that shows the image; smaller than the input only when letterboxing. */
  public Region content() {
    return Region.of(xAxis.contentStart, yAxis.contentStart, xAxis.contentSize, yAxis.contentSize);
  }

  public int modelWidth() {
    return xAxis.outputSize;
  }

  public int modelHeight() {
    return yAxis.outputSize;
  }

  AxisMap xAxis() {
    return xAxis;
  }

  AxisMap yAxis() {
    return yAxis;
  }

  Orientation orientation() {
    return orientation;
  }
}
