package ai.fovea.kernels.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InitializerTest {
  /** Conv weights [out 32, 3, 3, in 16]: fan in 144, fan out 288. */
  private static final Shape CONV = Shape.of(32, 3, 3, 16);

  private static double variance(Initializer init) {
    float[] w = init.parameter("w", CONV, new Random(1)).values();
    double sum = 0;
    for (float v : w) {
      sum += (double) v * v;
    }
    return sum / w.length;
  }

  @Test
  void variancesMatchGlorotAndHe() {
    // 4608 draws: the sample variance is within ~5% of the target.
    assertEquals(2.0 / (144 + 288), variance(Initializer.GLOROT_UNIFORM), 0.1 * 2.0 / 432);
    assertEquals(2.0 / (144 + 288), variance(Initializer.GLOROT_NORMAL), 0.1 * 2.0 / 432);
    assertEquals(2.0 / 144, variance(Initializer.HE_UNIFORM), 0.1 * 2.0 / 144);
    assertEquals(2.0 / 144, variance(Initializer.HE_NORMAL), 0.1 * 2.0 / 144);
  }

  @Test
  void uniformStaysWithinItsLimit() {
    double limit = Math.sqrt(6.0 / 144);
    for (float v : Initializer.HE_UNIFORM.parameter("w", CONV, new Random(2)).values()) {
      assertTrue(Math.abs(v) <= limit, "value " + v + " beyond ±" + limit);
    }
  }

  @Test
  void sameSeedSameWeights() {
    Shape fc = Shape.of(10, 20);
    assertArrayEquals(Initializer.GLOROT_NORMAL.parameter("a", fc, new Random(3)).values(),
        Initializer.GLOROT_NORMAL.parameter("b", fc, new Random(3)).values());
  }

  @Test
  void rejectsShapesWithoutKnownFans() {
    assertThrows(IllegalArgumentException.class, () -> Initializer.HE_NORMAL.parameter("w", Shape.of(5), new Random()));
  }
}
