package ai.fovea.models.tflite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole .tflite model in memory, immutable: schema version, operator codes, subgraphs, buffers (index 0 is
 * the empty sentinel) and named metadata buffers. Produced by {@link TfliteReader} after validation, written by
 * {@link TfliteWriter}, usually assembled with {@link ModelBuilder}.
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
    if (subgraphs.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one subgraph");
    }
    if (buffers.isEmpty() || buffers.get(0).length != 0) {
      throw new IllegalArgumentException("buffer 0 must exist and be empty");
    }
    this.description = description == null ? "" : description;
    this.operatorCodes = Collections.unmodifiableList(List.copyOf(operatorCodes));
    this.subgraphs = Collections.unmodifiableList(List.copyOf(subgraphs));
    this.buffers = Collections.unmodifiableList(List.copyOf(buffers));
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
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
