package ai.fovea.models.data;

import ai.fovea.kernels.tensor.Shape;

/**
 * The contents of one unsigned-byte IDX file: its dimensions and its values in row-major order. Immutable: the
 * bytes are copied in by {@link IdxReader} and copied out by {@link #copyData()}.
 */
public final class IdxArray {
  private final Shape shape;
  private final byte[] data;

  IdxArray(Shape shape, byte[] data) {
    this.shape = shape;
    this.data = data;
  }

  public Shape shape() {
    return shape;
  }

  /** The value at a flat row-major index, 0..255. */
  public int unsignedByte(int index) {
    if (index < 0 || index >= data.length) {
      throw new IndexOutOfBoundsException("index " + index + " out of range [0, " + data.length + ")");
    }
    return data[index] & 0xFF;
  }

  /** A fresh copy of the values in row-major order; read them unsigned ({@code b & 0xFF}). */
  public byte[] copyData() {
    return data.clone();
  }
}
