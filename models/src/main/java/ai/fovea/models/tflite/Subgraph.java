package ai.fovea.models.tflite;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A subgraph: its tensors, its operators in execution order, and which tensors are its inputs and outputs.
 * Immutable; indices are checked against each other when the subgraph becomes part of a {@link TfliteModel}.
 */
public final class Subgraph {
  private final String name;
  private final List<TensorInfo> tensors;
  private final int[] inputs;
  private final int[] outputs;
  private final List<Operator> operators;

  public Subgraph(String name, List<TensorInfo> tensors, int[] inputs, int[] outputs, List<Operator> operators) {
    if (tensors == null || inputs == null || outputs == null || operators == null
        || tensors.stream().anyMatch(Objects::isNull) || operators.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("subgraph '" + name + "' needs tensors, inputs, outputs and operators"
          + " without nulls");
    }
    this.name = name == null ? "" : name;
    this.tensors = Collections.unmodifiableList(List.copyOf(tensors));
    this.inputs = inputs.clone();
    this.outputs = outputs.clone();
    this.operators = Collections.unmodifiableList(List.copyOf(operators));
  }

  public String name() {
    return name;
  }

  public List<TensorInfo> tensors() {
    return tensors;
  }

  public int[] inputs() {
    return inputs.clone();
  }

  public int[] outputs() {
    return outputs.clone();
  }

  public List<Operator> operators() {
    return operators;
  }
}
