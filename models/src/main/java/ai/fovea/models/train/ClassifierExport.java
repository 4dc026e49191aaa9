package ai.fovea.models.train;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.data.Normalization;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.TfliteModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a trained network into the classifier models Fovea ships: the float model (batch norm folded, ReLU fused,
 * logits output) and its fully int8 form from {@link PostTrainingQuantizer}, calibrated on held-out images, both
 * carrying the {@code fovea.model} and {@code fovea.labels} metadata: gray input, mean and std in 0..255 pixel
 * units ({@link Normalization#scaled scaled(255)}, one value per channel, comma-separated), stretch resize,
 * {@code scores} output (logits; apply softmax for probabilities).
 */
public final class ClassifierExport {
  public static final String MODEL_METADATA = "fovea.model";
  public static final String LABELS_METADATA = "fovea.labels";

  private final String name;
  private final String version;
  private final List<String> labels;
  private final String source;

  /**
   * @param name model name for the metadata
   * @param version model version
   * @param labels one label per class, index = class id
   * @param source how the model was made (the exact command), or null
   */
  public ClassifierExport(String name, String version, List<String> labels, String source) {
    if (name == null || name.isEmpty() || version == null || labels == null || labels.isEmpty()) {
      throw new IllegalArgumentException("name, version and labels are required");
    }
    for (String label : labels) {
      if (label == null || label.contains("\n")) {
        throw new IllegalArgumentException("labels must be single lines, got '" + label + "'");
      }
    }
    this.name = name;
    this.version = version;
    this.labels = List.copyOf(labels);
    this.source = source;
  }

  /** The float model: input [1, H, W, C] normalized float, output [1, classes] logits. */
  public TfliteModel floatModel(Network network, Normalization normalization) {
    if (network.classes() != labels.size()) {
      throw new IllegalArgumentException(labels.size() + " labels for " + network.classes() + " classes");
    }
    if (network.inputShape().dim(2) != 1) {
      throw new IllegalArgumentException("only gray (1-channel) classifiers are exported, got " + network.inputShape());
    }
    return network.exportFloat(metadata(normalization));
  }

  /**
   * The int8 model (int8 input and output) of {@code floatModel}, calibrated on the first {@code count} images of
   * {@code calibration}, normalized as in training.
   */
  public static TfliteModel int8Model(TfliteModel floatModel, LabeledImages calibration, Normalization normalization,
      int count, int threads) {
    if (count < 1 || count > calibration.count()) {
      throw new IllegalArgumentException("calibration count must be in [1, " + calibration.count() + "], got " + count);
    }
    Shape shape = Shape.of(1, calibration.height(), calibration.width(), calibration.channels());
    List<Tensor[]> samples = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] pixels = new float[calibration.imageSize()];
      calibration.copyImage(i, pixels, 0);
      normalization.applyInPlace(pixels, 0, pixels.length);
      samples.add(new Tensor[] {Tensor.ofFloats("image", shape, pixels)});
    }
    return PostTrainingQuantizer.builder().threads(threads).build().quantize(floatModel, samples);
  }

  private Map<String, byte[]> metadata(Normalization normalization) {
    Normalization pixels255 = normalization.scaled(255f);
    StringBuilder model = new StringBuilder()
        .append("task=classify\n")
        .append("name=").append(escape(name)).append('\n')
        .append("version=").append(escape(version)).append('\n')
        .append("input.color=gray\n")
        .append("input.mean=").append(values(pixels255.mean())).append('\n')
        .append("input.std=").append(values(pixels255.std())).append('\n')
        .append("input.resize=stretch\n")
        .append("output.layout=scores\n");
    if (source != null) {
      model.append("source=").append(escape(source)).append('\n');
    }
    Map<String, byte[]> metadata = new LinkedHashMap<>();
    metadata.put(MODEL_METADATA, model.toString().getBytes(StandardCharsets.UTF_8));
    metadata.put(LABELS_METADATA, (String.join("\n", labels) + "\n").getBytes(StandardCharsets.UTF_8));
    return metadata;
  }

  /** Comma-separated, six decimals: the {@code fovea.model} list form (one value for a gray model). */
  private static String values(float[] values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", values[i]));
    }
    return b.toString();
  }

  /** Properties-format escaping for values on one line. */
  private static String escape(String value) {
    StringBuilder b = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '\\' || c == '=' || c == ':' || c == '#' || c == '!') {
        b.append('\\');
      }
      if (c == '\n') {
        b.append("\\n");
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
