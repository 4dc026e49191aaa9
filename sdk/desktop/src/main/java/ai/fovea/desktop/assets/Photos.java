package ai.fovea.desktop.assets;

import ai.fovea.desktop.image.ImageFiles;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.convert.ConversionOptions;
import ai.fovea.sdk.convert.FrameConverter;
import ai.fovea.sdk.convert.Interpolation;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.frame.Frame;
import java.nio.file.Path;

/**
 * Photographs as model inputs (files decoded by {@link ImageFiles}). {@link #uint8Input} is the input the
 * published uint8 detectors take: the whole image stretched bilinearly to the model's size through the SDK's
 * {@link FrameConverter}, raw 0..255 RGB values (scale 1/128, zero point 128 maps them through unchanged).
 */
public final class Photos {
  private Photos() {}

  /** The image resized (bilinear, stretched) to {@code [1, height, width, 3]} uint8 RGB holding raw pixel values. */
  public static Tensor uint8Input(Path image, int height, int width) {
    Tensor input = Tensor.allocate("image", DataType.UINT8, Shape.of(1, height, width, 3),
        Quantization.perTensor(1f / 128, 128));
    FrameConverter converter = new FrameConverter(ConversionOptions.builder().scaleMode(ScaleMode.STRETCH)
        .interpolation(Interpolation.BILINEAR).normalization(128f, 128f).build());
    Frame frame = ImageFiles.readFrame(image);
    converter.prepare(frame, input);
    converter.run(frame, input);
    return input;
  }
}
