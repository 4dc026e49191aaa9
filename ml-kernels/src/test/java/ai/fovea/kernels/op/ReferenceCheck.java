package ai.fovea.kernels.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;

/**
 * Test support for ops: seeded random tensors of every type, and the check that an op's optimized form writes
 * what its reference form writes. Both forms write into outputs whose backing arrays start full of random values,
 * so an element the optimized form forgets is caught.
 */
public final class ReferenceCheck {
  private ReferenceCheck() {}

  /** Floats in [-4, 4), 8-bit types over their whole range, int32 in [-50, 50], int64 anywhere. */
  public static Tensor random(Random r, String name, DataType type, Shape shape, Quantization q) {
    Tensor t = Tensor.allocate(name, type, shape, q);
    fill(r, t, t.size());
    return t;
  }

  private static void fill(Random r, Tensor t, int n) {
    switch (t.dataType()) {
      case FLOAT32:
        for (int i = 0; i < n; i++) {
          t.floats()[i] = r.nextFloat() * 8 - 4;
        }
        break;
      case INT32:
        for (int i = 0; i < n; i++) {
          t.ints()[i] = r.nextInt(101) - 50;
        }
        break;
      case INT64:
        for (int i = 0; i < n; i++) {
          t.longs()[i] = r.nextLong();
        }
        break;
      default:
        r.nextBytes(t.bytes());
    }
  }

  /**
   * Prepares {@code op} and runs each form into its own garbage-filled output of {@code type} and {@code q};
   * float outputs may differ by {@code tolerance} relative to the output's largest magnitude, others must match
   * exactly. Returns the optimized output.
   */
  public static Tensor assertFormsAgree(Op op, Tensor[] inputs, DataType type, Quantization q, double tolerance,
      Random r, String message) {
    Tensor optimized = garbage(r, "optimized", type, q);
    op.prepare(inputs, new Tensor[] {optimized});
    op.run(inputs, new Tensor[] {optimized});
    Tensor reference = garbage(r, "reference", type, q);
    op.prepare(inputs, new Tensor[] {reference});
    op.runReference(inputs, new Tensor[] {reference});
    assertEquals(reference.shape(), optimized.shape(), message);
    int n = reference.size();
    switch (type) {
      case FLOAT32: {
        float[] e = Arrays.copyOf(reference.floats(), n);
        float[] a = Arrays.copyOf(optimized.floats(), n);
        double scale = 0;
        for (float v : e) {
          scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < n; i++) {
          assertEquals(e[i], a[i], tolerance * Math.max(scale, 1e-30), message + " at " + i);
        }
        break;
      }
      case INT32:
        assertArrayEquals(Arrays.copyOf(reference.ints(), n), Arrays.copyOf(optimized.ints(), n), message);
        break;
      case INT64:
        assertArrayEquals(Arrays.copyOf(reference.longs(), n), Arrays.copyOf(optimized.longs(), n), message);
        break;
      default:
        assertArrayEquals(Arrays.copyOf(reference.bytes(), n), Arrays.copyOf(optimized.bytes(), n), message);
    }
    return optimized;
  }

  private static Tensor garbage(Random r, String name, DataType type, Quantization q) {
    Tensor t = Tensor.allocate(name, type, Shape.of(1 << 16), q);
    fill(r, t, t.size());
    return t;
  }
}
