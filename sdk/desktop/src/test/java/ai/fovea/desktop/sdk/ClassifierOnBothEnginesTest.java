package ai.fovea.desktop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.models.zoo.ReferenceNetworks;
import ai.fovea.sdk.convert.ScaleMode;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.ModelDescriptor;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.model.Task;
import ai.fovea.sdk.vision.Category;
import ai.fovea.sdk.vision.Classification;
import ai.fovea.sdk.vision.Classifier;
import ai.fovea.sdk.vision.ModelSource;
import ai.fovea.sdk.vision.TaskOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The same classifier on the java and the tflite engine: int8 results identical, float within rounding. */
class ClassifierOnBothEnginesTest {
  /** {@code model} with the descriptor's two metadata buffers appended. */
  static TfliteModel withMetadata(TfliteModel model, ModelDescriptor d) {
    List<byte[]> buffers = new ArrayList<>(model.buffers());
    Map<String, Integer> metadata = new HashMap<>(model.metadata());
    metadata.put(ModelDescriptor.MODEL_METADATA, buffers.size());
    buffers.add(d.modelMetadata());
    metadata.put(ModelDescriptor.LABELS_METADATA, buffers.size());
    buffers.add(d.labelsMetadata());
    return new TfliteModel(model.description(), model.operatorCodes(), model.subgraphs(), buffers, metadata);
  }

  private static List<String> labels(int n) {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add("label" + i);
    }
    return l;
  }

  private static Frame randomYuvLikeFrame(Random random) {
    int w = 40 + random.nextInt(40);
    int h = 40 + random.nextInt(40);
    byte[] nv21 = new byte[w * h + 2 * ((w + 1) / 2) * ((h + 1) / 2)];
    random.nextBytes(nv21);
    return Frame.nv21(nv21, w, h).rotation(90 * random.nextInt(4)).build();
  }

  private static List<Category> classify(byte[] model, String engine, Frame frame) {
    try (Classifier c = Classifier.create(ModelSource.bytes(model),
        TaskOptions.builder().engine(engine).maxResults(10).build())) {
      Classification r = c.process(frame);
      assertEquals(engine, r.engine());
      return r.categories();
    }
  }

  @Test
  void int8ResultsAreIdenticalAndFloatResultsAgree() {
    TfliteModel floatNet = ReferenceNetworks.mobileNetV1(32, 0.25f, 10, 4);
    Random random = new Random(8);
    List<Tensor[]> samples = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      float[] s = new float[32 * 32 * 3];
      for (int i = 0; i < s.length; i++) {
        s[i] = random.nextFloat() * 2 - 1;
      }
      samples.add(new Tensor[] {Tensor.ofFloats("input", Shape.of(1, 32, 32, 3), s)});
    }
    TfliteModel int8Net = PostTrainingQuantizer.builder().build().quantize(floatNet, samples);
    ModelDescriptor d = ModelDescriptor.builder().task(Task.CLASSIFY).name("mobilenet").version("1")
        .normalization(127.5f, 127.5f).resize(ScaleMode.CENTER_CROP).outputLayout(OutputLayout.PROBABILITIES)
        .labels(labels(10)).build();
    byte[] int8 = TfliteWriter.write(withMetadata(int8Net, d));
    byte[] fp32 = TfliteWriter.write(withMetadata(floatNet, d));
    for (int n = 0; n < 3; n++) {
      Frame frame = randomYuvLikeFrame(random);
      List<Category> ours = classify(int8, "java", frame);
      List<Category> theirs = classify(int8, "tflite", frame);
      assertEquals(theirs.toString(), ours.toString(), "int8 frame " + n);
      for (int i = 0; i < ours.size(); i++) {
        assertEquals(theirs.get(i).score(), ours.get(i).score(), 0f);
      }
      List<Category> oursFloat = classify(fp32, "java", frame);
      List<Category> theirsFloat = classify(fp32, "tflite", frame);
      assertEquals(10, oursFloat.size());
      for (Category ours1 : oursFloat) {
        Category t = theirsFloat.stream().filter(c -> c.id() == ours1.id()).findFirst().get();
        assertEquals(t.score(), ours1.score(), 1e-5, "float class " + ours1.id());
      }
    }
  }
}
