package ai.fovea.models.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModelSummaryTest {
  @Test
  void countsConvolutionMacsAndConstantParameters() {
    ModelSummary s = ModelSummary.of(TfliteReader.read(TfliteRoundTripTest.int8ConvModel()));
    // output 1x3x3x3 = 27 values, each 3x3x2 = 18 MACs
    assertEquals(27 * 18, s.totalMacs());
    assertEquals(54 + 3, s.parameters());
    assertTrue(s.toText().contains("CONV_2D"), s.toText());
  }
}
