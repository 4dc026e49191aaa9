package ai.fovea.models.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of a valid model (every truncation, random byte changes, hostile 32-bit values at random
 * aligned positions): the reader either rejects a mutant with {@link ModelFormatException} or returns a model that
 * is consistent enough to summarize, write and read back. Anything else (IndexOutOfBounds, OutOfMemory,
 * NegativeArraySize, a hang) fails the test.
 */
class ReaderMutationTest {
  private static final int[] HOSTILE_INTS = {0, 1, -1, 2, 3, 4, 7, 8, 16, 255, 0x7fff, 0xffff, 1 << 20,
      Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 3};

  private final byte[] base = MalformedModels.base();

  @Test
  void everyTruncationIsRejectedOrStillValid() {
    int valid = 0;
    for (int cut = 0; cut < base.length; cut++) {
      valid += outcome(java.util.Arrays.copyOf(base, cut), "truncated at " + cut);
    }
    // Only the alignment padding after the last referenced byte can go unnoticed.
    assertTrue(valid < 16, valid + " truncations still read as valid");
  }

  @Test
  void randomByteChangesAreRejectedOrStillValid() {
    Random random = new Random(20261123);
    for (int i = 0; i < 3000; i++) {
      byte[] mutant = base.clone();
      int changes = 1 + random.nextInt(4);
      StringBuilder what = new StringBuilder("bytes");
      for (int c = 0; c < changes; c++) {
        int at = random.nextInt(mutant.length);
        mutant[at] = (byte) random.nextInt(256);
        what.append(' ').append(at).append('=').append(mutant[at]);
      }
      outcome(mutant, what.toString());
    }
  }

  @Test
  void hostileIntsAtAlignedPositionsAreRejectedOrStillValid() {
    Random random = new Random(7);
    for (int i = 0; i < 3000; i++) {
      byte[] mutant = base.clone();
      ByteBuffer view = ByteBuffer.wrap(mutant).order(ByteOrder.LITTLE_ENDIAN);
      int at = 4 * random.nextInt(mutant.length / 4);
      int value = random.nextBoolean() ? HOSTILE_INTS[random.nextInt(HOSTILE_INTS.length)]
          : mutant.length - at + random.nextInt(64) - 32;
      view.putInt(at, value);
      outcome(mutant, "int at " + at + " = " + value);
    }
  }

  /** 1 when the mutant reads as a valid model (which must then summarize and round-trip), 0 when rejected. */
  private static int outcome(byte[] mutant, String what) {
    TfliteModel m;
    try {
      m = TfliteReader.read(mutant);
    } catch (ModelFormatException e) {
      return 0;
    } catch (RuntimeException | Error e) {
      fail(what + ": " + e, e);
      return 0;
    }
    try {
      ModelSummary.of(m);
      TfliteModel again = TfliteReader.read(TfliteWriter.write(m));
      assertEquals(m.mainSubgraph().operators().size(), again.mainSubgraph().operators().size(), what);
    } catch (RuntimeException e) {
      fail(what + ": valid mutant failed after reading: " + e, e);
    }
    return 1;
  }
}
