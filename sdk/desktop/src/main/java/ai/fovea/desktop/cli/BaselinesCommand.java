package ai.fovea.desktop.cli;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.models.classic.BaselineResult;
import ai.fovea.models.classic.Baselines;
import ai.fovea.models.classic.LinearSvm;
import ai.fovea.desktop.data.Dataset;
import ai.fovea.desktop.data.DatasetUnavailableException;
import ai.fovea.desktop.data.Datasets;
import ai.fovea.models.data.LabeledImages;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * `./fovea baselines`: the classic classifiers (k-NN, Gaussian naive Bayes, linear SVM) on Fashion-MNIST's
 * 60k/10k split, pixels in [0, 1] as the CNNs see them before normalization: the floor a CNN must beat.
 */
final class BaselinesCommand implements Command {
  @Override
  public String name() {
    return "baselines";
  }

  @Override
  public String summary() {
    return "classic baselines (k-NN, naive Bayes, linear SVM) on Fashion-MNIST";
  }

  @Override
  public String usage() {
    return "Usage: ./fovea baselines [--k N] [--knn-train N] [--knn-test N] [--svm-epochs N] [--threads N]\n\n"
        + "Fits k-nearest-neighbours (L2), Gaussian naive Bayes (variance smoothing 1e-9) and a linear SVM\n"
        + "(multiclass hinge, SGD) on Fashion-MNIST's 60,000 training images and measures accuracy on its 10,000\n"
        + "test images (Debian dataset-fashion-mnist, installed when missing). Raw pixels in [0, 1], 784\n"
        + "features. k-NN compares every test image with every training image; limit it on slow machines.\n\n"
        + "  --k N           neighbours (default 5)\n"
        + "  --knn-train N   k-NN uses the first N training images (default all 60000)\n"
        + "  --knn-test N    k-NN is measured on the first N test images (default all 10000)\n"
        + "  --svm-epochs N  linear SVM epochs (default 10)\n"
        + "  --threads N     threads (default: the cores the JVM sees)\n";
  }

  @Override
  public Set<String> valueOptions() {
    return Set.of("--k", "--knn-train", "--knn-test", "--svm-epochs", "--threads");
  }

  @Override
  public int run(Arguments args, PrintStream out) {
    if (!args.positional().isEmpty()) {
      throw new UsageException("takes no positional arguments (see --help)");
    }
    Baselines baselines = Baselines.defaults().k(args.intOption("--k", 5, 1))
        .knnSubsample(args.intOption("--knn-train", 0, 1), args.intOption("--knn-test", 0, 1))
        .svm(LinearSvm.Options.defaults().epochs(args.intOption("--svm-epochs", 10, 1)));
    int threads = args.intOption("--threads", Runtime.getRuntime().availableProcessors(), 1);
    Dataset data;
    try {
      data = Datasets.fashionMnist();
    } catch (DatasetUnavailableException e) {
      throw new UsageException(e.getMessage());
    }
    LabeledImages train = data.train();
    LabeledImages test = data.test();
    List<BaselineResult> results;
    try (ComputePool pool = new ComputePool(threads)) {
      results = baselines.run(train.copyPixels(), train.copyLabels(), test.copyPixels(), test.copyLabels(),
          train.imageSize(), data.classNames().size(), pool, line -> System.err.println("baselines: " + line));
    }
    out.printf(Locale.ROOT, "Fashion-MNIST, %d threads%n%-12s %9s %10s %9s %11s  %s%n", threads, "baseline",
        "accuracy", "test rows", "fit s", "predict s", "settings");
    for (BaselineResult r : results) {
      out.printf(Locale.ROOT, "%-12s %8.2f%% %10d %9.1f %11.1f  %s%n", r.name(), 100 * r.accuracy(), r.testRows(),
          r.fitSeconds(), r.predictSeconds(), r.description());
    }
    return 0;
  }
}
