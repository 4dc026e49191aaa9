package ai.fovea.sdk.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import ai.fovea.sdk.convert.ConversionOptions;
import ai.fovea.sdk.convert.ScaleMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelDescriptorTest {
  private static final String KEYS = "task=classify\nname=fashion\nversion=3\ninput.color=gray\ninput.mean=0\n"
      + "input.std=255\ninput.resize=stretch\noutput.layout=scores\nsource=./fovea train --dataset fashion\n";
  private static final String LABELS = "T-shirt/top\nTrouser\nPullover\n";

  /** A written-and-read-back model carrying {@code metadata} as name, bytes pairs. */
  private static TfliteModel model(Object... metadata) {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 3), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 3));
    b.addOperator(BuiltinOperator.SOFTMAX, OperatorOptions.builder("SoftmaxOptions").set("beta", 1f).build(),
        new int[] {x}, new int[] {y});
    b.markOutput(y);
    for (int i = 0; i < metadata.length; i += 2) {
      b.addMetadata((String) metadata[i], (byte[]) metadata[i + 1]);
    }
    return TfliteReader.read(b.build());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ModelMetadataException fails(String keys, String labels) {
    return assertThrows(ModelMetadataException.class, () -> ModelDescriptor.parse(utf8(keys), utf8(labels)));
  }

  @Test
  void readsBothBuffersFromAModelFile() {
    ModelDescriptor d = ModelDescriptor.read(model("fovea.model", utf8(KEYS), "fovea.labels", utf8(LABELS)));
    assertEquals(Task.CLASSIFY, d.task());
    assertEquals("fashion", d.name());
    assertEquals("3", d.version());
    assertEquals(InputColor.GRAY, d.inputColor());
    assertEquals(0, d.mean(0));
    assertEquals(255, d.std(0));
    assertEquals(ScaleMode.STRETCH, d.resize());
    assertEquals(OutputLayout.SCORES, d.outputLayout());
    assertEquals("./fovea train --dataset fashion", d.source());
    assertEquals(List.of("T-shirt/top", "Trouser", "Pullover"), d.labels());
    assertEquals("class 7", d.label(7));
    ConversionOptions c = d.conversionOptions();
    assertEquals(ScaleMode.STRETCH, c.scaleMode());
    assertEquals(255, c.std(2));
  }

  @Test
  void writesWhatItReads() {
    ModelDescriptor d = ModelDescriptor.builder().task(Task.DETECT).name("coco = ssd: v2").version("1")
        .normalization(new float[] {127.5f, 120, 110}, new float[] {127.5f, 60, 50}).resize(ScaleMode.CENTER_CROP)
        .outputLayout(OutputLayout.SSD_POSTPROCESS).labels(List.of("person", "bicycle")).build();
    ModelDescriptor back = ModelDescriptor.read(model("fovea.model", d.modelMetadata(), "fovea.labels",
        d.labelsMetadata()));
    assertEquals("coco = ssd: v2", back.name());
    assertNull(back.source());
    assertEquals(ScaleMode.CENTER_CROP, back.resize());
    assertArrayEquals(new float[] {127.5f, 120, 110},
        new float[] {back.mean(0), back.mean(1), back.mean(2)});
    assertEquals(50, back.std(2));
    assertEquals(d.labels(), back.labels());
    assertEquals(List.of("a"), back.withLabels(List.of("a")).labels());
  }

  @Test
  void aModelWithoutMetadataIsRejectedWithAClearMessage() {
    ModelMetadataException e = assertThrows(ModelMetadataException.class, () -> ModelDescriptor.read(model()));
    assertEquals("fovea.model", e.key());
    assertTrue(e.getMessage().contains("pass a ModelDescriptor in the options"), e.getMessage());
    assertEquals("fovea.labels", assertThrows(ModelMetadataException.class,
        () -> ModelDescriptor.read(model("fovea.model", utf8(KEYS)))).key());
  }

  @Test
  void namesTheKeyOfEveryInvalidValue() {
    assertEquals("task", fails(KEYS.replace("task=classify\n", ""), LABELS).key());
    assertEquals("task", fails(KEYS.replace("task=classify", "task=segment"), LABELS).key());
    assertEquals("name", fails(KEYS.replace("name=fashion", "name= "), LABELS).key());
    assertEquals("input.color", fails(KEYS.replace("gray", "bgr"), LABELS).key());
    assertEquals("input.std", fails(KEYS.replace("input.std=255", "input.std=0"), LABELS).key());
    assertEquals("input.std", fails(KEYS.replace("input.std=255", "input.std=255,255,255"), LABELS).key());
    assertEquals("input.mean", fails(KEYS.replace("input.mean=0", "input.mean=zero"), LABELS).key());
    assertEquals("input.mean", fails(KEYS.replace("input.mean=0", "input.mean=NaN"), LABELS).key());
    assertEquals("input.resize", fails(KEYS.replace("stretch", "fill"), LABELS).key());
    ModelMetadataException mismatch = fails(KEYS.replace("scores", "centernet"), LABELS);
    assertEquals("output.layout", mismatch.key());
    assertTrue(mismatch.getMessage().contains("centernet is a detect layout, but the task is classify"));
    assertEquals("fovea.labels", fails(KEYS, "a\n\nb\n").key());
    assertEquals("fovea.labels", fails(KEYS, "").key());
    assertEquals("fovea.model", assertThrows(ModelMetadataException.class,
        () -> ModelDescriptor.parse(new byte[] {(byte) 0xC3, 0x28}, utf8(LABELS))).key());
  }

  @Test
  void acceptsOneValueOrOnePerChannelAndCrLfLabels() {
    ModelDescriptor rgb = ModelDescriptor.parse(utf8(KEYS.replace("gray", "rgb").replace("input.std=255",
        "input.std=1,2,3")), utf8("x\r\ny"));
    assertEquals(3, rgb.std(2));
    assertEquals(0, rgb.mean(2));
    assertEquals(List.of("x", "y"), rgb.labels());
  }
}
