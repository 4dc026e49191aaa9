package ai.fovea.desktop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.zoo.NetworkBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelBenchmarkTest {
  @Test
  void timesFloatAndInt8OnBothEnginesAndReportsProgress() {
    NetworkBuilder net = new NetworkBuilder("tiny", 1);
    int x = net.input("input", Shape.of(1, 8, 8, 4));
    BenchCase tiny = new BenchCase("tiny conv", net.output(net.conv(x, 4, 3, 1, Activation.RELU)).build());
    List<String> progress = new ArrayList<>();
    List<BenchRow> rows = new KernelBenchmark(1, 2, progress::add).run(List.of(tiny));
    assertEquals(2, rows.size());
    assertEquals("tiny conv float", rows.get(0).name());
    assertEquals("tiny conv int8", rows.get(1).name());
    for (BenchRow r : rows) {
      assertTrue(r.oursMs() > 0 && r.referenceMs() > 0, r.name());
      assertEquals(r.oursMs() / r.referenceMs(), r.ratio(), 1e-12);
    }
    assertTrue(Double.isNaN(rows.get(0).tfliteInt8Ms()));
    assertTrue(rows.get(1).tfliteInt8Ms() > 0);
    assertEquals(4, progress.size(), progress.toString());
    assertTrue(progress.get(0).startsWith("[1/1] tiny conv"), progress.get(0));
  }

  @Test
  void medianOfEvenCountAveragesTheMiddlePair() {
    assertEquals(2.0, Timing.median(new double[] {3, 1, 2}));
    assertEquals(2.5, Timing.median(new double[] {4, 1, 3, 2}));
  }

  @Test
  void rejectsNonPositiveSettings() {
    assertThrows(IllegalArgumentException.class, () -> new KernelBenchmark(0, 1, null));
    assertThrows(IllegalArgumentException.class, () -> new KernelBenchmark(1, 0, null));
  }

  @Test
  void kernelCasesAreTheAdvertisedShapes() {
    List<String> names = new ArrayList<>();
    BenchCase.kernels().forEach(c -> names.add(c.name()));
    assertEquals(List.of("mobilenet_v1 1.0 224", "conv 3x3 56x56x128->128", "depthwise 3x3 112x112x64",
        "conv 1x1 28x28x256->256", "fc 1024->1000"), names);
  }
}
