package ai.fovea.models.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  @Test
  void measuresAllThreeAndHonoursTheKnnSubsample() {
    ClassicData train = ClassicData.clusters(500, 6, 3, 11);
    ClassicData test = ClassicData.clusters(120, 6, 3, 12);
    List<String> progress = new ArrayList<>();
    List<BaselineResult> results = Baselines.defaults().knnSubsample(100, 50)
        .svm(LinearSvm.Options.defaults().epochs(3))
        .run(train.rows, train.labels, test.rows, test.labels, 6, 3, ComputePool.serial(), progress::add);
    assertEquals(List.of("k-NN", "naive Bayes", "linear SVM"), results.stream().map(BaselineResult::name).collect(java.util.stream.Collectors.toList()));
    assertEquals(50, results.get(0).testRows());
    assertTrue(results.get(0).description().contains("100 training rows"), results.get(0).description());
    assertEquals(120, results.get(1).testRows());
    for (BaselineResult r : results) {
      assertTrue(r.accuracy() >= 0.95, r.name() + " " + r.accuracy());
    }
    assertEquals(3, progress.size());
  }
}
