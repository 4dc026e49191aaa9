package ai.fovea.desktop.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  private final BenchReport report = new BenchReport(MachineInfo.current(), 2, 10, List.of(
      new BenchRow("conv \"a\" float", 20, 10, Double.NaN), new BenchRow("conv \"a\" int8", 5, 10, 100)));

  @Test
  void jsonRowsCarryTheAgreedKeysAndTheMachine() {
    String json = report.toJson();
    assertTrue(json.contains("{\"case\": \"conv \\\"a\\\" float\", \"ours_ms\": 20.000, \"reference\": "
        + "\"tflite-2.6.2-xnnpack-float\", \"reference_ms\": 10.000, \"ratio\": 2.000, \"tflite_int8_ms\": null"), json);
    assertTrue(json.contains("\"ratio\": 0.500, \"tflite_int8_ms\": 100.000"), json);
    assertTrue(json.contains("\"machine\": {\"cpu\": \"") && json.contains("\"cores\": "), json);
    assertTrue(json.contains("\"threads\": 2"), json);
  }

  @Test
  void tableHasOneLinePerRowWithTheRatio() {
    String table = report.toTable();
    assertTrue(table.contains("2.00x") && table.contains("0.50x"), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("conv \"a\" float") && l.trim().endsWith("-")), table);
  }
}
