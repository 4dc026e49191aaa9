package ai.fovea.models.quantize;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.Operator;
import ai.fovea.models.tflite.OperatorCode;
import ai.fovea.models.tflite.Subgraph;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a float model into a fully int8 one, as TFLite's post-training full-integer quantization does: the float
 * model runs on calibration samples to record every activation's range ({@link CalibrationRanges}); activations
 * become asymmetric per-tensor int8 under TFLite's constraints ({@link QuantizationPlan}); CONV_2D and
 * DEPTHWISE_CONV_2D weights become symmetric per-channel int8 and FULLY_CONNECTED weights per-tensor (TFLite 2.6
 * runs int8 FULLY_CONNECTED only so); biases become int32 on input scale × weight scale (CONV_2D gets a zero
 * bias when it has none, which 2.6 requires). CONCATENATION inputs are requantized to the output's parameters
 * where they differ. The model's inputs and outputs are int8, or stay float with a
 * QUANTIZE after each input and a DEQUANTIZE before each output. Operators, options and metadata are kept.
 */
public final class PostTrainingQuantizer {
  private static final int NOT_WEIGHTED = Integer.MIN_VALUE;
  private final boolean floatInputOutput;
  private final int threads;

  private PostTrainingQuantizer(Builder b) {
    this.floatInputOutput = b.floatInputOutput;
    this.threads = b.threads;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Quantizes {@code floatModel}, calibrated on {@code samples} (one float tensor per model input each). */
  public TfliteModel quantize(TfliteModel floatModel, List<Tensor[]> samples) {
    if (floatModel == null) {
      throw new IllegalArgumentException("model is null");
    }
    Subgraph graph = floatModel.mainSubgraph();
    for (int i : graph.inputs()) {
      if (graph.tensors().get(i).type() != DataType.FLOAT32) {
        throw new QuantizationException("input " + graph.tensors().get(i) + " is not FLOAT32: the model must be float");
      }
    }
    CalibrationRanges ranges;
    try (ComputePool pool = threads > 1 ? new ComputePool(threads) : ComputePool.serial()) {
      ranges = CalibrationRanges.record(floatModel, samples, pool);
    }
    QuantizationPlan plan = QuantizationPlan.of(floatModel, ranges);
    return new Rewrite(floatModel, plan).run();
  }

  /** The builtin operator of node {@code n}, rejecting custom and unknown codes. */
  static BuiltinOperator builtin(TfliteModel model, Operator node, int n) {
    OperatorCode code = model.operatorCodes().get(node.opcodeIndex());
    BuiltinOperator op = code.builtin();
    if (op == null || op == BuiltinOperator.CUSTOM) {
      throw new QuantizationException("node " + n + " (" + code.displayName() + "): cannot quantize this op");
    }
    if (op == BuiltinOperator.QUANTIZE || op == BuiltinOperator.DEQUANTIZE) {
      throw new QuantizationException("node " + n + " (" + op + "): the model is already (partly) quantized");
    }
    return op;
  }

  /** The float data of a constant tensor. */
  static float[] floats(TfliteModel model, TensorInfo info) {
    float[] data = new float[info.shape().size()];
    little(model, info).asFloatBuffer().get(data);
    return data;
  }

  private static ByteBuffer little(TfliteModel model, TensorInfo info) {
    return ByteBuffer.wrap(model.buffers().get(info.buffer())).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Writes the int8 model: one pass over the float model's operators, tensors mapped as first used. */
  private final class Rewrite {
    private final TfliteModel model;
    private final Subgraph graph;
    private final QuantizationPlan plan;
    private final ModelBuilder out = new ModelBuilder();
    private final int[] mapped;
    private final boolean[] isOutput;

    Rewrite(TfliteModel model, QuantizationPlan plan) {
      this.model = model;
      this.graph = model.mainSubgraph();
      this.plan = plan;
      this.mapped = new int[graph.tensors().size()];
      Arrays.fill(mapped, -1);
      this.isOutput = new boolean[mapped.length];
      for (int t : graph.outputs()) {
        isOutput[t] = true;
      }
    }

    TfliteModel run() {
      out.description(model.description() + " (int8, post-training quantized)");
      for (int t : graph.inputs()) {
        TensorInfo info = graph.tensors().get(t);
        if (floatInputOutput) {
          int f = out.addInput(info.name(), DataType.FLOAT32, info.shape(), Quantization.none());
          mapped[t] = out.addTensor(info.name() + "_int8", DataType.INT8, info.shape(), plan.of(t));
          out.addOperator(BuiltinOperator.QUANTIZE, new int[] {f}, new int[] {mapped[t]});
        } else {
          mapped[t] = out.addInput(info.name(), DataType.INT8, info.shape(), plan.of(t));
        }
      }
      List<Operator> nodes = graph.operators();
      for (int n = 0; n < nodes.size(); n++) {
        Operator node = nodes.get(n);
        BuiltinOperator op = builtin(model, node, n);
        int[] in = node.inputs();
        int weightAxis = weightAxis(op);
        int[] ins = weightAxis != NOT_WEIGHTED ? weightedInputs(op, n, in, weightAxis)
            : Arrays.stream(in).map(t -> t < 0 ? -1 : map(t)).toArray();
        if (op == BuiltinOperator.CONCATENATION) {
          ins = requantized(in, ins, plan.of(node.outputs()[0]));
        }
        int[] outs = Arrays.stream(node.outputs()).map(this::map).toArray();
        out.addOperator(op, node.options(), ins, outs);
      }
      for (int t : graph.outputs()) {
        TensorInfo info = graph.tensors().get(t);
        if (floatInputOutput) {
          int f = out.addTensor(info.name(), DataType.FLOAT32, info.shape());
          out.addOperator(BuiltinOperator.DEQUANTIZE, new int[] {map(t)}, new int[] {f});
          out.markOutput(f);
        } else {
          out.markOutput(map(t));
        }
      }
      for (String name : model.metadata().keySet()) {
        out.addMetadata(name, model.metadata(name));
      }
      return out.toModel();
    }

    /**
     * TFLite 2.6's int8 CONCATENATION copies bytes, so every input must carry the output's parameters: inputs
     * that do not are passed through an int8 → int8 QUANTIZE first, as TFLite's converter does.
     */
    private int[] requantized(int[] in, int[] ins, Quantization target) {
      int[] result = ins.clone();
      for (int i = 0; i < in.length; i++) {
        if (!plan.of(in[i]).equals(target)) {
          TensorInfo info = graph.tensors().get(in[i]);
          result[i] = out.addTensor(info.name() + "_requantized", DataType.INT8, info.shape(), target);
          out.addOperator(BuiltinOperator.QUANTIZE, new int[] {ins[i]}, new int[] {result[i]});
        }
      }
      return result;
    }

    /** A weighted op's inputs: the mapped input, the int8 filter and the int32 bias (when present or required). */
    private int[] weightedInputs(BuiltinOperator op, int n, int[] in, int axis) {
      TensorInfo filter = graph.tensors().get(in[1]);
      if (filter.type() != DataType.FLOAT32 || filter.buffer() == 0) {
        throw new QuantizationException("node " + n + " (" + op + "): filter " + filter.name()
            + " must be a float constant");
      }
      int x = map(in[0]);
      float[] w = floats(model, filter);
      Quantization wq = Int8Scheme.symmetricWeights(w, filter.shape(), axis);
      int filterIndex = out.addConstant(filter.name(), DataType.INT8, filter.shape(), wq,
          Int8Scheme.quantize(w, filter.shape(), wq));
      int channels = filter.shape().dim(axis < 0 ? 0 : axis);
      Quantization bq = Int8Scheme.bias(plan.of(in[0]).scale(), wq, channels);
      boolean hasBias = in.length > 2 && in[2] >= 0;
      if (!hasBias && op != BuiltinOperator.CONV_2D) {
        return in.length > 2 ? new int[] {x, filterIndex, -1} : new int[] {x, filterIndex};
      }
      int[] bias = new int[channels];
      String biasName = filter.name() + "_bias";
      if (hasBias) {
        TensorInfo info = graph.tensors().get(in[2]);
        if (info.type() != DataType.FLOAT32 || info.buffer() == 0 || info.shape().size() != channels) {
          throw new QuantizationException("node " + n + " (" + op + "): bias " + info + " must be a float constant of "
              + channels + " values");
        }
        bias = Int8Scheme.quantizeBias(floats(model, info), bq);
        biasName = info.name();
      }
      return new int[] {x, filterIndex, out.addConstant(biasName, Shape.of(channels), bq, bias)};
    }

    /** The new index of float-model tensor {@code t}, adding it on first use. */
    private int map(int t) {
      if (mapped[t] < 0) {
        mapped[t] = add(graph.tensors().get(t), t);
      }
      return mapped[t];
    }

    private int add(TensorInfo info, int t) {
      boolean constant = info.buffer() != 0;
      if (info.type() == DataType.FLOAT32) {
        Quantization q = plan.of(t);
        if (constant) {
          return out.addConstant(info.name(), DataType.INT8, info.shape(), q,
              Int8Scheme.quantize(floats(model, info), info.shape(), q));
        }
        String name = floatInputOutput && isOutput[t] ? info.name() + "_int8" : info.name();
        return out.addTensor(name, DataType.INT8, info.shape(), q);
      }
      if (!constant) {
        return out.addTensor(info.name(), info.type(), info.shape(), info.quantization());
      }
      ByteBuffer data = little(model, info);
      int n = info.shape().size();
      switch (info.type()) {
        case INT32:
          int[] ints = new int[n];
          data.asIntBuffer().get(ints);
          return out.addConstant(info.name(), info.shape(), info.quantization(), ints);
        case INT64:
          long[] longs = new long[n];
          data.asLongBuffer().get(longs);
          return out.addConstant(info.name(), info.shape(), longs);
        case FLOAT16:
          short[] halfs = new short[n];
          data.asShortBuffer().get(halfs);
          return out.addHalfConstant(info.name(), info.shape(), halfs);
        default:
          return out.addConstant(info.name(), info.type(), info.shape(), info.quantization(),
              Arrays.copyOf(model.buffers().get(info.buffer()), n));
      }
    }
  }

  /** The per-channel axis of an op's filter (-1: per tensor), or {@link #NOT_WEIGHTED}. */
  private static int weightAxis(BuiltinOperator op) {
    switch (op) {
      case CONV_2D:
        return 0;
      case DEPTHWISE_CONV_2D:
        return 3;
      case FULLY_CONNECTED:
        return -1;
      default:
        return NOT_WEIGHTED;
    }
  }

  /** Options: float or int8 model inputs/outputs (default int8), threads for calibration (default 1). */
  public static final class Builder {
    private boolean floatInputOutput;
    private int threads = 1;

    private Builder() {}

    /** Keeps float inputs and outputs, with QUANTIZE / DEQUANTIZE at the ends of the int8 graph. */
    public Builder floatInputOutput(boolean keepFloat) {
      this.floatInputOutput = keepFloat;
      return this;
    }

    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    public PostTrainingQuantizer build() {
      return new PostTrainingQuantizer(this);
    }
  }
}
