package ai.fovea.models.tflite;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The root map of a FlexBuffer, the schemaless format of custom operators' options (e.g.
 * {@code TFLite_Detection_PostProcess}), read into an immutable map of scalar values: integers (signed, unsigned,
 * inline or indirect) as {@link Long}, floats as {@link Double}, booleans as {@link Boolean}, strings and keys as
 * {@link String}. Other values (vectors, nested maps, blobs) are kept as absent-by-type: asking for them is an
 * error. Every offset, width and length is checked against the buffer: a malformed or hostile buffer is a
 * {@link ModelFormatException} naming the problem, never an index exception.
 */
public final class FlexBufferMap {
  // FlexBuffers value types (flexbuffers.h FBT_*): only those a scalar option can take are decoded.
  private static final int NULL = 0;
  private static final int INT = 1;
  private static final int UINT = 2;
  private static final int FLOAT = 3;
  private static final int KEY = 4;
  private static final int STRING = 5;
  private static final int INDIRECT_INT = 6;
  private static final int INDIRECT_UINT = 7;
  private static final int INDIRECT_FLOAT = 8;
  private static final int MAP = 9;
  private static final int VECTOR_KEY = 14;
  private static final int BOOL = 26;

  private final String where;
  private final Map<String, Object> values;

  private FlexBufferMap(String where, Map<String, Object> values) {
    this.where = where;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Reads the map at the root of {@code buffer}; {@code where} names the buffer in error messages (e.g.
   * {@code "node 63 (TFLite_Detection_PostProcess) custom options"}).
   */
  public static FlexBufferMap read(byte[] buffer, String where) {
    return new Reader(buffer, where).readRootMap();
  }

  /** The keys, in stored (sorted) order. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** True when {@code key} is present with a scalar value (not null, not a vector or map). */
  public boolean has(String key) {
    return values.containsKey(key) && values.get(key) != null;
  }

  /** An integer, float or boolean value as an int (floats truncate, as FlexBuffers' AsInt32). */
  public int intValue(String key) {
    Object v = required(key);
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    if (!(v instanceof Number)) {
      throw new ModelFormatException(where + ": '" + key + "' is " + describe(v) + ", not a number");
    }
    double d = ((Number) v).doubleValue();
    if (v instanceof Long && (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE)) {
      throw new ModelFormatException(where + ": '" + key + "' = " + v + " does not fit an int");
    }
    return v instanceof Long ? (int) (long) (Long) v : (int) d;
  }

  /** An integer, float or boolean value as a float. */
  public float floatValue(String key) {
    Object v = required(key);
    if (v instanceof Boolean) {
      return (Boolean) v ? 1f : 0f;
    }
    if (!(v instanceof Number)) {
      throw new ModelFormatException(where + ": '" + key + "' is " + describe(v) + ", not a number");
    }
    return ((Number) v).floatValue();
  }

  /** A boolean or integer value as a boolean (non-zero is true, as FlexBuffers' AsBool). */
  public boolean boolValue(String key) {
    Object v = required(key);
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue() != 0;
    }
    throw new ModelFormatException(where + ": '" + key + "' is " + describe(v) + ", not a boolean");
  }

  private Object required(String key) {
    if (!values.containsKey(key)) {
      throw new ModelFormatException(where + ": no '" + key + "' (keys: " + values.keySet() + ")");
    }
    Object v = values.get(key);
    if (v == null) {
      throw new ModelFormatException(where + ": '" + key + "' is null or of a non-scalar type");
    }
    return v;
  }

