package ai.fovea.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.data.Datasets;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `./fovea data`: the real Fashion-MNIST where installed (skipped otherwise), and its user errors. */
class DataCommandTest extends CliTest {
  @TempDir Path dir;

  @Test
  void describesFashionMnistAndWritesTheAugmentationPreview() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(Datasets.DEBIAN_FASHION_MNIST),
        "dataset-fashion-mnist not installed: no " + Datasets.DEBIAN_FASHION_MNIST);
    Path png = dir.resolve("preview.png");
    assertEquals(0, run("data", "fashion-mnist", "--preview", png.toString()), err);
    assertTrue(out.contains("train  60,000 images 28x28x1, per class [6000, 6000, 6000, 6000, 6000, 6000, 6000, "
        + "6000, 6000, 6000]"), out);
    assertTrue(out.contains("test   10,000 images"), out);
    assertTrue(out.contains("normalization fitted on train: mean [0.28604"), out);
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(9 * (28 * 3 + 1) + 1, image.getWidth(), "original + 8 augmentations per row");
    assertEquals(8 * (28 * 3 + 1) + 1, image.getHeight());
  }

  @Test
  void unknownDatasetIsAUsageError() {
    assertEquals(2, run("data", "cifar"));
    assertEquals("fovea data: unknown dataset 'cifar'; known: fashion-mnist, mnist\n", err);
    assertEquals(2, run("data"));
  }
}
