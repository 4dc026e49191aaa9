package ai.fovea.sdk.engine;

import ai.fovea.kernels.tensor.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an engine declares it can run: operators (display names as {@link EngineModel#operators()} gives them,
 * e.g. {@code CONV_2D} or {@code CUSTOM(TFLite_Detection_PostProcess)}), tensor types, the types it has fast
 * kernels for (the {@link EngineSelector}'s automatic order puts an engine first for models of those types),
 * and the platform it runs on, in words. Immutable. {@link #check} rejects a model before it is opened.
 */
public final class EngineCapabilities {
  private final Set<String> operators;
  private final Set<DataType> dataTypes;
  private final Set<DataType> fastTypes;
  private final String platform;

  private EngineCapabilities(Set<String> operators, Set<DataType> dataTypes, Set<DataType> fastTypes,
      String platform) {
    this.operators = Collections.unmodifiableSet(new LinkedHashSet<>(operators));
    this.dataTypes = Collections.unmodifiableSet(EnumSet.copyOf(dataTypes));
    this.fastTypes = Collections.unmodifiableSet(fastTypes.isEmpty() ? EnumSet.noneOf(DataType.class)
        : EnumSet.copyOf(fastTypes));
    this.platform = platform;
  }

  /**
   * Declares capabilities. {@code fastTypes} must be a subset of {@code dataTypes}; {@code platform} says where
   * the engine runs, e.g. "any Java 11 runtime".
   */
  public static EngineCapabilities of(Set<String> operators, Set<DataType> dataTypes, Set<DataType> fastTypes,
      String platform) {
    if (operators == null || operators.isEmpty() || operators.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("operators must be a non-empty set without nulls, got " + operators);
    }
    if (dataTypes == null || dataTypes.isEmpty() || dataTypes.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("data types must be a non-empty set without nulls, got " + dataTypes);
    }
    if (fastTypes == null || !dataTypes.containsAll(fastTypes)) {
      throw new IllegalArgumentException("fast types " + fastTypes + " must be among the data types " + dataTypes);
    }
    if (platform == null || platform.isEmpty()) {
      throw new IllegalArgumentException("platform is empty");
    }
    return new EngineCapabilities(operators, dataTypes, fastTypes, platform);
  }

  public Set<String> operators() {
    return operators;
  }

  public Set<DataType> dataTypes() {
    return dataTypes;
  }

  /** The compute types this engine runs with optimized kernels. */
  public Set<DataType> fastTypes() {
    return fastTypes;
  }

  public String platform() {
    return platform;
  }

  /** True when the engine has fast kernels for the model's {@link EngineModel#computeType()}. */
  public boolean isFastFor(EngineModel model) {
    return fastTypes.contains(model.computeType());
  }

  /**
   * Throws {@link EngineUnavailableException} naming every operator and tensor type of {@code model} that
   * {@code engine} does not declare; returns quietly when it declares them all.
   */
  public void check(String engine, EngineModel model) {
    List<String> missing = new ArrayList<>();
    for (String op : model.operators()) {
      if (!operators.contains(op)) {
        missing.add(op);
      }
    }
    if (!missing.isEmpty()) {
      throw new EngineUnavailableException(engine, EngineUnavailableException.Reason.UNSUPPORTED_OP,
          "does not implement " + String.join(", ", missing));
    }
    Set<DataType> types = EnumSet.noneOf(DataType.class);
    model.model().mainSubgraph().tensors().forEach(t -> types.add(t.type()));
    types.removeAll(dataTypes);
    if (!types.isEmpty()) {
      throw new EngineUnavailableException(engine, EngineUnavailableException.Reason.UNSUPPORTED_TYPE,
          "does not implement tensors of type " + types);
    }
  }
}
