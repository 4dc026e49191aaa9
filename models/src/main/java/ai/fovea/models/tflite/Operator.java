package ai.fovea.models.tflite;

/** One node of a subgraph: its operator code index, tensor indices (-1 = omitted optional input) and options. */
public final class Operator {
  private final int opcodeIndex;
  private final int[] inputs;
  private final int[] outputs;
  private final OperatorOptions options;
  private final byte[] customOptions;

  public Operator(int opcodeIndex, int[] inputs, int[] outputs, OperatorOptions options, byte[] customOptions) {
    if (opcodeIndex < 0 || inputs == null || outputs == null || options == null) {
      throw new IllegalArgumentException("incomplete operator (opcode index " + opcodeIndex + ")");
    }
    this.opcodeIndex = opcodeIndex;
    this.inputs = inputs.clone();
    this.outputs = outputs.clone();
    this.options = options;
    this.customOptions = customOptions == null ? new byte[0] : customOptions.clone();
  }

  public int opcodeIndex() {
    return opcodeIndex;
  }

  public int[] inputs() {
    return inputs.clone();
  }

  public int[] outputs() {
    return outputs.clone();
  }

  public OperatorOptions options() {
    return options;
  }

  /** Flexbuffer options of a custom op (empty when none). */
  public byte[] customOptions() {
    return customOptions.clone();
  }
}
