package ai.fovea.models.tflite;

import ai.fovea.kernels.tensor.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a model is made of, for `./fovea inspect` and reports: every op with its shapes and multiply-accumulate
 * count (convolutions and fully-connected layers; element-wise ops count 0), every tensor, the parameter count
 * (elements of constant tensors) and the totals.
 */
public final class ModelSummary {
  /** One node: its operator, input/output shapes and MACs. */
  public static final class OpRow {
    public final int index;
    public final String op;
    public final String inputs;
    public final String outputs;
    public final long macs;

    OpRow(int index, String op, String inputs, String outputs, long macs) {
      this.index = index;
      this.op = op;
      this.inputs = inputs;
      this.outputs = outputs;
      this.macs = macs;
    }
  }

  private final TfliteModel model;
  private final List<OpRow> ops;
  private final long parameters;
  private final long totalMacs;

  private ModelSummary(TfliteModel model, List<OpRow> ops, long parameters, long totalMacs) {
    this.model = model;
    this.ops = Collections.unmodifiableList(ops);
    this.parameters = parameters;
    this.totalMacs = totalMacs;
  }

  public static ModelSummary of(TfliteModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model is null");
    }
    Subgraph g = model.mainSubgraph();
    List<TensorInfo> tensors = g.tensors();
    long parameters = 0;
    for (TensorInfo t : tensors) {
      if (model.isConstant(t)) {
        parameters += t.shape().size();
      }
    }
    List<OpRow> rows = new ArrayList<>();
    long total = 0;
    for (int n = 0; n < g.operators().size(); n++) {
      Operator op = g.operators().get(n);
      OperatorCode code = model.operatorCodes().get(op.opcodeIndex());
      long macs = macs(code.builtin(), op, tensors);
      total += macs;
      rows.add(new OpRow(n, code.displayName(), shapes(op.inputs(), tensors), shapes(op.outputs(), tensors), macs));
    }
    return new ModelSummary(model, rows, parameters, total);
  }

  private static long macs(BuiltinOperator op, Operator node, List<TensorInfo> tensors) {
    if (op == null) {
      return 0;
    }
    int[] in = node.inputs();
    int[] out = node.outputs();
    if (in.length < 2 || out.length < 1 || in[0] < 0 || in[1] < 0) {
      return 0;
    }
    Shape filter = tensors.get(in[1]).shape();
    long outElements = tensors.get(out[0]).shape().size();
    switch (op) {
      case CONV_2D:
        return filter.rank() == 4 ? outElements * filter.dim(1) * filter.dim(2) * filter.dim(3) : 0;
      case DEPTHWISE_CONV_2D:
        return filter.rank() == 4 ? outElements * filter.dim(1) * filter.dim(2) : 0;
      case FULLY_CONNECTED:
        return filter.rank() == 2 ? outElements * filter.dim(1) : 0;
      case TRANSPOSE_CONV:
        // inputs: output_shape, weights [outC, kh, kw, inC], input
        return in.length > 2 && in[2] >= 0 && filter.rank() == 4
            ? (long) tensors.get(in[2]).shape().size() * filter.dim(0) * filter.dim(1) * filter.dim(2) : 0;
      default:
        return 0;
    }
  }

  private static String shapes(int[] indices, List<TensorInfo> tensors) {
    StringBuilder sb = new StringBuilder();
    for (int t : indices) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      if (t < 0) {
        sb.append('-');
      } else {
        TensorInfo info = tensors.get(t);
        sb.append(info.type().name().toLowerCase(java.util.Locale.ROOT)).append(info.shape());
      }
    }
    return sb.toString();
  }

  public List<OpRow> ops() {
    return ops;
  }

  /** Elements of all constant tensors (weights, biases, shape constants). */
  public long parameters() {
    return parameters;
  }

  public long totalMacs() {
    return totalMacs;
  }

  /** A plain-text report: header, op table, tensor table, totals. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    Subgraph g = model.mainSubgraph();
    sb.append(String.format("model: %s%nsubgraphs: %d, operators: %d, tensors: %d, buffers: %d%n%n",
        model.description(), model.subgraphs().size(), ops.size(), g.tensors().size(), model.buffers().size()));
    sb.append(String.format("%4s  %-22s %14s  %-40s -> %s%n", "#", "op", "MACs", "inputs", "outputs"));
    for (OpRow r : ops) {
      sb.append(String.format("%4d  %-22s %,14d  %-40s -> %s%n", r.index, r.op, r.macs, r.inputs, r.outputs));
    }
    sb.append(String.format("%n%4s  %-32s %-8s %-20s %s%n", "#", "tensor", "type", "shape", "quantization"));
    for (int i = 0; i < g.tensors().size(); i++) {
      TensorInfo t = g.tensors().get(i);
      String role = model.isConstant(t) ? " (const)" : "";
      sb.append(String.format("%4d  %-32s %-8s %-20s %s%s%n", i, clip(t.name(), 32), t.type(), t.shape(),
          t.quantization(), role));
    }
    sb.append(String.format("%nparameters: %,d%ntotal MACs: %,d%n", parameters, totalMacs));
    return sb.toString();
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
