package ai.fovea.desktop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.models.quantize.CalibrationSamples;
import ai.fovea.models.quantize.PostTrainingQuantizer;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.zoo.ReferenceNetworks;
import org.junit.jupiter.api.Test;

class SideBySideTest {
  @Test
  void smallNetworkAgreesWithTfliteFloatWithinToleranceAndInt8BitExactly() {
    TfliteModel floatModel = ReferenceNetworks.residualStack(32, new int[] {8, 16}, 1, 10, 5);
    TfliteModel int8Model = PostTrainingQuantizer.builder().build()
        .quantize(floatModel, CalibrationSamples.uniform(floatModel, 2, -1f, 1f, 5));
    try (ComputePool pool = new ComputePool(2)) {
      SideBySide f = SideBySide.measure(floatModel, pool, 1);
      assertEquals(10, f.total);
      assertTrue(f.maxRelError <= 1e-5, "float max rel " + f.maxRelError);
      assertEquals("XNNPACK", f.tfliteEngine);
      assertTrue(f.oursMs > 0 && f.tfliteMs > 0);
      SideBySide q = SideBySide.measure(int8Model, pool, 1);
      assertEquals(q.total, q.identical, "int8 must be bit-exact");
      assertEquals("int8 kernels", q.tfliteEngine);
    }
  }
}
