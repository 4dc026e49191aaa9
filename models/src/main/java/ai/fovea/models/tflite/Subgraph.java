package ai.fovea.models.tflite;

import java.util.Collections;
import java.util.List;

/** A subgraph: its tensors, its operators in execution order, and which tensors are its inputs and outputs. */
public final class Subgraph {
  private final String name;
  private final List<TensorInfo> tensors;
  private final int[] inputs;
  private final int[] outputs;
  private final List<Operator> operators;

  public Subgraph(String name, List<TensorInfo> tensors, int[] inputs, int[] outputs, List<Operator> operators) {
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
