package ai.fovea.models.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Brightness/contrast, random erasing and the pipeline on hand-made images. */
class PixelAugmentationsTest {
  @Test
  void brightnessAndContrastWorkAroundTheChannelMean() {
    // Channel 0: 0.2, 0.4, 0.6 (mean 0.4); channel 1: 0.5 everywhere.
    ImageBuffer image = ImageBuffer.of(1, 3, 2, 0.2f, 0.5f, 0.4f, 0.5f, 0.6f, 0.5f);
    BrightnessContrast.adjust(image, 0.1f, 2f);
    assertArrayEquals(new float[] {0.1f, 0.6f, 0.5f, 0.6f, 0.9f, 0.6f}, image.pixels(), 1e-6f);
  }

  @Test
  void brightnessAndContrastClampToTheUnitRange() {
    ImageBuffer image = ImageBuffer.of(1, 2, 1, 0f, 1f);
    BrightnessContrast.adjust(image, 0.3f, 3f);
    assertArrayEquals(new float[] {0f, 1f}, image.pixels());
  }

  @Test
  void randomBrightnessShiftsEveryValueByOneDrawnAmount() {
    for (int seed = 0; seed < 20; seed++) {
      ImageBuffer image = ImageBuffer.of(2, 2, 1, 0.3f, 0.4f, 0.5f, 0.6f);
      BrightnessContrast.of(0.1f, 0f).apply(image, new Random(seed));
      float delta = image.pixels()[0] - 0.3f;
      assertTrue(Math.abs(delta) <= 0.1f + 1e-6f, "delta " + delta);
      assertArrayEquals(new float[] {0.3f + delta, 0.4f + delta, 0.5f + delta, 0.6f + delta}, image.pixels(), 1e-6f);
    }
  }

  @Test
  void erasingOverwritesOneRectangleOfTheDrawnArea() {
    // Area exactly a quarter of 8x8 and a square aspect: a 4x4 rectangle, 16 pixels x 2 channels set to 0.
    RandomErasing erasing = RandomErasing.builder().area(0.25, 0.25).aspect(1).fill(0f).build();
    for (int seed = 0; seed < 20; seed++) {
      ImageBuffer image = new ImageBuffer(8, 8, 2);
      Arrays.fill(image.pixels(), 0.5f);
      erasing.apply(image, new Random(seed));
      int erased = 0;
      int minY = 8;
      int maxY = -1;
      int minX = 8;
      int maxX = -1;
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          for (int c = 0; c < 2; c++) {
            if (image.get(y, x, c) == 0f) {
              erased++;
              minY = Math.min(minY, y);
              maxY = Math.max(maxY, y);
              minX = Math.min(minX, x);
              maxX = Math.max(maxX, x);
            } else {
              assertEquals(0.5f, image.get(y, x, c));
            }
          }
        }
      }
      assertEquals(32, erased);
      assertEquals(4, maxY - minY + 1);
      assertEquals(4, maxX - minX + 1);
    }
  }

  @Test
  void erasingWithRandomFillStaysInTheUnitRangeAndCoversTheAreaRange() {
    RandomErasing erasing = RandomErasing.builder().area(0.1, 0.3).build();
    for (int seed = 0; seed < 50; seed++) {
      ImageBuffer image = new ImageBuffer(20, 20, 1);
      Arrays.fill(image.pixels(), 2f); // outside [0, 1], so erased values are told apart
      erasing.apply(image, new Random(seed));
      int erased = 0;
      for (float v : image.pixels()) {
        if (v != 2f) {
          assertTrue(v >= 0f && v < 1f, "fill " + v);
          erased++;
        }
      }
      // Rounding each side to whole pixels moves the area by at most about a side's length.
      assertTrue(erased >= 0.1 * 400 - 20 && erased <= 0.3 * 400 + 20, erased + " pixels erased");
    }
  }

  @Test
  void erasingGivesUpLeavingTheImageUnchangedWhenNoRectangleFits() {
    ImageBuffer strip = ImageBuffer.of(1, 10, 1, new float[10]);
    Arrays.fill(strip.pixels(), 0.5f);
    RandomErasing.builder().area(1, 1).aspect(1).fill(0f).build().apply(strip, new Random(1));
    float[] expected = new float[10];
    Arrays.fill(expected, 0.5f);
    assertArrayEquals(expected, strip.pixels());
  }

  @Test
  void pipelineAppliesStepsWithTheirProbabilities() {
    Augmentation addOne = (image, random) -> image.pixels()[0] += 1;
    Augmentation addTen = (image, random) -> image.pixels()[0] += 10;
    AugmentationPipeline pipeline = AugmentationPipeline.builder().add(addOne).add(addTen, 0.25).build();
    int withTen = 0;
    for (int seed = 0; seed < 2000; seed++) {
      ImageBuffer image = new ImageBuffer(1, 1, 1);
      pipeline.apply(image, new Random(seed));
      float v = image.pixels()[0];
      assertTrue(v == 1f || v == 11f, "value " + v);
      withTen += v == 11f ? 1 : 0;
    }
    assertTrue(withTen > 400 && withTen < 600, withTen + " of 2000 took the 25 % step");
    AugmentationPipeline never = AugmentationPipeline.builder().add(addTen, 0).build();
    ImageBuffer image = new ImageBuffer(1, 1, 1);
    never.apply(image, new Random(0));
    assertEquals(0f, image.pixels()[0]);
  }

  @Test
  void fullPipelineIsDeterministicForASeed() {
    AugmentationPipeline pipeline = AugmentationPipeline.builder()
        .add(AffineWarp.of(Geometry.flipHorizontal(0.5), Geometry.rotation(10), Geometry.shift(1, 1)))
        .add(BrightnessContrast.of(0.2f, 0.2f), 0.8)
        .add(RandomErasing.builder().build(), 0.5)
        .build();
    float[] source = new float[12 * 12 * 3];
    for (int i = 0; i < source.length; i++) {
      source[i] = (i * 37 % 101) / 100f;
    }
    float[][] outputs = new float[3][];
    long[] seeds = {5, 5, 6};
    for (int k = 0; k < 3; k++) {
      ImageBuffer image = ImageBuffer.of(12, 12, 3, source);
      pipeline.apply(image, new Random(seeds[k]));
      outputs[k] = image.copyPixels();
    }
    assertArrayEquals(outputs[0], outputs[1]);
    assertFalse(Arrays.equals(outputs[0], outputs[2]));
  }

  @Test
  void rejectsBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> BrightnessContrast.of(-0.1f, 0f));
    assertThrows(IllegalArgumentException.class, () -> RandomErasing.builder().area(0, 0.5));
    assertThrows(IllegalArgumentException.class, () -> RandomErasing.builder().aspect(2));
    assertThrows(IllegalArgumentException.class, () -> RandomErasing.builder().fill(1.5f));
    assertThrows(IllegalArgumentException.class, () -> AugmentationPipeline.builder().add(null));
    assertThrows(IllegalArgumentException.class,
        () -> AugmentationPipeline.builder().add((image, random) -> { }, 1.1));
    assertThrows(IllegalArgumentException.class, () -> ImageBuffer.of(2, 2, 1, 1f, 2f));
  }
}
