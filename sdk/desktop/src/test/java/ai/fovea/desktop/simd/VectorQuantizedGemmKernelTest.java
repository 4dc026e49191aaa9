package ai.fovea.desktop.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.gemm.GemmKernels;
import ai.fovea.kernels.gemm.ScalarQuantizedGemmKernel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD int32 kernel equals the portable one exactly, for int8 and uint8 activations, on every tile and tail. */
class VectorQuantizedGemmKernelTest {
  @Test
  void equalsThePortableKernelExactly() {
    Random random = new Random(6);
    VectorQuantizedGemmKernel vector = new VectorQuantizedGemmKernel();
    ScalarQuantizedGemmKernel scalar = new ScalarQuantizedGemmKernel();
    int[][] shapes = {{1, 1, 1}, {4, 3, 16}, {5, 9, 33}, {7, 75, 24}, {9, 64, 96}, {3, 1, 129}, {13, 300, 70}};
    for (int mask : new int[] {-1, 0xFF}) {
      for (int[] shape : shapes) {
        int rows = shape[0];
        int depth = shape[1];
        int columns = shape[2];
        int[][] b = new int[depth][columns];
        for (int[] row : b) {
          for (int j = 0; j < columns; j++) {
            row[j] = random.nextInt(511) - 255;
          }
        }
        int lda = depth + 2;
        byte[] a = new byte[1 + rows * lda];
        random.nextBytes(a);
        int[] seed = random.nextBoolean() ? null : random.ints(columns, -5000, 5000).toArray();
        int j0 = columns > 2 ? 1 : 0;
        int[][] expected = new int[rows][columns];
        int[][] actual = new int[rows][columns];
        scalar.multiply(b, depth, a, mask, 1, lda, rows, seed, expected, j0, columns);
        vector.multiply(b, depth, a, mask, 1, lda, rows, seed, actual, j0, columns);
        for (int r = 0; r < rows; r++) {
          assertArrayEquals(expected[r], actual[r], "mask " + mask + " rows " + rows + " depth " + depth
              + " columns " + columns + " row " + r);
        }
      }
    }
  }

  @Test
  void isTheActiveKernelWhenTheVectorModuleIsPresent() {
    assertTrue(GemmKernels.quantized() instanceof VectorQuantizedGemmKernel, GemmKernels.quantized().name());
  }
}
