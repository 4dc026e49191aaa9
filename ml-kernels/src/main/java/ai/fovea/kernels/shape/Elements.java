package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * A tensor's backing array seen as untyped elements, so the shape ops move bytes once for every type. This is
 * the only place in the package that knows the concrete array of each storage type; INT8 and UINT8 share one
 * (values are copied, never interpreted).
 */
enum Elements {
  FLOATS {
    @Override
    Object array(Tensor t) {
      return t.floats();
    }

    @Override
    void copy(Object src, int srcPos, int srcStep, Object dst, int dstPos, int dstStep, int count) {
      float[] s = (float[]) src;
      float[] d = (float[]) dst;
      for (int i = 0; i < count; i++, srcPos += srcStep, dstPos += dstStep) {
        d[dstPos] = s[srcPos];
      }
    }

    @Override
    void fill(Object dst, int from, int to, int value) {
      Arrays.fill((float[]) dst, from, to, value);
    }
  },
  BYTES {
    @Override
    Object array(Tensor t) {
      return t.bytes();
    }

    @Override
    void copy(Object src, int srcPos, int srcStep, Object dst, int dstPos, int dstStep, int count) {
      byte[] s = (byte[]) src;
      byte[] d = (byte[]) dst;
      for (int i = 0; i < count; i++, srcPos += srcStep, dstPos += dstStep) {
        d[dstPos] = s[srcPos];
      }
    }

    @Override
    void fill(Object dst, int from, int to, int value) {
      Arrays.fill((byte[]) dst, from, to, (byte) value);
    }
  },
  INTS {
    @Override
    Object array(Tensor t) {
      return t.ints();
    }

    @Override
    void copy(Object src, int srcPos, int srcStep, Object dst, int dstPos, int dstStep, int count) {
      int[] s = (int[]) src;
      int[] d = (int[]) dst;
      for (int i = 0; i < count; i++, srcPos += srcStep, dstPos += dstStep) {
        d[dstPos] = s[srcPos];
      }
    }

    @Override
    void fill(Object dst, int from, int to, int value) {
      Arrays.fill((int[]) dst, from, to, value);
    }
  },
  LONGS {
    @Override
    Object array(Tensor t) {
      return t.longs();
    }

    @Override
    void copy(Object src, int srcPos, int srcStep, Object dst, int dstPos, int dstStep, int count) {
      long[] s = (long[]) src;
      long[] d = (long[]) dst;
      for (int i = 0; i < count; i++, srcPos += srcStep, dstPos += dstStep) {
        d[dstPos] = s[srcPos];
      }
    }

    @Override
    void fill(Object dst, int from, int to, int value) {
      Arrays.fill((long[]) dst, from, to, value);
    }
  };

  /** The storage of {@code type}; the shape ops take FLOAT32, INT32, INT64, INT8 and UINT8. */
  static Elements of(DataType type, String op) {
    switch (type) {
      case FLOAT32:
        return FLOATS;
      case INT8:
      case UINT8:
        return BYTES;
      case INT32:
        return INTS;
      case INT64:
        return LONGS;
      default:
        throw new OpPrepareException(op, "unsupported tensor type " + type);
    }
  }

  /** The tensor's backing array (possibly longer than its size). */
  abstract Object array(Tensor t);

  /** Copies {@code count} elements, stepping through each array by its own (possibly negative) step. */
  abstract void copy(Object src, int srcPos, int srcStep, Object dst, int dstPos, int dstStep, int count);

  /** Sets [from, to) to {@code value} (a quantized zero point, or 0). */
  abstract void fill(Object dst, int from, int to, int value);
}
