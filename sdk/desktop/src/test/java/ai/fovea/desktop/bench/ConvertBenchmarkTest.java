package ai.fovea.desktop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConvertBenchmarkTest {
  @Test
  void timesEveryRotationForBothOutputTypesAndTheFloor() {
    List<ConvertBenchmark.Row> rows = new ConvertBenchmark(1, 1).run();
    assertEquals(10, rows.size());
    for (ConvertBenchmark.Row r : rows) {
      assertTrue(r.medianMs > 0, r.name);
    }
    String table = ConvertBenchmark.toTable(rows, 1, MachineInfo.current());
    assertTrue(table.contains("goal: int8 <= 2.0 ms") && table.contains("int8  rot 270") && table.contains("float rot 90"), table);
  }

  @Test
  void rejectsNonPositiveSettings() {
    assertThrows(IllegalArgumentException.class, () -> new ConvertBenchmark(0, 5));
    assertThrows(IllegalArgumentException.class, () -> new ConvertBenchmark(2, 0));
  }
}
