package ai.fovea.models.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Walks a valid FlatBuffer to the absolute position of one field, so tests can corrupt exactly that field. No
 * bounds checks: it is only ever pointed at files our own writer produced.
 */
final class FlatCursor {
  private final ByteBuffer buf;
  private final int table;

  private FlatCursor(ByteBuffer buf, int table) {
    this.buf = buf;
    this.table = table;
  }

  /** The root table of {@code file}. */
  static FlatCursor root(byte[] file) {
    ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    return new FlatCursor(buf, buf.getInt(0));
  }

  /** Position of this table's first byte (its signed offset to the vtable). */
  int position() {
    return table;
  }

  /** Absolute position of field {@code id}; the field must be present. */
  int field(int id) {
    int vtable = table - buf.getInt(table);
    int vtableSize = buf.getShort(vtable);
    int off = 4 + 2 * id < vtableSize ? buf.getShort(vtable + 4 + 2 * id) : 0;
    if (off == 0) {
      throw new IllegalStateException("field " + id + " is absent (a default value was not written)");
    }
    return table + off;
  }

  /** Position of the vtable entry (the 16-bit field offset) for field {@code id}. */
  int vtableEntry(int id) {
    return table - buf.getInt(table) + 4 + 2 * id;
  }

  /** The sub-table in field {@code id}. */
  FlatCursor table(int id) {
    int p = field(id);
    return new FlatCursor(buf, p + buf.getInt(p));
  }

  /** Element {@code index} of the vector-of-tables in field {@code id}. */
  FlatCursor table(int id, int index) {
    int slot = vectorElement(id, index, 4);
    return new FlatCursor(buf, slot + buf.getInt(slot));
  }

  /** Position of the element count of the vector in field {@code id}. */
  int vectorCount(int id) {
    int p = field(id);
    return p + buf.getInt(p);
  }

  /** Position of element {@code index} of the vector in field {@code id}, elements of {@code size} bytes. */
  int vectorElement(int id, int index, int size) {
    return vectorCount(id) + 4 + index * size;
  }
}