  private static String describe(Object v) {
    return v instanceof String ? "the string \"" + v + "\"" : String.valueOf(v);
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Bounds-checked decoding of one buffer. */
  private static final class Reader {
    private final byte[] buf;
    private final String where;

    Reader(byte[] buf, String where) {
      this.buf = buf == null ? new byte[0] : buf;
      this.where = where;
    }

    FlexBufferMap readRootMap() {
      if (buf.length < 3) {
        throw fail("a FlexBuffer needs at least 3 bytes, got " + buf.length);
      }
      int rootWidth = buf[buf.length - 1] & 0xFF;
      checkWidth(rootWidth, "root byte width");
      int packed = buf[buf.length - 2] & 0xFF;
      int rootSlot = buf.length - 2 - rootWidth;
      if (rootSlot < 0) {
        throw fail("root value of width " + rootWidth + " does not fit a " + buf.length + "-byte buffer");
      }
      if (packed >> 2 != MAP) {
        throw fail("root is of FlexBuffers type " + (packed >> 2) + ", not a map");
      }
      int map = indirect(rootSlot, rootWidth);
      int width = 1 << (packed & 3);
      int size = (int) unsignedCapped(map - width, width, "map size");
      int keysSlot = map - 3 * width;
      int keysWidth = (int) unsignedCapped(map - 2 * width, width, "key vector width");
      checkWidth(keysWidth, "key vector byte width");
      int keys = indirect(keysSlot, width);
      int keyCount = (int) unsignedCapped(keys - keysWidth, keysWidth, "key vector size");
      if (keyCount != size) {
        throw fail("map has " + size + " values but " + keyCount + " keys");
      }
      checkRange(map, (long) size * width + size, "map values and types");
      checkRange(keys, (long) size * keysWidth, "map keys");
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < size; i++) {
        String key = string(indirect(keys + i * keysWidth, keysWidth), "key " + i);
        int valuePacked = buf[map + size * width + i] & 0xFF;
        if (values.containsKey(key)) {
          throw fail("key '" + key + "' appears twice");
        }
        values.put(key, scalar(map + i * width, width, valuePacked, key));
      }
      return new FlexBufferMap(where, values);
    }

    /** The scalar in {@code slot} (parent width {@code width}); null for NULL and non-scalar types. */
    private Object scalar(int slot, int width, int packed, String key) {
      int type = packed >> 2;
      int childWidth = 1 << (packed & 3);
      switch (type) {
        case NULL:
          return null;
        case INT:
          return signed(slot, width);
        case UINT:
          return unsigned(slot, width);
        case FLOAT:
          return floating(slot, width);
        case BOOL:
          return unsigned(slot, width) != 0;
        case INDIRECT_INT:
          return signed(indirect(slot, width), childWidth);
        case INDIRECT_UINT:
          return unsigned(indirect(slot, width), childWidth);
        case INDIRECT_FLOAT:
          return floating(indirect(slot, width), childWidth);
        case KEY:
          return string(indirect(slot, width), "value of '" + key + "'");
        case STRING: {
          int at = indirect(slot, width);
          int length = (int) unsignedCapped(at - childWidth, childWidth, "string length of '" + key + "'");
          checkRange(at, length + 1L, "string of '" + key + "'");
          return new String(buf, at, length, StandardCharsets.UTF_8);
        }
        default:
          if (type > BOOL && type != VECTOR_KEY) {
            throw fail("value of '" + key + "' has unknown FlexBuffers type " + type);
          }
          return null;
      }
    }

    /** The position an offset stored in {@code slot} points back to. */
    private int indirect(int slot, int width) {
      long offset = unsigned(slot, width);
      long target = slot - offset;
      if (offset < 0 || target < 0 || target >= buf.length) {
        throw fail("offset " + offset + " at byte " + slot + " points outside the buffer");
      }
      return (int) target;
    }

    /** A NUL-terminated key string starting at {@code at}. */
    private String string(int at, String what) {
      int end = at;
      while (end < buf.length && buf[end] != 0) {
        end++;
      }
      if (end >= buf.length) {
        throw fail(what + " is not NUL-terminated");
      }
      return new String(buf, at, end - at, StandardCharsets.UTF_8);
    }

    private long signed(int at, int width) {
      checkWidth(width, "value width");
      checkRange(at, width, "value");
      long v = 0;
      for (int i = width - 1; i >= 0; i--) {
        v = (v << 8) | (buf[at + i] & 0xFF);
      }
      int shift = 64 - 8 * width;
      return (v << shift) >> shift;
    }

    private long unsigned(int at, int width) {
      checkWidth(width, "value width");
      checkRange(at, width, "value");
      long v = 0;
      for (int i = width - 1; i >= 0; i--) {
        v = (v << 8) | (buf[at + i] & 0xFF);
      }
      if (v < 0) {
        throw fail("unsigned value at byte " + at + " exceeds 2^63");
      }
      return v;
    }

    private long unsignedCapped(int at, int width, String what) {
      if (at < 0) {
        throw fail(what + " lies before the buffer start");
      }
      long v = unsigned(at, width);
      if (v > buf.length) {
        throw fail(what + " " + v + " exceeds the buffer size " + buf.length);
      }
      return v;
    }

    private double floating(int at, int width) {
      if (width == 4) {
        return Float.intBitsToFloat((int) unsigned(at, 4));
      }
      if (width == 8) {
        checkRange(at, 8, "value");
        return Double.longBitsToDouble(signed(at, 8));
      }
      throw fail("a float of width " + width + " at byte " + at);
    }

    private void checkWidth(int width, String what) {
      if (width != 1 && width != 2 && width != 4 && width != 8) {
        throw fail(what + " must be 1, 2, 4 or 8, got " + width);
      }
    }

    private void checkRange(int at, long length, String what) {
      if (at < 0 || length < 0 || at + length > buf.length) {
        throw fail(what + " at byte " + at + " (" + length + " bytes) runs past the buffer end " + buf.length);
      }
    }

    private ModelFormatException fail(String message) {
      return new ModelFormatException(where + ": " + message);
    }
  }
}
