package ai.fovea.models.tflite;

import ai.fovea.kernels.tensor.Quantization;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The consistency rules every {@link TfliteModel} keeps, whether read from a file or assembled in memory: buffer 0
 * is the empty sentinel, every index (buffer, tensor, operator code, subgraph) is in range, constant data has
 * exactly the size its type and shape need, per-channel quantization matches its dimension, each operator's
 * options are the table its code takes, and operators run in file order (every tensor an operator reads exists
 * before it runs, so there are no cycles). The first violation is a {@link ModelFormatException} naming it.
 */
final class ModelValidator {
  /** Largest total of all tensors' dense bytes in one subgraph (2 GiB). */
  static final long MAX_SUBGRAPH_BYTES = 1L << 31;

  private ModelValidator() {}

  static void validate(List<OperatorCode> codes, List<Subgraph> subgraphs, List<byte[]> buffers,
      Map<String, Integer> metadata) {
    if (buffers.isEmpty()) {
      throw new ModelFormatException("model.buffers: missing (buffer 0 must be the empty sentinel)");
    }
    if (buffers.get(0).length != 0) {
      throw new ModelFormatException("model.buffers[0]: must be the empty sentinel, has " + buffers.get(0).length
          + " bytes");
    }
    if (subgraphs.isEmpty()) {
      throw new ModelFormatException("model.subgraphs: the model has no subgraph");
    }
    for (int i = 0; i < codes.size(); i++) {
      OperatorCode c = codes.get(i);
      if (c.builtin() == BuiltinOperator.CUSTOM && c.customCode() == null) {
        throw new ModelFormatException("model.operator_codes[" + i + "].custom_code: missing for a CUSTOM operator");
      }
    }
    for (Map.Entry<String, Integer> e : metadata.entrySet()) {
      checkIndex(e.getValue(), buffers.size(), "model.metadata '" + e.getKey() + "': buffer index");
    }
    for (int s = 0; s < subgraphs.size(); s++) {
      validate(subgraphs.get(s), "subgraph " + s, codes, subgraphs.size(), buffers);
    }
  }

  private static void validate(Subgraph g, String where, List<OperatorCode> codes, int subgraphCount,
      List<byte[]> buffers) {
    List<TensorInfo> tensors = g.tensors();
    long totalBytes = 0;
    for (int i = 0; i < tensors.size(); i++) {
      TensorInfo t = tensors.get(i);
      String tensorWhere = where + " tensor " + i + " '" + t.name() + "'";
      checkTensor(t, tensorWhere, buffers);
      totalBytes += t.byteSize();
      if (totalBytes > MAX_SUBGRAPH_BYTES) {
        throw new ModelFormatException(tensorWhere + ": the subgraph's tensors declare more than "
            + MAX_SUBGRAPH_BYTES + " bytes in total");
      }
    }
    int[] inputs = g.inputs();
    int[] outputs = g.outputs();
    for (int i = 0; i < inputs.length; i++) {
      checkIndex(inputs[i], tensors.size(), where + " input " + i + ": tensor index");
    }
    for (int i = 0; i < outputs.length; i++) {
      checkIndex(outputs[i], tensors.size(), where + " output " + i + ": tensor index");
    }
    List<Operator> operators = g.operators();
    for (int n = 0; n < operators.size(); n++) {
      checkOperator(operators.get(n), where + " operator " + n, codes, subgraphCount, tensors.size());
    }
    checkExecutionOrder(where, tensors, buffers, inputs, outputs, operators);
  }

  private static void checkTensor(TensorInfo t, String where, List<byte[]> buffers) {
    checkIndex(t.buffer(), buffers.size(), where + ": buffer index");
    int length = buffers.get(t.buffer()).length;
    if (length != 0 && !t.isSparse() && length != t.byteSize()) {
      throw new ModelFormatException(where + ": buffer " + t.buffer() + " holds " + length + " bytes, but "
          + t.type() + t.shape() + " needs " + t.byteSize());
    }
    Quantization q = t.quantization();
    if (q.channelCount() > 1 || q.axis() != 0) {
      int axis = q.axis();
      if (axis >= t.shape().rank() || t.shape().dim(axis) != q.channelCount()) {
        throw new ModelFormatException(where + ".quantization: " + q.channelCount() + " scales along dimension "
            + axis + ", but shape " + t.shape() + (axis >= t.shape().rank() ? " has no such dimension"
                : " has " + t.shape().dim(axis) + " there"));
      }
    }
  }

