package ai.fovea.sdk.engine;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.models.tflite.Operator;
import ai.fovea.models.tflite.Subgraph;
import ai.fovea.models.tflite.TensorInfo;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import ai.fovea.models.tflite.TfliteWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model as every engine needs it: the validated {@link TfliteModel} (our kernels build from it) and the
 * .tflite bytes (native runtimes load those), made once and shared. Immutable and thread-safe. A malformed file
 * fails here, before any engine sees it, with the reader's {@code ModelFormatException} naming the bad field.
 */
public final class EngineModel {
  private final TfliteModel model;
  private final byte[] bytes;
  private final List<TensorSpec> inputs;
  private final List<TensorSpec> outputs;
  private final Set<String> operators;
  private final DataType computeType;

  private EngineModel(TfliteModel model, byte[] bytes) {
    this.model = model;
    this.bytes = bytes;
    Subgraph g = model.mainSubgraph();
    this.inputs = specs(g, g.inputs());
    this.outputs = specs(g, g.outputs());
    Set<String> ops = new LinkedHashSet<>();
    for (Operator node : g.operators()) {
      ops.add(model.operatorCodes().get(node.opcodeIndex()).displayName());
    }
    this.operators = Collections.unmodifiableSet(ops);
    this.computeType = computeType(model, g);
  }

  /** Reads and validates a .tflite file held in memory (the array is copied). */
  public static EngineModel of(byte[] file) {
    if (file == null) {
      throw new IllegalArgumentException("model bytes are null");
    }
    byte[] copy = file.clone();
    return new EngineModel(TfliteReader.read(copy), copy);
  }

  /** Reads and validates the .tflite file between {@code file}'s position and limit; the buffer is not changed. */
  public static EngineModel of(ByteBuffer file) {
    if (file == null) {
      throw new IllegalArgumentException("model buffer is null");
    }
    byte[] copy = new byte[file.remaining()];
    file.duplicate().get(copy);
    return new EngineModel(TfliteReader.read(copy), copy);
  }

  /** Wraps a model already in memory; its .tflite bytes are written once, here. */
  public static EngineModel of(TfliteModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model is null");
    }
    return new EngineModel(model, TfliteWriter.write(model));
  }

  public TfliteModel model() {
    return model;
  }

  /** The .tflite file; a copy, so callers cannot change what other engines load. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Size of the .tflite file in bytes. */
  public int byteSize() {
    return bytes.length;
  }

  /** The main subgraph's inputs as the file declares them. */
  public List<TensorSpec> inputs() {
    return inputs;
  }

  /** The main subgraph's outputs as the file declares them (a native runtime may report other shapes). */
  public List<TensorSpec> outputs() {
    return outputs;
  }

  /** Display names of the operators the main subgraph uses ({@code CONV_2D}, {@code CUSTOM(name)}), in order. */
  public Set<String> operators() {
    return operators;
  }

  /**
   * The type most of the model's computed tensors have: FLOAT32 for float models, INT8 or UINT8 for quantized
   * ones (also when only their inputs and outputs are float). Engines' speed differs most by this type.
   */
  public DataType computeType() {
    return computeType;
  }

  private static List<TensorSpec> specs(Subgraph g, int[] indices) {
    List<TensorSpec> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      out.add(TensorSpec.of(g.tensors().get(i)));
    }
    return Collections.unmodifiableList(out);
  }

  private static DataType computeType(TfliteModel model, Subgraph g) {
    Map<DataType, Integer> counts = new EnumMap<>(DataType.class);
    for (Operator node : g.operators()) {
      for (int out : node.outputs()) {
        TensorInfo t = out < 0 ? null : g.tensors().get(out);
        if (t != null && !model.isConstant(t)) {
          counts.merge(t.type(), 1, Integer::sum);
        }
      }
    }
    DataType best = g.inputs().length > 0 ? g.tensors().get(g.inputs()[0]).type() : DataType.FLOAT32;
    int bestCount = 0;
    for (Map.Entry<DataType, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }
}
