package ai.fovea.sdk.model;

import ai.fovea.sdk.convert.ConversionOptions;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.models.tflite.TfliteModel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * What the SDK must know about a model besides its graph: the task, name and version, the input's colour,
 * normalization ({@code (pixel - mean) / std} in 0..255 pixel units, per channel) and resize mode, the output
 * layout, where the model came from, and the class labels. Read from the model's two metadata buffers
 * ({@value #MODEL_METADATA}: UTF-8 {@link Properties} text; {@value #LABELS_METADATA}: UTF-8, one label per line,
 * line index = class id) by {@link #read}, or built with {@link #builder} for published models that carry none.
 * Every value is validated; a bad one is a {@link ModelMetadataException} naming its key. Immutable.
 */
public final class ModelDescriptor {
  /** Name of the metadata buffer with the model's keys. */
  public static final String MODEL_METADATA = "fovea.model";
  /** Name of the metadata buffer with the labels. */
  public static final String LABELS_METADATA = "fovea.labels";

  private final Task task;
  private final String name;
  private final String version;
  private final InputColor inputColor;
  private final float[] mean;
  private final float[] std;
  private final ScaleMode resize;
  private final OutputLayout outputLayout;
  private final String source;
  private final List<String> labels;

  private ModelDescriptor(Builder b) {
    this.task = b.task;
    this.name = b.name;
    this.version = b.version;
    this.inputColor = b.inputColor;
    this.mean = b.mean;
    this.std = b.std;
    this.resize = b.resize;
    this.outputLayout = b.outputLayout;
    this.source = b.source;
    this.labels = b.labels;
  }

  /** An empty builder: set at least task, name, version, output layout and labels. */
  public static Builder builder() {
    return new Builder();
  }

  /** True when {@code model} carries a {@value #MODEL_METADATA} buffer. */
  public static boolean isPresentIn(TfliteModel model) {
    return model.metadata().containsKey(MODEL_METADATA);
  }

  /**
   * Reads the descriptor from {@code model}'s metadata. Throws {@link ModelMetadataException} naming
   * {@value #MODEL_METADATA} when the model has none (published models need a descriptor in the options), or the
   * first invalid key.
   */
  public static ModelDescriptor read(TfliteModel model) {
    byte[] keys = model.metadata(MODEL_METADATA);
    if (keys == null) {
      throw new ModelMetadataException(MODEL_METADATA, "the model has no Fovea metadata (present: "
          + model.metadata().keySet() + "); pass a ModelDescriptor in the options for a model without it");
    }
    byte[] labels = model.metadata(LABELS_METADATA);
    if (labels == null) {
      throw new ModelMetadataException(LABELS_METADATA, "the model has " + MODEL_METADATA + " but no labels");
    }
    return parse(keys, labels);
  }

  /** Parses the two metadata buffers' contents. */
  public static ModelDescriptor parse(byte[] modelKeys, byte[] labelLines) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(utf8(modelKeys, MODEL_METADATA)));
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelMetadataException(MODEL_METADATA, "not in Properties format: " + e.getMessage());
    }
    Builder b = builder()
        .task(Task.parse(required(p, "task")))
        .name(required(p, "name"))
        .version(required(p, "version"))
        .inputColor(InputColor.parse(required(p, "input.color")))
        .resize(parseResize(required(p, "input.resize")))
        .outputLayout(OutputLayout.parse(required(p, "output.layout")))
        .labels(parseLabels(utf8(labelLines, LABELS_METADATA)));
    b.normalization(floats(p, "input.mean"), floats(p, "input.std"));
    String source = p.getProperty("source");
    if (source != null) {
      b.source(source);
    }
    return b.build();
  }

  private static String utf8(byte[] bytes, String what) {
    if (bytes == null) {
      throw new ModelMetadataException(what, "missing");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ModelMetadataException(what, "is not valid UTF-8 text");
    }
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null || v.trim().isEmpty()) {
      throw new ModelMetadataException(key, "missing from " + MODEL_METADATA);
    }
    return v.trim();
  }

  private static float[] floats(Properties p, String key) {
    String[] parts = required(p, key).split(",");
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Float.parseFloat(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new ModelMetadataException(key, "value " + (i + 1) + " is not a number: '" + parts[i].trim() + "'");
      }
    }
    return out;
  }

  private static ScaleMode parseResize(String key) {
    switch (key) {
      case "stretch":
        return ScaleMode.STRETCH;
      case "letterbox":
        return ScaleMode.LETTERBOX;
      case "crop":
        return ScaleMode.CENTER_CROP;
      default:
        throw new ModelMetadataException("input.resize", "must be stretch, letterbox or crop, got '" + key + "'");
    }
  }

  private static String resizeKey(ScaleMode mode) {
    return mode == ScaleMode.STRETCH ? "stretch" : mode == ScaleMode.LETTERBOX ? "letterbox" : "crop";
  }

  private static List<String> parseLabels(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the newline that ends the last label
    }
    return lines;
  }

  public Task task() {
    return task;
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  public InputColor inputColor() {
    return inputColor;
  }

  /** Mean of input channel {@code c} in 0..255 pixel units. */
  public float mean(int c) {
    return mean[c];
  }

  /** Std of input channel {@code c} in 0..255 pixel units. */
  public float std(int c) {
    return std[c];
  }

  /** How a frame is fitted to the input: stretch, letterbox or centre crop. */
  public ScaleMode resize() {
    return resize;
  }

  public OutputLayout outputLayout() {
    return outputLayout;
  }

  /** How the model was made, or null when the metadata does not say. */
  public String source() {
    return source;
  }

  /** Class labels, index = class id. */
  public List<String> labels() {
    return labels;
  }

  /** The label of class {@code id}, or {@code "class <id>"} for an id beyond the labels. */
  public String label(int id) {
    return id >= 0 && id < labels.size() ? labels.get(id) : "class " + id;
  }

  /** A copy with other labels (an options override). */
  public ModelDescriptor withLabels(List<String> newLabels) {
    return toBuilder().labels(newLabels).build();
  }

  /** The frame conversion this model's input needs: its resize mode and normalization (gray: channel 0's). */
  public ConversionOptions conversionOptions() {
    float[] m = new float[3];
    float[] s = new float[3];
    for (int c = 0; c < 3; c++) {
      m[c] = mean[Math.min(c, mean.length - 1)];
      s[c] = std[Math.min(c, std.length - 1)];
    }
    return ConversionOptions.builder().scaleMode(resize).normalization(m, s).build();
  }

  /** The {@value #MODEL_METADATA} buffer this descriptor reads back from (UTF-8 Properties text). */
  public byte[] modelMetadata() {
    StringBuilder sb = new StringBuilder();
    sb.append("task=").append(task.key()).append('\n');
    sb.append("name=").append(escape(name)).append('\n');
    sb.append("version=").append(escape(version)).append('\n');
    sb.append("input.color=").append(inputColor.key()).append('\n');
    sb.append("input.mean=").append(join(mean)).append('\n');
    sb.append("input.std=").append(join(std)).append('\n');
    sb.append("input.resize=").append(resizeKey(resize)).append('\n');
    sb.append("output.layout=").append(outputLayout.key()).append('\n');
    if (source != null) {
      sb.append("source=").append(escape(source)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The {@value #LABELS_METADATA} buffer: one label per line. */
  public byte[] labelsMetadata() {
    return (String.join("\n", labels) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String value) {
    StringBuilder sb = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '\\' || c == '\n' || c == '\r' || c == '#' || c == '!' || c == '=' || c == ':') {
        sb.append('\\').append(c == '\n' ? 'n' : c == '\r' ? 'r' : c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String join(float[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ",").append(values[i]);
    }
    return sb.toString();
  }

  /** A builder holding this descriptor's values. */
  public Builder toBuilder() {
    Builder b = builder().task(task).name(name).version(version).inputColor(inputColor).resize(resize)
        .outputLayout(outputLayout).labels(labels).normalization(mean, std);
    if (source != null) {
      b.source(source);
    }
    return b;
  }

  @Override
  public String toString() {
    return task.key() + " model " + name + " " + version + " (" + inputColor.key() + ", " + outputLayout.key() + ", "
        + labels.size() + " labels)";
  }

  /**
   * Collects a descriptor; each setter validates and throws {@link ModelMetadataException} naming the key.
   * Defaults: RGB input, mean 0 and std 1, letterbox.
   */
  public static final class Builder {
    private Task task;
    private String name;
    private String version;
    private InputColor inputColor = InputColor.RGB;
    private float[] mean = {0};
    private float[] std = {1};
    private ScaleMode resize = ScaleMode.LETTERBOX;
    private OutputLayout outputLayout;
    private String source;
    private List<String> labels;

    private Builder() {}

    public Builder task(Task task) {
      this.task = nonNull(task, "task");
      return this;
    }

    public Builder name(String name) {
      this.name = text(name, "name");
      return this;
    }

    public Builder version(String version) {
      this.version = text(version, "version");
      return this;
    }

    public Builder inputColor(InputColor color) {
      this.inputColor = nonNull(color, "input.color");
      return this;
    }

    /** One mean and std for every channel (0..255 units), e.g. (127.5, 127.5) for inputs in [-1, 1]. */
    public Builder normalization(float mean, float std) {
      return normalization(new float[] {mean}, new float[] {std});
    }

    /** Per-channel mean and std (one value for all channels, or one per channel). */
    public Builder normalization(float[] mean, float[] std) {
      if (mean == null || mean.length == 0) {
        throw new ModelMetadataException("input.mean", "needs at least one value");
      }
      if (std == null || std.length == 0) {
        throw new ModelMetadataException("input.std", "needs at least one value");
      }
      for (int i = 0; i < mean.length; i++) {
        if (!Float.isFinite(mean[i])) {
          throw new ModelMetadataException("input.mean", "value " + (i + 1) + " must be finite, got " + mean[i]);
        }
      }
      for (int i = 0; i < std.length; i++) {
        if (!(std[i] > 0) || Float.isInfinite(std[i])) {
          throw new ModelMetadataException("input.std", "value " + (i + 1) + " must be positive and finite, got "
              + std[i]);
        }
      }
      this.mean = mean.clone();
      this.std = std.clone();
      return this;
    }

    public Builder resize(ScaleMode resize) {
      this.resize = nonNull(resize, "input.resize");
      return this;
    }

    public Builder outputLayout(OutputLayout layout) {
      this.outputLayout = nonNull(layout, "output.layout");
      return this;
    }

    public Builder source(String source) {
      this.source = text(source, "source");
      return this;
    }

    /** Class labels, index = class id; none may be empty or span lines. */
    public Builder labels(List<String> labels) {
      if (labels == null || labels.isEmpty()) {
        throw new ModelMetadataException(LABELS_METADATA, "needs at least one label");
      }
      for (int i = 0; i < labels.size(); i++) {
        String l = labels.get(i);
        if (l == null || l.trim().isEmpty() || l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0) {
          throw new ModelMetadataException(LABELS_METADATA, "label " + i + " (line " + (i + 1)
              + ") must be one non-empty line, got '" + l + "'");
        }
      }
      this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
      return this;
    }

    /** Checks the whole: every required key, layout matching task, one or per-channel normalization values. */
    public ModelDescriptor build() {
      nonNull(task, "task");
      nonNull(name, "name");
      nonNull(version, "version");
      nonNull(outputLayout, "output.layout");
      if (labels == null) {
        throw new ModelMetadataException(LABELS_METADATA, "missing");
      }
      if (outputLayout.task() != task) {
        throw new ModelMetadataException("output.layout", outputLayout.key() + " is a " + outputLayout.task().key()
            + " layout, but the task is " + task.key());
      }
      int channels = inputColor.channels();
      if (mean.length != 1 && mean.length != channels) {
        throw new ModelMetadataException("input.mean", "needs 1 or " + channels + " values for " + inputColor.key()
            + " input, got " + mean.length);
      }
      if (std.length != 1 && std.length != channels) {
        throw new ModelMetadataException("input.std", "needs 1 or " + channels + " values for " + inputColor.key()
            + " input, got " + std.length);
      }
      mean = expand(mean, channels);
      std = expand(std, channels);
      return new ModelDescriptor(this);
    }

    private static float[] expand(float[] values, int channels) {
      float[] out = new float[channels];
      for (int c = 0; c < channels; c++) {
        out[c] = values[Math.min(c, values.length - 1)];
      }
      return out;
    }

    private static <T> T nonNull(T value, String key) {
      if (value == null) {
        throw new ModelMetadataException(key, "missing");
      }
      return value;
    }

    private static String text(String value, String key) {
      if (value == null || value.trim().isEmpty()) {
        throw new ModelMetadataException(key, "must not be empty");
      }
      return value.trim();
    }
  }
}
