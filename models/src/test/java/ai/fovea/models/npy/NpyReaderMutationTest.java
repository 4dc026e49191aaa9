package ai.fovea.models.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile files: every truncation and thousands of seeded byte mutations of valid .npy files read as either a
 * valid array or a {@link NpyFormatException}, never another exception, a hang or a huge allocation.
 */
class NpyReaderMutationTest {
  private static final int MUTANTS_PER_FILE = 3000;

  @Test
  void truncatedAndMutatedFilesFailOnlyWithNpyFormatException() {
    List<byte[]> valid = List.of(NpyReaderTest.FLOAT32_2X3,
        NpyWriter.write(NpyArray.of(NpyDtype.INT64, Shape.of(3, 1, 2), new byte[48])),
        NpyWriter.write(NpyArray.of(NpyDtype.BOOL, Shape.scalar(), new byte[] {1})),
        NpyReaderTest.npy(2, "{'descr': '<f2', 'fortran_order': False, 'shape': (2, 2), }", new byte[8]));
    Random random = new Random(42);
    int rejected = 0;
    int total = 0;
    for (byte[] file : valid) {
      List<byte[]> mutants = new ArrayList<>();
      for (int n = 0; n < file.length; n++) {
        mutants.add(Arrays.copyOf(file, n));
      }
      for (int m = 0; m < MUTANTS_PER_FILE; m++) {
        byte[] mutant = file.clone();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          int at = random.nextInt(Math.min(mutant.length, 140)); // mostly the preamble and header
          mutant[at] = random.nextInt(4) == 0 ? (byte) "0123456789(),:'TF-L ".charAt(random.nextInt(20))
              : (byte) random.nextInt(256);
        }
        mutants.add(mutant);
      }
      for (byte[] mutant : mutants) {
        total++;
        try {
          NpyArray a = NpyReader.read(mutant);
          assertEquals((long) a.size() * a.dtype().itemSize(), a.data().remaining());
        } catch (NpyFormatException e) {
          rejected++;
          assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
      }
    }
    assertTrue(rejected > total / 2, rejected + " of " + total + " rejected");
  }
}
