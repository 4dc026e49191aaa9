package ai.fovea.desktop.demo;

import ai.fovea.desktop.assets.Asset;
import ai.fovea.desktop.assets.AssetUnavailableException;
import ai.fovea.desktop.assets.Assets;
import ai.fovea.desktop.bench.PipelineCase;
import ai.fovea.desktop.data.Dataset;
import ai.fovea.desktop.data.DatasetUnavailableException;
import ai.fovea.desktop.data.Datasets;
import ai.fovea.desktop.image.ImageFiles;
import ai.fovea.desktop.image.PhotoPanSequence;
import ai.fovea.desktop.recognize.DefaultModel;
import ai.fovea.desktop.recognize.DefaultModels;
import ai.fovea.desktop.recognize.ModelUnavailableException;
import ai.fovea.desktop.recognize.RecognitionTask;
import ai.fovea.sdk.frame.Frame;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the demo's inputs come from in this build: the default models of {@link DefaultModels}, real Fashion-MNIST
 * test images from the Debian dataset package, and the published photographs. Each missing piece becomes the
 * reason its part is skipped.
 */
public final class DemoSources {
  private static final Path FASHION_MNIST = Datasets.DEBIAN_FASHION_MNIST;
  private static final int CLASSIFY_SAMPLES = 8;
  /** What each photograph shows, in COCO's words. */
  private static final Map<Asset, String> PHOTO_SHOWS = Map.of(Asset.PHOTO_ASTRONAUT, "person",
      Asset.PHOTO_CHELSEA, "cat", Asset.PHOTO_COFFEE, "cup", Asset.PHOTO_MOTORCYCLE, "motorcycle",
      Asset.PHOTO_CAMERA, "person");
  /** The frame sequence pans across the street scene. */
  private static final Asset SEQUENCE_PHOTO = Asset.PHOTO_MOTORCYCLE;

  private DemoSources() {}

  /** The shipped models the pipeline benchmark measures, with their frames, and what is missing (in words). */
  public record PipelineCases(List<PipelineCase> cases, List<String> missing) {}

  /** Every shipped model of this build with frames like the demo's; a missing model or input is named instead. */
  public static PipelineCases pipelineCases(PrintStream log) throws IOException {
    List<PipelineCase> cases = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    DemoRun.Builder demo = defaults(DemoRun.builder(), 30, log);
    DemoRun run = demo.build();
    if (run.classifier() != null) {
      List<Frame> frames = new ArrayList<>();
      run.classifierPictures().forEach(p -> frames.add(ImageFiles.toFrame(p.image())));
      cases.add(new PipelineCase(RecognitionTask.CLASSIFY, run.classifier(), frames, frames.size()
          + " real Fashion-MNIST test images, 28x28 ARGB frames"));
    } else {
      missing.add("classify: " + run.classifierMissing());
    }
    try {
      DefaultModel digits = DefaultModels.shipped(DefaultModels.MNIST);
      Dataset mnist = Datasets.mnist(Datasets.CACHE, log);
      List<Frame> frames = new ArrayList<>();
      DatasetSamples.firstOfEachClass(mnist.test(), mnist.classNames(), "mnist", 10)
          .forEach(p -> frames.add(ImageFiles.toFrame(p.image())));
      cases.add(new PipelineCase(RecognitionTask.CLASSIFY, digits, frames, frames.size()
          + " real MNIST held-out digits, 28x28 ARGB frames"));
    } catch (ModelUnavailableException | DatasetUnavailableException e) {
      missing.add("mnist: " + e.getMessage());
    }
    if (run.detector() != null && run.sequencePhoto() != null) {
      List<Frame> frames = PhotoPanSequence.of(run.sequencePhoto().image(), 30);
      cases.add(new PipelineCase(RecognitionTask.DETECT, run.detector(), frames, frames.size() + " camera-like "
          + PhotoPanSequence.WIDTH + "x" + PhotoPanSequence.HEIGHT + " YUV_420_888 frames synthesized from the photo "
          + run.sequencePhoto().name() + " (rotations 0/90/270)"));
      try {
        DefaultModel face = DefaultModels.published(DefaultModels.FACE, new Assets(Assets.DEFAULT_CACHE, log));
        List<Frame> photos = new ArrayList<>();
        run.photos().forEach(p -> photos.add(ImageFiles.toFrame(p.image())));
        cases.add(new PipelineCase(RecognitionTask.DETECT, face, photos, photos.size()
            + " real photographs as ARGB frames (" + photos.get(0).width() + "x" + photos.get(0).height() + " and "
            + "others)"));
      } catch (AssetUnavailableException e) {
        missing.add("face detection: " + e.getMessage());
      }
    } else {
      missing.add("detect: " + run.detectorMissing());
    }
    return new PipelineCases(cases, missing);
  }

  /** Installs Debian's Fashion-MNIST when its test files are missing; null when they are there, else why not. */
  private static String installFashionMnist(Path images, Path labels) {
    if (Files.isRegularFile(images) && Files.isRegularFile(labels)) {
      return null;
    }
    try {
      Datasets.fashionMnist();
      return null;
    } catch (DatasetUnavailableException e) {
      return e.getMessage();
    }
  }

  /** Fills {@code demo} with this build's models and pictures; downloads log on {@code log}. */
  public static DemoRun.Builder defaults(DemoRun.Builder demo, int frames, PrintStream log) throws IOException {
    Assets assets = new Assets(Assets.DEFAULT_CACHE, log);
    try {
      DefaultModel classifier = DefaultModels.forTask(RecognitionTask.CLASSIFY, assets);
      Path images = FASHION_MNIST.resolve("t10k-images-idx3-ubyte.gz");
      Path labels = FASHION_MNIST.resolve("t10k-labels-idx1-ubyte.gz");
      String noImages = installFashionMnist(images, labels);
      if (noImages != null) {
        demo.classifierMissing(noImages);
      } else {
        demo.classifier(classifier, DatasetSamples.firstOfEachClass(images, labels, Datasets.FASHION_MNIST_CLASSES,
            "fashion", CLASSIFY_SAMPLES));
      }
    } catch (ModelUnavailableException e) {
      demo.classifierMissing(e.getMessage());
    }
    try {
      DefaultModel detector = DefaultModels.forTask(RecognitionTask.DETECT, assets);
      List<DemoPicture> photos = new ArrayList<>();
      for (Asset photo : Asset.PHOTOS) {
        String name = photo.fileName().substring(0, photo.fileName().lastIndexOf('.'));
        photos.add(new DemoPicture(name, ImageFiles.read(assets.path(photo)), PHOTO_SHOWS.get(photo)));
      }
      DemoPicture street = photos.get(Asset.PHOTOS.indexOf(SEQUENCE_PHOTO));
      demo.detector(detector, photos, new DemoPicture(street.name(), street.image(), null), frames);
    } catch (ModelUnavailableException e) {
      demo.detectorMissing(e.getMessage());
    } catch (AssetUnavailableException e) {
      demo.detectorMissing("the demo photographs are not available: " + e.getMessage());
    }
    return demo;
  }
}
