package ai.fovea.kernels.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantizedMultiplierTest {
  @Test
  void decomposesLikeFrexpWithQ31Mantissa() {
    QuantizedMultiplier half = QuantizedMultiplier.of(0.5);
    assertEquals(1 << 30, half.multiplier);
    assertEquals(0, half.shift);
    QuantizedMultiplier three = QuantizedMultiplier.of(3.0);
    assertEquals(3 << 29, three.multiplier);
    assertEquals(2, three.shift);
  }

  @Test
  void renormalizesAMantissaThatRoundsUpTo2Pow31() {
    QuantizedMultiplier m = QuantizedMultiplier.of(Math.nextDown(1.0));
    assertEquals(1 << 30, m.multiplier);
    assertEquals(1, m.shift);
  }

  @Test
  void flushesMultipliersBelow2PowMinus32ToZero() {
    QuantizedMultiplier m = QuantizedMultiplier.of(Math.scalb(1.0, -40));
    assertEquals(0, m.multiplier);
    assertEquals(0, m.shift);
  }

  @Test
  void singleRoundingMatchesExactRationalRoundingHalfUp() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      double real = Math.scalb(0.5 + random.nextDouble() * 0.5, -random.nextInt(20));
      QuantizedMultiplier m = QuantizedMultiplier.of(real);
      int x = random.nextInt(1 << 24) - (1 << 23);
      long exactNumerator = x * (long) m.multiplier;
      int total = 31 - m.shift;
      long expected = Math.floorDiv(exactNumerator + (1L << (total - 1)), 1L << total);
      assertEquals(expected, QuantizedMultiplier.applySingleRounding(x, m.multiplier, m.shift));
    }
  }

  @Test
  void doubleRoundingRoundsHalfAwayFromZeroAtEachStep() {
    assertEquals(2, QuantizedMultiplier.roundingDivideByPot(3, 1)); // 1.5 -> 2
    assertEquals(-2, QuantizedMultiplier.roundingDivideByPot(-3, 1)); // -1.5 -> -2
    assertEquals(-1, QuantizedMultiplier.roundingDivideByPot(-5, 2)); // -1.25 -> -1
    assertEquals(Integer.MAX_VALUE,
        QuantizedMultiplier.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE));
    QuantizedMultiplier m = QuantizedMultiplier.of(0.25);
    assertEquals(25, QuantizedMultiplier.applyDoubleRounding(100, m.multiplier, m.shift));
    assertEquals(-26, QuantizedMultiplier.applyDoubleRounding(-102, m.multiplier, m.shift)); // -25.5 -> -26
  }

  @Test
  void doubleRoundingEqualsGemmlowpsTwoStepsForAnyInput() {
    Random random = new Random(11);
    int[] edges = {0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1, 1 << 30, -(1 << 30)};
    for (int i = 0; i < 200_000; i++) {
      int x = i % 4 == 0 ? edges[random.nextInt(edges.length)] : random.nextInt() >> random.nextInt(32);
      int multiplier = i % 8 == 1 ? edges[random.nextInt(edges.length)] : random.nextInt();
      int shift = random.nextInt(40) - 31;
      int leftShift = Math.max(shift, 0);
      int expected = QuantizedMultiplier.roundingDivideByPot(
          QuantizedMultiplier.saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), Math.max(-shift, 0));
      assertEquals(expected, QuantizedMultiplier.applyDoubleRounding(x, multiplier, shift),
          "x " + x + " multiplier " + multiplier + " shift " + shift);
    }
  }
}
