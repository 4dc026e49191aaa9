package ai.fovea.desktop.image;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.convert.ConversionOptions;
import ai.fovea.sdk.convert.FrameConverter;
import ai.fovea.sdk.convert.InputTransform;
import ai.fovea.sdk.convert.Point;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.frame.Frame;
import java.awt.image.BufferedImage;

/**
 * A frame as a person would look at it: decoded to RGB, rotated upright and mirrored as the frame says, at its
 * own size. Results come in source-frame coordinates (the buffer the camera delivered); {@link #toUpright} takes
 * them to this picture. Both go through the SDK's own {@link FrameConverter}, so the picture and the mapping are
 * the ones the models see, not a second implementation of rotation.
 */
public final class UprightView {
  private final BufferedImage image;
  private final InputTransform transform;

  private UprightView(BufferedImage image, InputTransform transform) {
    this.image = image;
    this.transform = transform;
  }

  /** Converts the frame (any format, rotation and mirroring) to an upright RGB image. */
  public static UprightView of(Frame frame) {
    int w = frame.uprightWidth();
    int h = frame.uprightHeight();
    // At the frame's own size the converter copies pixels exactly; scale 1, zero point 0 keeps 0..255 values.
    Tensor rgb = Tensor.allocate("upright", DataType.UINT8, Shape.of(1, h, w, 3), Quantization.perTensor(1f, 0));
    FrameConverter converter = new FrameConverter(
        ConversionOptions.builder().scaleMode(ScaleMode.STRETCH).normalization(0f, 1f).build());
    converter.prepare(frame, rgb);
    converter.run(frame, rgb);
    byte[] b = rgb.bytes();
    int[] argb = new int[w * h];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = 0xFF000000 | (b[3 * i] & 0xFF) << 16 | (b[3 * i + 1] & 0xFF) << 8 | (b[3 * i + 2] & 0xFF);
    }
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, w, h, argb, 0, w);
    return new UprightView(image, converter.transform());
  }

  /** The upright picture (TYPE_INT_RGB); callers draw on a copy. */
  public BufferedImage image() {
    return image;
  }

  /** Upright-picture coordinates of source-frame point ({@code x}, {@code y}), continuous pixels. */
  public Point toUpright(float x, float y) {
    return transform.toModel(x, y);
  }
}
