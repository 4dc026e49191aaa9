package ai.fovea.models.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * TFLite's sparse encoding expanded by hand-checked examples (CSR rows; 2×2 blocks with CSR block columns, the
 * form the converter writes for sparse weights), and malformed encodings refused with ModelFormatException.
 * The real sparse MediaPipe model is checked against the interpreter in ./fovea verify.
 */
class SparsityTest {
  private static final int[] NONE = null;

  @Test
  void expandsCsrRows() {
    // [[1, 0, 0, 2], [0, 0, 0, 0], [0, 3, 0, 0]]
    Sparsity s = new Sparsity(new int[] {0, 1}, new int[0], new boolean[] {false, true}, new int[] {3, 0},
        new int[][] {NONE, {0, 2, 2, 3}}, new int[][] {NONE, {0, 3, 1}});
    assertArrayEquals(new byte[] {1, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0},
        s.densify(new byte[] {1, 2, 3}, new int[] {3, 4}, 1, "w"));
  }

  @Test
  void expandsTwoByTwoBlocks() {
    // 4×4 with blocks (0, 1) and (1, 0) present:
    // [[0, 0, 1, 2], [0, 0, 3, 4], [5, 6, 0, 0], [7, 8, 0, 0]]
    Sparsity s = new Sparsity(new int[] {0, 1, 2, 3}, new int[] {0, 1}, new boolean[] {false, true, false, false},
        new int[] {2, 0, 2, 2}, new int[][] {NONE, {0, 1, 2}, NONE, NONE}, new int[][] {NONE, {1, 0}, NONE, NONE});
    assertArrayEquals(new byte[] {0, 0, 1, 2, 0, 0, 3, 4, 5, 6, 0, 0, 7, 8, 0, 0},
        s.densify(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, new int[] {4, 4}, 1, "w"));
  }

  @Test
  void copiesWholeElements() {
    Sparsity s = new Sparsity(new int[] {0}, new int[0], new boolean[] {true}, new int[] {0},
        new int[][] {{0, 1}}, new int[][] {{2}});
    assertArrayEquals(new byte[] {0, 0, 0, 0, 7, 9}, s.densify(new byte[] {7, 9}, new int[] {3}, 2, "w"));
  }

  @Test
  void refusesMalformedEncodings() {
    int[] shape = {3, 4};
    byte[] three = {1, 2, 3};
    String message = assertThrows(ModelFormatException.class, () -> csr(new int[] {0, 2, 2, 3},
        new int[] {0, 4, 1}).densify(three, shape, 1, "w")).getMessage();
    assertTrue(message.contains("index 4 is outside [0, 4)"), message);
    assertThrows(ModelFormatException.class,
        () -> csr(new int[] {0, 2, 2, 9}, new int[] {0, 3, 1}).densify(three, shape, 1, "w"));
    assertThrows(ModelFormatException.class,
        () -> csr(new int[] {0, 2}, new int[] {0, 3, 1}).densify(three, shape, 1, "w"));
    assertThrows(ModelFormatException.class,
        () -> csr(new int[] {0, 2, 2, 3}, new int[] {0, 3, 1}).densify(new byte[] {1, 2}, shape, 1, "w"));
    assertThrows(ModelFormatException.class,
        () -> csr(new int[] {0, 2, 2, 3}, new int[] {0, 3, 1}).densify(new byte[] {1, 2, 3, 4}, shape, 1, "w"));
    assertThrows(ModelFormatException.class, () -> new Sparsity(new int[] {1, 1}, new int[0],
        new boolean[] {false, false}, new int[] {3, 4}, new int[2][], new int[2][]).densify(three, shape, 1, "w"));
    assertThrows(ModelFormatException.class, () -> new Sparsity(new int[] {0, 1}, new int[0],
        new boolean[] {false, false}, new int[] {5, 4}, new int[2][], new int[2][]).densify(three, shape, 1, "w"));
  }

  private static Sparsity csr(int[] segments, int[] indices) {
    return new Sparsity(new int[] {0, 1}, new int[0], new boolean[] {false, true}, new int[] {3, 0},
        new int[][] {NONE, segments}, new int[][] {NONE, indices});
  }
}
