package ai.fovea.models.tflite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole .tflite model in memory, immutable: schema version, operator codes, subgraphs, buffers (index 0 is
 * the empty sentinel) and named metadata buffers. Every instance is consistent: the constructor checks the rules
 * of {@link ModelValidator} (indices in range, constant sizes, options matching their operators, operators in
 * execution order) and throws {@link ModelFormatException} naming the first violation. Produced by
 * {@link TfliteReader}, written by {@link TfliteWriter}, usually assembled with {@link ModelBuilder}.
 */
public final class TfliteModel {
  public static final int SCHEMA_VERSION = 3;

  private final String description;
  private final List<OperatorCode> operatorCodes;
  private final List<Subgraph> subgraphs;
  private final List<byte[]> buffers;
  private final Map<String, Integer> metadata;

  public TfliteModel(String description, List<OperatorCode> operatorCodes, List<Subgraph> subgraphs,
      List<byte[]> buffers, Map<String, Integer> metadata) {
    this.description = description == null ? "" : description;
    this.operatorCodes = copy(operatorCodes, "operator codes");
    this.subgraphs = copy(subgraphs, "subgraphs");
    this.buffers = copy(buffers, "buffers");
    if (metadata == null || metadata.keySet().stream().anyMatch(Objects::isNull)
        || metadata.values().stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("metadata must be a map of names to buffer indices, got " + metadata);
    }
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    ModelValidator.validate(this.operatorCodes, this.subgraphs, this.buffers, this.metadata);
  }

  private static <T> List<T> copy(List<T> list, String what) {
    if (list == null || list.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException(what + " must be a list without nulls, got " + list);
    }
    return List.copyOf(list);
  }

  public String description() {
    return description;
  }

  public List<OperatorCode> operatorCodes() {
    return operatorCodes;
  }

  public List<Subgraph> subgraphs() {
    return subgraphs;
  }

  /** The main subgraph. */
  public Subgraph mainSubgraph() {
    return subgraphs.get(0);
  }

  /** Buffer contents; treat the arrays as read-only. */
  public List<byte[]> buffers() {
    return buffers;
  }

  /** True when the tensor has constant data (a non-empty buffer). */
  public boolean isConstant(TensorInfo tensor) {
    return ModelValidator.isConstant(tensor, buffers);
  }

  /** Metadata name → buffer index. */
  public Map<String, Integer> metadata() {
    return metadata;
  }

  /** The bytes of a named metadata entry, or null. */
  public byte[] metadata(String name) {
    Integer index = metadata.get(name);
    return index == null ? null : buffers.get(index).clone();
  }
}
