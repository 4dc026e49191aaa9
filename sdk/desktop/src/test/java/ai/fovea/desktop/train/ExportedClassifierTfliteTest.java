package ai.fovea.desktop.train;

import ai.fovea.models.data.LabeledImages;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.desktop.tflite.TfliteInterpreter;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import ai.fovea.models.tflite.TfliteWriter;
import ai.fovea.models.train.Architecture;
import ai.fovea.models.train.ClassifierExport;
import ai.fovea.models.train.Trainer;
import ai.fovea.models.train.TrainingConfig;
import ai.fovea.models.train.TrainingResult;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of the trainer's export: for every architecture, a briefly trained network's float and int8
 * .tflite files load in the real TFLite 2.6.2 interpreter; int8 outputs are bit-exact with our graph runner's
 * and float outputs agree within 1e-4.
 */
class ExportedClassifierTfliteTest {
  private static final int SIZE = 12;
  private static final int CLASSES = 3;
  private static final LabeledImages IMAGES = randomImages(96, 4);

  private static LabeledImages randomImages(int count, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[count * SIZE * SIZE];
    int[] labels = new int[count];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    for (int i = 0; i < count; i++) {
      labels[i] = random.nextInt(CLASSES);
    }
    return LabeledImages.of(SIZE, SIZE, 1, pixels, labels);
  }

  @Test
  void everyArchitectureExportsToModelsTfliteRunsLikeOurRunner() {
    ClassifierExport export = new ClassifierExport("noise", "1", List.of("a", "b", "c"), null);
    for (Architecture architecture : Architecture.values()) {
      TrainingResult result = Trainer.builder(TrainingConfig.builder().epochs(1).batchSize(16).seed(3).build())
          .build().train(architecture.build(SIZE, SIZE, 1, CLASSES,
              architecture == Architecture.LENET5 ? 1f : 0.5f, 1), IMAGES, IMAGES.range(0, 16));
      TfliteModel floatModel = export.floatModel(result.network(), result.normalization());
      TfliteModel int8Model = ClassifierExport.int8Model(floatModel, IMAGES, result.normalization(), 32, 1);
      byte[] floatFile = TfliteWriter.write(floatModel);
      byte[] int8File = TfliteWriter.write(int8Model);
      try (TfliteInterpreter tfliteFloat = TfliteInterpreter.builder(floatFile).build();
          TfliteInterpreter tfliteInt8 = TfliteInterpreter.builder(int8File).build();
          GraphRunner oursFloat = GraphRunner.builder(TfliteReader.read(floatFile)).build();
          GraphRunner oursInt8 = GraphRunner.builder(TfliteReader.read(int8File)).build()) {
        Quantization inputQ = oursInt8.input(0).quantization();
        for (int i = 0; i < 8; i++) {
          float[] pixels = new float[SIZE * SIZE];
          IMAGES.copyImage(40 + i, pixels, 0);
          result.normalization().applyInPlace(pixels, 0, pixels.length);
          Tensor floatInput = Tensor.ofFloats("image", Shape.of(1, SIZE, SIZE, 1), pixels);
          System.arraycopy(pixels, 0, oursFloat.input(0).floats(), 0, pixels.length);
          oursFloat.run();
          tfliteFloat.run(floatInput);
          float[] expected = Arrays.copyOf(tfliteFloat.output(0).floats(), CLASSES);
          float[] actual = Arrays.copyOf(oursFloat.output(0).floats(), CLASSES);
          for (int c = 0; c < CLASSES; c++) {
            assertEquals(expected[c], actual[c], 1e-4f * Math.max(1f, Math.abs(expected[c])),
                architecture + " float class " + c);
          }

          byte[] quantized = new byte[pixels.length];
          for (int p = 0; p < pixels.length; p++) {
            long q = Math.round(pixels[p] / inputQ.scale()) + inputQ.zeroPoint();
            quantized[p] = (byte) Math.max(-128, Math.min(127, q));
          }
          System.arraycopy(quantized, 0, oursInt8.input(0).bytes(), 0, quantized.length);
          oursInt8.run();
          tfliteInt8.run(Tensor.ofBytes("image", DataType.INT8, Shape.of(1, SIZE, SIZE, 1), inputQ, quantized));
          assertArrayEquals(Arrays.copyOf(tfliteInt8.output(0).bytes(), CLASSES),
              Arrays.copyOf(oursInt8.output(0).bytes(), CLASSES), architecture + " int8 image " + i);
        }
        assertTrue(int8Model.metadata(ClassifierExport.MODEL_METADATA).length > 0, "metadata kept by the quantizer");
      }
    }
  }
}
