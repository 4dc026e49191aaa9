package ai.fovea.desktop.verify;

import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.Subgraph;
import ai.fovea.models.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Copies of a model with more tensors marked as outputs, so that a comparison sees them. A classifier's softmax
 * over many classes of a random-weight network is nearly flat, and int8's 1/256 output step then hides any
 * disagreement in the layers before it; its input, the class scores, does not.
 */
public final class ModelOutputs {
  private ModelOutputs() {}

  /** The model with the input of every SOFTMAX added as an output, after the original outputs. */
  public static TfliteModel withSoftmaxInputs(TfliteModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model is null");
    }
    Subgraph g = model.mainSubgraph();
    int[] scores = g.operators().stream()
        .filter(op -> model.operatorCodes().get(op.opcodeIndex()).builtin() == BuiltinOperator.SOFTMAX)
        .mapToInt(op -> op.inputs()[0])
        .filter(t -> Arrays.stream(g.outputs()).noneMatch(o -> o == t))
        .toArray();
    int[] outputs = IntStream.concat(Arrays.stream(g.outputs()), Arrays.stream(scores)).toArray();
    List<Subgraph> subgraphs = new ArrayList<>(model.subgraphs());
    subgraphs.set(0, new Subgraph(g.name(), g.tensors(), g.inputs(), outputs, g.operators()));
    return new TfliteModel(model.description(), model.operatorCodes(), subgraphs, model.buffers(), model.metadata());
  }
}
