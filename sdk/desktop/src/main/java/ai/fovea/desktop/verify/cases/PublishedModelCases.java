package ai.fovea.desktop.verify.cases;

import ai.fovea.desktop.assets.Asset;
import ai.fovea.desktop.assets.AssetUnavailableException;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.Tolerance;
import ai.fovea.models.graph.ops.DetectionOps;
import ai.fovea.models.tflite.Operator;
import ai.fovea.models.tflite.Subgraph;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import ai.fovea.models.tflite.TfliteWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Whole published models (fetched on first use by {@link Assets}) against the real interpreter, on seeded random
 * inputs: the COCO SSD MobileNet v2 (uint8) bit-exact, both on the raw box encodings and class scores that enter
 * {@code TFLite_Detection_PostProcess} (added as outputs) and on the op's boxes, classes, scores and count; the
 * MediaPipe face detectors (float, float16 weights; the full-range one with sparse weights expanded by DENSIFY)
 * within the whole-model float tolerance. The
 * photographs' checks (expected classes) are in the tests.
 */
public final class PublishedModelCases {
  /** Float tolerance of whole float models, as the reference-network cases use. */
  private static final double WHOLE_MODEL_RELATIVE = 1e-4;

  private PublishedModelCases() {}

  /**
   * The cases; throws {@link AssetUnavailableException} when the models are neither cached nor fetchable (the
   * caller reports them skipped, with the reason).
   */
  public static List<ConformanceCase> cases(Assets assets) {
    List<ConformanceCase> cases = new ArrayList<>();
    TfliteModel ssd = TfliteReader.read(assets.read(Asset.COCO_SSD));
    cases.add(ConformanceCase.of("PUBLISHED coco ssd_mobilenet_v2 uint8 300x300 raw + TFLite_Detection_PostProcess",
        TfliteWriter.write(withPostprocessInputs(ssd)), Tolerance.exact()));
    cases.add(ConformanceCase.of("PUBLISHED face_detection_short_range float16 weights 128x128",
        assets.read(Asset.FACE_DETECTION_SHORT_RANGE), Tolerance.relative(WHOLE_MODEL_RELATIVE)));
    cases.add(ConformanceCase.of("PUBLISHED face_detection_full_range_sparse DENSIFY float16 weights 192x192",
        assets.read(Asset.FACE_DETECTION_FULL_RANGE_SPARSE), Tolerance.relative(WHOLE_MODEL_RELATIVE)));
    return cases;
  }

  /**
   * The model with the box encodings and class scores that enter its detection post-processing added as
   * outputs, after the original ones, so that a comparison sees the network's raw result too.
   */
  public static TfliteModel withPostprocessInputs(TfliteModel model) {
    Subgraph g = model.mainSubgraph();
    int[] extra = g.operators().stream()
        .filter(op -> DetectionOps.DETECTION_POSTPROCESS.equals(
            model.operatorCodes().get(op.opcodeIndex()).customCode()))
        .flatMapToInt(PublishedModelCases::encodingsAndScores)
        .toArray();
    if (extra.length == 0) {
      throw new IllegalArgumentException("model has no " + DetectionOps.DETECTION_POSTPROCESS + " node");
    }
    int[] outputs = IntStream.concat(Arrays.stream(g.outputs()), Arrays.stream(extra)).toArray();
    List<Subgraph> subgraphs = new ArrayList<>(model.subgraphs());
    subgraphs.set(0, new Subgraph(g.name(), g.tensors(), g.inputs(), outputs, g.operators()));
    return new TfliteModel(model.description(), model.operatorCodes(), subgraphs, model.buffers(), model.metadata());
  }

  private static IntStream encodingsAndScores(Operator op) {
    return IntStream.of(op.inputs()[0], op.inputs()[1]);
  }
}
