package ai.fovea.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Per-channel statistics of small hand-made images, checked against values worked out by hand. */
class NormalizationTest {
  @Test
  void fitsMeanAndPopulationStdPerChannel() {
    // Two 1x2 images with 2 channels: channel 0 holds 0, 0.5, 0.5, 1; channel 1 holds 0.2 four times.
    LabeledImages images = LabeledImages.of(1, 2, 2,
        new float[] {0f, 0.2f, 0.5f, 0.2f, 0.5f, 0.2f, 1f, 0.2f}, new int[] {0, 1});
    Normalization n = Normalization.fit(images);
    assertEquals(2, n.channels());
    assertEquals(0.5f, n.mean()[0], 1e-7f);
    assertEquals((float) Math.sqrt(0.125), n.std()[0], 1e-7f);
    assertEquals(0.2f, n.mean()[1], 1e-7f);
    assertEquals(1f, n.std()[1], "a constant channel is only centred");
  }

  @Test
  void appliesPerChannelInPlaceOnWholePixels() {
    Normalization n = Normalization.of(new float[] {0.5f, 0.1f}, new float[] {0.25f, 2f});
    float[] values = {9f, 0.5f, 0.1f, 1f, 0.3f, 9f};
    n.applyInPlace(values, 1, 4);
    assertArrayEquals(new float[] {9f, 0f, 0f, 2f, 0.1f, 9f}, values, 1e-6f);
    assertThrows(IllegalArgumentException.class, () -> n.applyInPlace(values, 0, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> n.applyInPlace(values, 4, 4));
  }

  @Test
  void scaledStatesTheSameMapInByteUnits() {
    Normalization n = Normalization.of(new float[] {0.25f}, new float[] {0.5f});
    Normalization bytes = n.scaled(255);
    assertArrayEquals(new float[] {63.75f}, bytes.mean());
    assertArrayEquals(new float[] {127.5f}, bytes.std());
    float[] unit = {0.75f};
    float[] byteValue = {0.75f * 255};
    n.applyInPlace(unit, 0, 1);
    bytes.applyInPlace(byteValue, 0, 1);
    assertEquals(unit[0], byteValue[0], 1e-6f);
  }

  @Test
  void rejectsBadStatistics() {
    assertThrows(IllegalArgumentException.class, () -> Normalization.of(new float[] {0f}, new float[] {0f}));
    assertThrows(IllegalArgumentException.class,
        () -> Normalization.of(new float[] {Float.NaN}, new float[] {1f}));
    assertThrows(IllegalArgumentException.class, () -> Normalization.of(new float[] {0f, 0f}, new float[] {1f}));
  }

  @Test
  void copiesSoCallersCannotChangeIt() {
    float[] mean = {0.5f};
    Normalization n = Normalization.of(mean, new float[] {1f});
    mean[0] = 9f;
    n.mean()[0] = 9f;
    assertArrayEquals(new float[] {0.5f}, n.mean());
  }
}
