package ai.fovea.models.npy;

import ai.fovea.kernels.tensor.DataType;

/**
 * The NumPy element types Fovea reads and writes, each little-endian (or byte-sized) as NumPy's {@code descr}
 * spells it: {@code <f4 <f2 |i1 |u1 <i4 <i8 |b1}. Every type but {@link #BOOL} has a tensor {@link DataType}.
 */
public enum NpyDtype {
  FLOAT32("<f4", DataType.FLOAT32),
  FLOAT16("<f2", DataType.FLOAT16),
  INT8("|i1", DataType.INT8),
  UINT8("|u1", DataType.UINT8),
  INT32("<i4", DataType.INT32),
  INT64("<i8", DataType.INT64),
  BOOL("|b1", null);

  private final String descr;
  private final DataType dataType;

  NpyDtype(String descr, DataType dataType) {
    this.descr = descr;
    this.dataType = dataType;
  }

  /** NumPy's {@code dtype.str}, as written into a header, e.g. {@code "<f4"}. */
  public String descr() {
    return descr;
  }

  /** Bytes per element. */
  public int itemSize() {
    return descr.charAt(2) - '0';
  }

  /** The tensor type holding the same values, or null for {@link #BOOL} (tensors have no boolean type). */
  public DataType dataType() {
    return dataType;
  }

  /** The NumPy type of a tensor type. */
  public static NpyDtype of(DataType type) {
    for (NpyDtype d : values()) {
      if (d.dataType == type) {
        return d;
      }
    }
    throw new IllegalArgumentException("tensor type " + type + " has no NumPy counterpart");
  }

  /**
   * The type a header's {@code descr} names. Byte-sized types may carry any byte-order mark ({@code |<>=}), as
   * NumPy accepts them; wider types must be little-endian ({@code <}).
   */
  static NpyDtype fromDescr(String descr) {
    if (descr.length() == 3) {
      char order = descr.charAt(0);
      String kind = descr.substring(1);
      for (NpyDtype d : values()) {
        if (d.descr.substring(1).equals(kind)) {
          if (order == '<' || d.itemSize() == 1 && (order == '|' || order == '>' || order == '=')) {
            return d;
          }
          if (order == '>') {
            throw new NpyFormatException("dtype " + descr + " is big-endian; save a.astype('" + d.descr + "')");
          }
        }
      }
    }
    if (descr.endsWith("O")) {
      throw new NpyFormatException("object arrays (dtype " + descr + ") are not supported: they hold pickled"
          + " Python objects, not numbers");
    }
    throw new NpyFormatException("dtype " + descr + " is not supported; supported: " + supportedList()
        + (descr.endsWith("f8") ? " (save a.astype('<f4'))" : ""));
  }

  static String supportedList() {
    StringBuilder sb = new StringBuilder();
    for (NpyDtype d : values()) {
      sb.append(sb.length() == 0 ? "" : " ").append(d.descr);
    }
    return sb.toString();
  }
}
