package ai.fovea.kernels.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import org.junit.jupiter.api.Test;

class QuantizedHardSwishTest {
  private static Tensor tensor(DataType type, float scale, int zeroPoint) {
    return Tensor.allocate("t", type, Shape.of(1), Quantization.perTensor(scale, zeroPoint));
  }

  @Test
  void followsTheSixteenBitStepsOnHandComputedValues() {
    // Input scale 3/256 makes the reluish multiplier exactly 1 (Q15 0.5, exponent 1); output scale 3/2048 makes
    // the output multiplier 1/16 (Q15 0.5, exponent -3). 10 -> hires 1280, x·relu6(x+3)/6 at 332 before the
    // final shift -> 41.5, rounded up; -20 -> -590 -> -73.75 -> -74 (floor plus no round-up).
    QuantizedHardSwish rule =
        QuantizedHardSwish.of(tensor(DataType.INT8, 3f / 256, 0), tensor(DataType.INT8, 3f / 2048, 0));
    assertEquals(42, rule.apply(10));
    assertEquals(-74, rule.apply(-20));
    assertEquals(0, rule.apply(0));
  }

  @Test
  void staysWithinOneStepOfTheRealFunctionOnEveryByte() {
    float[][] scales = {{0.004f, 0.003f}, {0.05f, 0.04f}, {0.1f, 0.1f}, {0.02f, 0.05f}};
    for (DataType type : new DataType[] {DataType.INT8, DataType.UINT8}) {
      int offset = type == DataType.UINT8 ? 128 : 0;
      int min = type == DataType.UINT8 ? 0 : -128;
      int max = type == DataType.UINT8 ? 255 : 127;
      for (float[] s : scales) {
        Tensor in = tensor(type, s[0], offset + 7);
        Tensor out = tensor(type, s[1], offset - 9);
        QuantizedHardSwish rule = QuantizedHardSwish.of(in, out);
        for (int q = min; q <= max; q++) {
          double x = s[0] * (q - offset - 7.0);
          double ideal = x * Math.min(6, Math.max(0, x + 3)) / 6 / s[1] + offset - 9;
          double clamped = Math.max(min, Math.min(max, ideal));
          assertTrue(Math.abs(rule.apply(q) - clamped) <= 1, type + " " + s[0] + "->" + s[1] + " at " + q + ": "
              + rule.apply(q) + " vs " + clamped);
        }
      }
    }
  }

  @Test
  void rejectsOutputScalesThatWouldNeedALeftShiftLikeTflite() {
    OpPrepareException e = assertThrows(OpPrepareException.class,
        () -> QuantizedHardSwish.of(tensor(DataType.INT8, 0.1f, 0), tensor(DataType.INT8, 0.0001f, 0)));
    assertTrue(e.getMessage().startsWith("HARD_SWISH: output scale 1.0E-4"), e.getMessage());
  }

  @Test
  void sixteenBitHelpersKeepGemmlowpsEdges() {
    assertEquals(2, QuantizedHardSwish.roundingDoublingHighMul((short) 3, (short) 16384));
    assertEquals(1, QuantizedHardSwish.doublingHighMul((short) 3, (short) 16384));
    assertEquals(Short.MAX_VALUE, QuantizedHardSwish.doublingHighMul(Short.MIN_VALUE, Short.MIN_VALUE));
    assertEquals(3, QuantizedHardSwish.roundingDivideByPot((short) 5, 1));
    assertEquals(-3, QuantizedHardSwish.roundingDivideByPot((short) -5, 1));
    // From 16 on, gemmlowp's 16-bit mask is all ones: non-negative values come out as 1, negative ones as -1.
    assertEquals(1, QuantizedHardSwish.roundingDivideByPot((short) 0, 16));
    assertEquals(-1, QuantizedHardSwish.roundingDivideByPot((short) -7, 20));
    assertEquals(Short.MAX_VALUE, QuantizedHardSwish.saturatingLeftShift((short) 20000, 1));
    assertEquals(Short.MAX_VALUE, QuantizedHardSwish.toQ15(Integer.MAX_VALUE));
    assertEquals(16384, QuantizedHardSwish.toQ15(1 << 30));
  }
}
