package ai.fovea.models.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked view of one FlatBuffer table. Every offset, vtable, vector and string is checked against the
 * file before it is read, so hostile input ends in a {@link ModelFormatException} naming the field ({@code where})
 * rather than an IndexOutOfBoundsException. All views of one file share a decoding budget proportional to the file
 * size: a hostile file whose vectors point many times at the same bytes cannot make the reader allocate more than
 * a small multiple of its own length. Package-private: only {@link TfliteReader} reads FlatBuffers.
 */
final class FlatTable {
  /** Bytes charged for each table view (its Java objects), so shared tables cannot multiply without bound. */
  private static final int TABLE_COST = 64;

  /** What one file may still decode, shared by all its views. */
  private static final class Budget {
    private long remaining;

    Budget(long remaining) {
      this.remaining = remaining;
    }

    void charge(long bytes, String where) {
      remaining -= bytes;
      if (remaining < 0) {
        throw new ModelFormatException(where + ": the file's tables and vectors refer to the same bytes so often that"
            + " decoding them would need far more memory than the file holds");
      }
    }
  }

  private final ByteBuffer buf;
  private final Budget budget;
  private final int pos;
  private final int vtable;
  private final int vtableSize;
  private final int tableSize;
  final String where;

  private FlatTable(ByteBuffer buf, Budget budget, long pos, String where) {
    this.buf = buf;
    this.budget = budget;
    this.where = where;
    if (pos < 0 || pos + 4 > buf.limit()) {
      throw new ModelFormatException(where + ": table offset " + pos + " outside the file of " + buf.limit() + " bytes");
    }
    budget.charge(TABLE_COST, where);
    this.pos = (int) pos;
    long vt = pos - buf.getInt(this.pos);
    if (vt < 0 || vt + 4 > buf.limit()) {
      throw new ModelFormatException(where + ": vtable offset " + vt + " outside the file of " + buf.limit() + " bytes");
    }
    this.vtable = (int) vt;
    this.vtableSize = Short.toUnsignedInt(buf.getShort(vtable));
    this.tableSize = Short.toUnsignedInt(buf.getShort(vtable + 2));
    if (vtableSize < 4 || (vtableSize & 1) != 0 || vtable + vtableSize > buf.limit()) {
      throw new ModelFormatException(where + ": bad vtable size " + vtableSize + " at offset " + vtable);
    }
    if (tableSize < 4 || pos + tableSize > buf.limit()) {
      throw new ModelFormatException(where + ": table of " + tableSize + " bytes at " + pos + " runs past the end of the"
          + " file (" + buf.limit() + " bytes)");
    }
  }

