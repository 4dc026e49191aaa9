package ai.fovea.desktop.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static Tensor[] floats(float... values) {
    return new Tensor[] {Tensor.ofFloats("t", Shape.of(values.length), values)};
  }

  private static Tensor[] int8(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) values[i];
    }
    return new Tensor[] {Tensor.ofBytes("t", DataType.INT8, Shape.of(b.length), Quantization.perTensor(1f, 0), b)};
  }

  @Test
  void judgesFloatsRelativeToTheValueOrToTheOutputsRmsNearZero() {
    Tensor[] expected = floats(100f, 1e-6f, -50f);
    // 1e-6 -> 5e-6 is 4x off, but tiny against the output's RMS (~65): a cancellation, not a wrong kernel.
    Comparison close = Comparison.of(expected, floats(100.0005f, 5e-6f, -50f), Tolerance.float32());
    assertTrue(close.withinTolerance(), close.toString());
    assertEquals(2, close.differing());
    assertEquals(3, close.compared());
    Comparison far = Comparison.of(expected, floats(100.01f, 1e-6f, -50f), Tolerance.float32());
    assertFalse(far.withinTolerance());
    assertEquals(1e-4, far.maxRelError(), 1e-6);
    assertEquals(0.01, far.maxAbsError(), 1e-5);
  }

  @Test
  void exactToleranceAcceptsOnlyIdenticalFloats() {
    assertTrue(Comparison.of(floats(1f, -0f), floats(1f, 0f), Tolerance.exact()).withinTolerance());
    assertFalse(Comparison.of(floats(1f), floats(Math.nextUp(1f)), Tolerance.exact()).withinTolerance());
    assertEquals("bit-exact", Comparison.of(floats(1f, 2f), floats(1f, 2f), Tolerance.exact()).toString());
  }

  @Test
  void judgesIntegersByTheirLargestDifference() {
    Comparison oneOff = Comparison.of(int8(5, -7, 127), int8(6, -7, 126), Tolerance.exact());
    assertFalse(oneOff.withinTolerance());
    assertEquals(1, oneOff.maxLsb());
    assertEquals("2/3 differ, by up to 1 lsb", oneOff.toString());
    assertTrue(Comparison.of(int8(5, -7, 127), int8(6, -7, 126), Tolerance.lsb(1)).withinTolerance());
    assertFalse(Comparison.of(int8(5), int8(7), Tolerance.lsb(1)).withinTolerance());
  }

  @Test
  void agreesOnMatchingInfinitiesAndNaNsButFailsANaNAgainstANumber() {
    float inf = Float.POSITIVE_INFINITY;
    assertTrue(Comparison.of(floats(inf, Float.NaN), floats(inf, Float.NaN), Tolerance.float32()).withinTolerance());
    Comparison nan = Comparison.of(floats(1f, 2f), floats(1f, Float.NaN), Tolerance.float32());
    assertFalse(nan.withinTolerance());
    assertEquals("output 0 element 1 is NaN, TFLite 2.0", nan.mismatch());
    assertFalse(Comparison.of(floats(inf), floats(3e38f), Tolerance.relative(1)).withinTolerance());
  }

  @Test
  void failsWithAReasonWhenOutputsDoNotLineUp() {
    assertEquals("output 0 has shape [2], TFLite [3]",
        Comparison.of(floats(1, 2, 3), floats(1, 2), Tolerance.float32()).mismatch());
    assertEquals("output 0 is INT8, TFLite FLOAT32",
        Comparison.of(floats(1), int8(1), Tolerance.float32()).mismatch());
    assertEquals("2 outputs, TFLite has 1",
        Comparison.of(floats(1), new Tensor[] {floats(1)[0], floats(1)[0]}, Tolerance.float32()).mismatch());
  }
}