  private static void checkOperator(Operator op, String where, List<OperatorCode> codes, int subgraphCount,
      int tensorCount) {
    checkIndex(op.opcodeIndex(), codes.size(), where + ": opcode index");
    int[] inputs = op.inputs();
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] != -1) {
        checkIndex(inputs[i], tensorCount, where + " input " + i + ": tensor index");
      }
    }
    int[] outputs = op.outputs();
    for (int i = 0; i < outputs.length; i++) {
      checkIndex(outputs[i], tensorCount, where + " output " + i + ": tensor index");
    }
    OptionsSchema.Table table = op.options().table();
    if (table == null) {
      return;
    }
    BuiltinOperator builtin = codes.get(op.opcodeIndex()).builtin();
    if (builtin != null && !table.name.equals(builtin.optionsTable())) {
      throw new ModelFormatException(where + ".builtin_options: " + builtin + " takes "
          + (builtin.optionsTable() == null ? "no options" : builtin.optionsTable()) + ", not " + table.name);
    }
    for (OptionsSchema.Field f : table.fields().values()) {
      if (f.subgraphIndex) {
        checkIndex(op.options().intValue(f.name), subgraphCount, where + "." + table.name + "." + f.name
            + ": subgraph index");
      }
    }
  }

  /**
   * Operators run in file order, so every tensor an operator reads must be a constant, a subgraph input, an
   * empty (zero-element) tensor, or the output of an earlier operator; a tensor is produced once at most, and
   * never a constant. This rejects cycles too: a node reading its own output, or one produced only later.
   */
  private static void checkExecutionOrder(String where, List<TensorInfo> tensors, List<byte[]> buffers,
      int[] inputs, int[] outputs, List<Operator> operators) {
    int[] producer = new int[tensors.size()];
    Arrays.fill(producer, -1);
    boolean[] available = new boolean[tensors.size()];
    for (int i = 0; i < tensors.size(); i++) {
      available[i] = isConstant(tensors.get(i), buffers) || tensors.get(i).shape().size() == 0;
    }
    for (int in : inputs) {
      available[in] = true;
    }
    for (int n = 0; n < operators.size(); n++) {
      int[] opOutputs = operators.get(n).outputs();
      for (int i = 0; i < opOutputs.length; i++) {
        int out = opOutputs[i];
        if (producer[out] >= 0) {
          throw new ModelFormatException(where + " operator " + n + " output " + i + ": tensor " + out
              + " is already produced by operator " + producer[out]);
        }
        if (isConstant(tensors.get(out), buffers)) {
          throw new ModelFormatException(where + " operator " + n + " output " + i + ": tensor " + out
              + " is a constant");
        }
        producer[out] = n;
      }
    }
    for (int n = 0; n < operators.size(); n++) {
      Operator op = operators.get(n);
      int[] opInputs = op.inputs();
      for (int i = 0; i < opInputs.length; i++) {
        int t = opInputs[i];
        if (t == -1 || available[t]) {
          continue;
        }
        if (producer[t] >= n) {
          throw new ModelFormatException(where + " operator " + n + " input " + i + ": tensor " + t
              + " is produced by operator " + producer[t] + ", not before it (a cycle or an out-of-order graph)");
        }
        throw new ModelFormatException(where + " operator " + n + " input " + i + ": tensor " + t
            + " is never produced and is neither a constant nor a subgraph input");
      }
      for (int out : op.outputs()) {
        available[out] = true;
      }
    }
    for (int i = 0; i < outputs.length; i++) {
      if (!available[outputs[i]]) {
        throw new ModelFormatException(where + " output " + i + ": tensor " + outputs[i] + " is never produced");
      }
    }
  }

  /** Converters give activation tensors the empty buffer 0, so a constant is a tensor with data. */
  static boolean isConstant(TensorInfo t, List<byte[]> buffers) {
    return buffers.get(t.buffer()).length > 0;
  }

  private static void checkIndex(long index, int size, String what) {
    if (index < 0 || index >= size) {
      throw new ModelFormatException(what + " " + index + " out of range [0, " + size + ")");
    }
  }
}
