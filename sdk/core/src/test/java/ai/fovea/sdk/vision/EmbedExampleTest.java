package ai.fovea.sdk.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.model.InputColor;
import ai.fovea.sdk.model.OutputLayout;
import ai.fovea.sdk.pipeline.FramePipeline;
import ai.fovea.sdk.pipeline.ResultListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Embed the SDK" example, compiled and run here; a test keeps the README's copy identical. */
class EmbedExampleTest {
  private final List<String> shown = new ArrayList<>();
  private final CountDownLatch cameraResult = new CountDownLatch(1);

  private void show(Classification result) {
    shown.add(result.top().label());
    cameraResult.countDown();
  }

  private static void log(RuntimeException error) {
    throw new AssertionError(error);
  }

  private static final class CameraImage {
    boolean closed;

    void close() {
      closed = true;
    }
  }

  void example(String modelPath, int[] pixels, int width, int height, Frame cameraFrame, CameraImage image)
      throws InterruptedException {
    // embed-start
    try (Classifier classifier = Classifier.create(ModelSource.file(modelPath),
        TaskOptions.builder().engine("auto").threads(2).maxResults(3).build())) {
      // One frame, on the calling thread.
      Frame frame = Frame.argb(pixels, width, height).build();
      Classification result = classifier.process(frame);
      for (Category c : result.categories()) {
        System.out.printf("%s %.2f%n", c.label(), c.score());
      }
      System.out.println("engine " + result.engine() + ", " + result.timings());

      // Camera frames: one worker; while it is busy only the newest frame waits.
      try (FramePipeline<Classification> pipeline = FramePipeline.start("classifier", classifier::process,
          new ResultListener<Classification>() {
            @Override
            public void onResult(Frame f, Classification r) {
              show(r); // on the worker thread: hand over to the UI thread here
            }

            @Override
            public void onError(Frame f, RuntimeException e) {
              log(e);
            }
          })) {
        pipeline.submit(cameraFrame, image::close); // the camera gets its image back once it is done
        pipeline.awaitIdle();
      }
    }
    // embed-end
  }

  @Test
  void theExampleRunsOnAGrayModelFile(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("gray.tflite");
    int size = 3;
    Files.write(model, TfliteWriter.write(TestClassifiers.linear(size, 1, 6, TestClassifiers.weights(6, size * size, 1),
        TestClassifiers.descriptor(InputColor.GRAY, OutputLayout.SCORES, 6))));
    int[] pixels = new int[size * size];
    java.util.Arrays.fill(pixels, 0xFF406080);
    CameraImage image = new CameraImage();
    Frame camera = Frame.nv21(new byte[8 * 6 * 3 / 2], 8, 6).rotation(90).build();
    example(model.toString(), pixels, size, size, camera, image);
    assertTrue(cameraResult.await(1, TimeUnit.SECONDS));
    assertEquals(1, shown.size());
    assertTrue(image.closed);
  }

  @Test
  void theReadmeShowsThisCode() throws IOException {
    Path source = Paths.get("src/test/java/ai/fovea/sdk/vision/EmbedExampleTest.java");
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    int start = lines.indexOf("    // embed-start");
    int end = lines.indexOf("    // embed-end");
    String code = lines.subList(start + 1, end).stream().map(l -> l.length() >= 4 ? l.substring(4) : l)
        .collect(Collectors.joining("\n"));
    String readme = new String(Files.readAllBytes(Paths.get("../../README.md")), StandardCharsets.UTF_8);
    assertTrue(readme.contains(code), "README.md's \"Embed the SDK\" section must contain:\n" + code);
  }
}
