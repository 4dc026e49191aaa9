package ai.fovea.models.graph;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelFormatException;
import ai.fovea.models.tflite.Operator;
import ai.fovea.models.tflite.OperatorCode;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.OptionsSchema;
import ai.fovea.models.tflite.Subgraph;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Runs a model's main subgraph (subgraph 0) with Fovea's kernels. At build time every tensor is created (constants
 * filled from their buffers) and every node's kernel is resolved (an unsupported op fails here with
 * {@link UnsupportedOpException} naming the node, never at run time) and prepared in order; nodes that read only
 * constants (DEQUANTIZE of float16 weights, say) also run then, as in TFLite, so the nodes after them prepare
 * with their values;
 * {@link #run()} then executes the nodes in file order without allocating. Changing an input's shape with
 * {@link #resizeInput} re-prepares on the next run. Not thread-safe: one runner per thread of callers.
 */
public final class GraphRunner implements AutoCloseable {
  private final Tensor[] tensors;
  private final Op[] ops;
  private final String[] nodeNames;
  /** Nodes whose inputs are all constant: they run while preparing, never in {@link #run()}. */
  private final boolean[] folded;
  private final Tensor[][] opInputs;
  private final Tensor[][] opOutputs;
  private final int[] inputs;
  private final int[] outputs;
  private final boolean reference;
  private final ComputePool pool;
  private final boolean ownsPool;
  private boolean prepared;
  private boolean closed;

  private GraphRunner(Builder b) {
    Subgraph g = b.model.mainSubgraph();
    this.pool = b.pool != null ? b.pool : b.threads > 1 ? new ComputePool(b.threads) : ComputePool.serial();
    this.ownsPool = b.pool == null && b.threads > 1;
    this.reference = b.reference;
    this.inputs = g.inputs();
    this.outputs = g.outputs();
    List<TensorInfo> infos = g.tensors();
    tensors = new Tensor[infos.size()];
    List<Operator> nodes = g.operators();
    ops = new Op[nodes.size()];
    nodeNames = new String[nodes.size()];
    folded = foldableNodes(b.model, g);
    opInputs = new Tensor[nodes.size()][];
    opOutputs = new Tensor[nodes.size()][];
    try {
      for (int i = 0; i < tensors.length; i++) {
        tensors[i] = createTensor(infos.get(i), b.model.buffers().get(infos.get(i).buffer()));
      }
      for (int n = 0; n < ops.length; n++) {
        ops[n] = createOp(b, n, nodes.get(n));
      }
      prepare();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private Op createOp(Builder b, int n, Operator node) {
    OperatorCode code = b.model.operatorCodes().get(node.opcodeIndex());
    nodeNames[n] = "node " + n + " (" + code.displayName() + ")";
    OptionsSchema.Table options = node.options().table();
    if (options != null && options.refersToSubgraphs()) {
      throw new UnsupportedOpException(nodeNames[n] + ": runs other subgraphs;"
          + " only subgraph 0 runs here, without control flow");
    }
    opInputs[n] = lookup(node.inputs());
    opOutputs[n] = lookup(node.outputs());
    OpFactory factory = b.resolver.factory(code, n);
    OperatorOptions nodeOptions = code.builtin() == BuiltinOperator.CUSTOM
        ? OperatorOptions.custom(node.customOptions()) : node.options();
    try {
      return factory.create(nodeOptions, opInputs[n], opOutputs[n], pool);
    } catch (ModelFormatException e) {
      throw new ModelFormatException(nodeNames[n] + ": " + e.getMessage());
    } catch (UnsupportedOpException | IllegalArgumentException e) {
      // Options a kernel rejects (an unknown activation code, a zero stride) make the node unrunnable here.
      throw new UnsupportedOpException(nodeNames[n] + ": " + e.getMessage());
    } catch (ArrayIndexOutOfBoundsException e) {
      // Factories index the tensors their op needs; a file may give a node fewer.
      throw new UnsupportedOpException(nodeNames[n] + ": too few tensors (" + opInputs[n].length + " inputs, "
          + opOutputs[n].length + " outputs)");
    }
  }

  public static Builder builder(TfliteModel model) {
    return new Builder(model);
  }

  private Tensor[] lookup(int[] indices) {
    Tensor[] out = new Tensor[indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[i] = indices[i] < 0 ? null : tensors[indices[i]];
    }
    return out;
  }

  private static Tensor createTensor(TensorInfo info, byte[] data) {
    if (info.isSparse() && data.length > 0) {
      // Sparse weights (read by DENSIFY) are expanded once, here; the encoding is checked as it is walked.
      data = info.sparsity().densify(data, info.shape().toArray(), info.type().byteSize(), info.name());
    }
    Tensor t = Tensor.allocate(info.name(), info.type(), info.shape(), info.quantization());
    if (data.length == 0) {
      return t;
    }
    ByteBuffer bb = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    int n = info.shape().size();
    switch (info.type()) {
      case FLOAT32:
        bb.asFloatBuffer().get(t.floats(), 0, n);
        break;
      case FLOAT16:
        bb.asShortBuffer().get(t.halfs(), 0, n);
        break;
      case INT32:
        bb.asIntBuffer().get(t.ints(), 0, n);
        break;
      case INT64:
        bb.asLongBuffer().get(t.longs(), 0, n);
        break;
      default:
        bb.get(t.bytes(), 0, n);
    }
    return t;
  }

  /**
   * Marks the nodes that only read constants (file constants or outputs of such nodes), like DEQUANTIZE of
   * float16 weights. TFLite evaluates those while preparing too; it matters because kernels pack constant inputs
   * such as filters in prepare, so the values must exist before the consuming node prepares.
   */
  private static boolean[] foldableNodes(TfliteModel model, Subgraph g) {
    List<TensorInfo> infos = g.tensors();
    boolean[] constant = new boolean[infos.size()];
    for (int i = 0; i < constant.length; i++) {
      constant[i] = model.isConstant(infos.get(i));
    }
    for (int in : g.inputs()) {
      constant[in] = false;
    }
    List<Operator> nodes = g.operators();
    boolean[] foldable = new boolean[nodes.size()];
    for (int n = 0; n < foldable.length; n++) {
      boolean allConstant = false;
      for (int in : nodes.get(n).inputs()) {
        if (in >= 0) {
          allConstant = constant[in];
          if (!allConstant) {
            break;
          }
        }
      }
      foldable[n] = allConstant;
      if (allConstant) {
        for (int out : nodes.get(n).outputs()) {
          constant[out] = true;
        }
      }
    }
    return foldable;
  }

  private void prepare() {
    for (int n = 0; n < ops.length; n++) {
      try {
        ops[n].prepare(opInputs[n], opOutputs[n]);
      } catch (OpPrepareException e) {
        throw new OpPrepareException(nodeNames[n], e.getMessage());
      }
      if (folded[n]) {
        runNode(n);
      }
    }
    prepared = true;
  }

  private void runNode(int n) {
    if (reference) {
      ops[n].runReference(opInputs[n], opOutputs[n]);
    } else {
      ops[n].run(opInputs[n], opOutputs[n]);
    }
  }

  public int inputCount() {
    return inputs.length;
  }

  public int outputCount() {
    return outputs.length;
  }

  /** Subgraph input {@code i}: write its data before {@link #run()}. */
  public Tensor input(int i) {
    checkOpen();
    return tensors[inputs[checkIndex(i, inputs.length, "input")]];
  }

  /** Subgraph output {@code i}, valid after {@link #run()}. */
  public Tensor output(int i) {
    checkOpen();
    return tensors[outputs[checkIndex(i, outputs.length, "output")]];
  }

  /** Any tensor of the subgraph by index (calibration reads intermediates). */
  public Tensor tensor(int index) {
    checkOpen();
    return tensors[checkIndex(index, tensors.length, "tensor")];
  }

  public int tensorCount() {
    return tensors.length;
  }

  /** Changes an input's shape; every node is prepared again on the next run. */
  public void resizeInput(int i, Shape shape) {
    input(i).resize(shape);
    prepared = false;
  }

  /**
   * Runs every node in order (the reference kernels when built with {@code useReferenceKernels(true)}), except
   * the constant ones, which ran at load.
   */
  public void run() {
    checkOpen();
    if (!prepared) {
      prepare();
    }
    for (int n = 0; n < ops.length; n++) {
      if (!folded[n]) {
        runNode(n);
      }
    }
  }

  private static int checkIndex(int i, int size, String what) {
    if (i < 0 || i >= size) {
      throw new IllegalArgumentException(what + " index " + i + " out of range [0, " + size + ")");
    }
    return i;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("graph runner is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (ownsPool) {
        pool.close();
      }
    }
  }

  /** Options: the resolver (default {@link BuiltinOps}), threads or a shared pool, reference kernels. */
  public static final class Builder {
    private final TfliteModel model;
    private OpResolver resolver = BuiltinOps.resolver();
    private ComputePool pool;
    private int threads = 1;
    private boolean reference;

    private Builder(TfliteModel model) {
      if (model == null) {
        throw new IllegalArgumentException("model is null");
      }
      this.model = model;
    }

    public Builder resolver(OpResolver resolver) {
      if (resolver == null) {
        throw new IllegalArgumentException("resolver is null");
      }
      this.resolver = resolver;
      return this;
    }

    /** Threads of a pool the runner creates and closes; ignored when {@link #pool} is set. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** A shared pool, owned by the caller. */
    public Builder pool(ComputePool pool) {
      if (pool == null) {
        throw new IllegalArgumentException("pool is null; use threads(n) for a pool the runner owns");
      }
      this.pool = pool;
      return this;
    }

    public Builder useReferenceKernels(boolean reference) {
      this.reference = reference;
      return this;
    }

    /**
     * Creates every tensor, resolves and prepares every node of subgraph 0. Throws {@link UnsupportedOpException}
     * naming the node for an operator, type combination or option value the resolver cannot build and for
     * control-flow operators that run other subgraphs, and {@link OpPrepareException} naming the node when its
     * tensors do not fit together.
     */
    public GraphRunner build() {
      return new GraphRunner(this);
    }
  }
}