  /**
   * The root table of a file held in {@code file} from its position to its limit; checks the file identifier
   * (bytes 4..7). The budget allows decoding a few times the file's length.
   */
  static FlatTable root(ByteBuffer file, String identifier) {
    ByteBuffer buf = file.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (buf.limit() < 8) {
      throw new ModelFormatException("file of " + buf.limit() + " bytes is too short for a .tflite model");
    }
    byte[] id = new byte[4];
    for (int i = 0; i < 4; i++) {
      id[i] = buf.get(4 + i);
    }
    String found = new String(id, StandardCharsets.ISO_8859_1);
    if (!found.equals(identifier)) {
      throw new ModelFormatException("file identifier is '" + printable(found) + "', expected '" + identifier + "'");
    }
    Budget budget = new Budget(4L * buf.limit() + (1 << 20));
    return new FlatTable(buf, budget, Integer.toUnsignedLong(buf.getInt(0)), "model");
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
    }
    return sb.toString();
  }

  /** Length of the whole file in bytes. */
  int fileLength() {
    return buf.limit();
  }

  private void checkRange(long start, long length, String what) {
    // Compared without adding: a hostile 64-bit offset plus size could overflow.
    if (start < 0 || length < 0 || start > buf.limit() || length > buf.limit() - start) {
      throw new ModelFormatException(what + ": " + length + " bytes at offset " + start + " lie outside the file of "
          + buf.limit() + " bytes");
    }
  }

  /** Absolute position of field {@code id}, or 0 when absent. */
  private int field(int id, int width, String name) {
    int entry = 4 + 2 * id;
    if (entry + 2 > vtableSize) {
      return 0;
    }
    int off = Short.toUnsignedInt(buf.getShort(vtable + entry));
    if (off == 0) {
      return 0;
    }
    if (off + width > tableSize) {
      throw new ModelFormatException(where + "." + name + ": field offset " + off + " outside its table of "
          + tableSize + " bytes");
    }
    return pos + off;
  }

  boolean has(int id) {
    int entry = 4 + 2 * id;
    return entry + 2 <= vtableSize && buf.getShort(vtable + entry) != 0;
  }

  int getInt(int id, String name, int defaultValue) {
    int p = field(id, 4, name);
    return p == 0 ? defaultValue : buf.getInt(p);
  }

  long getUint(int id, String name, long defaultValue) {
    int p = field(id, 4, name);
    return p == 0 ? defaultValue : Integer.toUnsignedLong(buf.getInt(p));
  }

  long getLong(int id, String name, long defaultValue) {
    int p = field(id, 8, name);
    return p == 0 ? defaultValue : buf.getLong(p);
  }

  int getByte(int id, String name, int defaultValue) {
    int p = field(id, 1, name);
    return p == 0 ? defaultValue : buf.get(p);
  }

  int getUbyte(int id, String name, int defaultValue) {
    int p = field(id, 1, name);
    return p == 0 ? defaultValue : Byte.toUnsignedInt(buf.get(p));
  }

  boolean getBool(int id, String name, boolean defaultValue) {
    int p = field(id, 1, name);
    return p == 0 ? defaultValue : buf.get(p) != 0;
  }

  float getFloat(int id, String name, float defaultValue) {
    int p = field(id, 4, name);
    return p == 0 ? defaultValue : buf.getFloat(p);
  }

  /** Follows a uoffset field; returns its absolute target, or -1 when the field is absent. */
  private long target(int id, String name) {
    int p = field(id, 4, name);
    if (p == 0) {
      return -1;
    }
    long t = p + Integer.toUnsignedLong(buf.getInt(p));
    if (t + 4 > buf.limit()) {
      throw new ModelFormatException(where + "." + name + ": offset points to " + t + ", past the end of the file ("
          + buf.limit() + " bytes)");
    }
    return t;
  }

  FlatTable getTable(int id, String name) {
    long t = target(id, name);
    return t < 0 ? null : new FlatTable(buf, budget, t, where + "." + name);
  }

  /**
   * Vector header: returns {start of elements, count} after checking that count × elementSize lies inside the file
   * and fits the decoding budget.
   */
  private int[] vector(int id, String name, int elementSize) {
    long t = target(id, name);
    if (t < 0) {
      return null;
    }
    long count = Integer.toUnsignedLong(buf.getInt((int) t));
    String what = where + "." + name + " (" + count + " elements)";
    checkRange(t + 4, count * elementSize, what);
    budget.charge(count * elementSize, what);
    return new int[] {(int) t + 4, (int) count};
  }

  int[] getInts(int id, String name) {
    int[] v = vector(id, name, 4);
    if (v == null) {
      return null;
    }
    int[] out = new int[v[1]];
    for (int i = 0; i < out.length; i++) {
      out[i] = buf.getInt(v[0] + 4 * i);
    }
    return out;
  }

  float[] getFloats(int id, String name) {
    int[] v = vector(id, name, 4);
    if (v == null) {
      return null;
    }
    float[] out = new float[v[1]];
    for (int i = 0; i < out.length; i++) {
      out[i] = buf.getFloat(v[0] + 4 * i);
    }
    return out;
  }

  long[] getLongs(int id, String name) {
    int[] v = vector(id, name, 8);
    if (v == null) {
      return null;
    }
    long[] out = new long[v[1]];
    for (int i = 0; i < out.length; i++) {
      out[i] = buf.getLong(v[0] + 8 * i);
    }
    return out;
  }

  /** A vector of uint16 values, widened to ints. */
  int[] getUshorts(int id, String name) {
    int[] v = vector(id, name, 2);
    if (v == null) {
      return null;
    }
    int[] out = new int[v[1]];
    for (int i = 0; i < out.length; i++) {
      out[i] = buf.getShort(v[0] + 2 * i) & 0xFFFF;
    }
    return out;
  }

  byte[] getBytes(int id, String name) {
    int[] v = vector(id, name, 1);
    return v == null ? null : copy(v[0], v[1]);
  }

  String getString(int id, String name) {
    byte[] bytes = getBytes(id, name);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /** The tables of a vector-of-tables field (empty when absent); each element's offset is checked when read. */
  FlatTable[] getTables(int id, String name) {
    int[] v = vector(id, name, 4);
    if (v == null) {
      return new FlatTable[0];
    }
    FlatTable[] out = new FlatTable[v[1]];
    for (int i = 0; i < out.length; i++) {
      int slot = v[0] + 4 * i;
      long t = slot + Integer.toUnsignedLong(buf.getInt(slot));
      out[i] = new FlatTable(buf, budget, t, where + "." + name + "[" + i + "]");
    }
    return out;
  }

  /** Bytes [offset, offset + size) of the whole file, for buffers stored after the FlatBuffer in large models. */
  byte[] fileRange(long offset, long size, String name) {
    String what = where + "." + name;
    checkRange(offset, size, what);
    budget.charge(size, what);
    return copy((int) offset, (int) size);
  }

  private byte[] copy(int start, int length) {
    byte[] out = new byte[length];
    ByteBuffer src = buf.duplicate();
    src.position(start);
    src.get(out);
    return out;
  }
}
