package ai.fovea.desktop.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionHeatmapTest {
  @Test
  void shadesTheDiagonalGreenAndErrorsRed() {
    int[][] counts = {{9, 1}, {0, 10}};
    BufferedImage image = ConfusionHeatmap.render(counts, List.of("cat", "dog"));
    assertEquals(ConfusionHeatmap.width(2), image.getWidth());
    // Sample each cell near its top-left corner, away from the count text.
    int diagonal = image.getRGB(ConfusionHeatmap.LABEL_MARGIN + 3, ConfusionHeatmap.TOP_MARGIN + 3);
    int error = image.getRGB(ConfusionHeatmap.LABEL_MARGIN + ConfusionHeatmap.CELL + 3, ConfusionHeatmap.TOP_MARGIN + 3);
    int empty = image.getRGB(ConfusionHeatmap.LABEL_MARGIN + 3, ConfusionHeatmap.TOP_MARGIN + ConfusionHeatmap.CELL + 3);
    assertEquals(true, ((diagonal >> 8) & 0xFF) > ((diagonal >> 16) & 0xFF), "diagonal is green");
    assertEquals(true, ((error >> 16) & 0xFF) > ((error >> 8) & 0xFF), "an error cell is red");
    assertEquals(0xFFFFFF, empty & 0xFFFFFF, "a zero cell off the diagonal is white");
    assertNotEquals(diagonal, error);
  }

  @Test
  void rejectsMismatchedNamesAndRaggedMatrices() {
    assertThrows(IllegalArgumentException.class, () -> ConfusionHeatmap.render(new int[][] {{1}}, List.of("a", "b")));
    assertThrows(IllegalArgumentException.class,
        () -> ConfusionHeatmap.render(new int[][] {{1, 2}, {3}}, List.of("a", "b")));
  }
}
