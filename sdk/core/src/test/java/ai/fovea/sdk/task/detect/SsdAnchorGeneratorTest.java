package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SsdAnchorGeneratorTest {
  private static void assertAnchor(Anchors a, int i, float y, float x, float h, float w) {
    String what = "anchor " + i;
    assertEquals(y, a.yCenter(i), 1e-6f, what + " y");
    assertEquals(x, a.xCenter(i), 1e-6f, what + " x");
    assertEquals(h, a.height(i), 1e-6f, what + " h");
    assertEquals(w, a.width(i), 1e-6f, what + " w");
  }

  @Test
  void blazeFaceShortRangeHas896AnchorsOnTwoGrids() {
    Anchors a = SsdAnchorGenerator.generate(BlazeFace.shortRangeAnchors());
    // Stride 8: 16 x 16 cells x (1 ratio + 1 interpolated) = 512; strides 16, 16, 16 merge: 8 x 8 x 3 x 2 = 384.
    assertEquals(896, a.count());
    // Cell (0, 0) of the 16 x 16 grid, twice; centres (x + 0.5) / 16; fixed size 1 x 1.
    assertAnchor(a, 0, 0.03125f, 0.03125f, 1, 1);
    assertAnchor(a, 1, 0.03125f, 0.03125f, 1, 1);
    assertAnchor(a, 2, 0.03125f, 0.09375f, 1, 1);
    // Row 1 starts after 16 cells x 2 anchors.
    assertAnchor(a, 32, 0.09375f, 0.03125f, 1, 1);
    assertAnchor(a, 511, 0.96875f, 0.96875f, 1, 1);
    // The 8 x 8 grid: six anchors per cell, centres (x + 0.5) / 8.
    assertAnchor(a, 512, 0.0625f, 0.0625f, 1, 1);
    assertAnchor(a, 517, 0.0625f, 0.0625f, 1, 1);
    assertAnchor(a, 518, 0.0625f, 0.1875f, 1, 1);
    assertAnchor(a, 512 + 6 * 8, 0.1875f, 0.0625f, 1, 1);
    assertAnchor(a, 895, 0.9375f, 0.9375f, 1, 1);
  }

  @Test
  void blazeFaceFullRangeHas2304AnchorsOnOneGrid() {
    Anchors a = SsdAnchorGenerator.generate(BlazeFace.fullRangeAnchors());
    // 192 / 4 = 48: 48 x 48 cells, one anchor each (no interpolated anchor), centres (x + 0.5) / 48.
    assertEquals(2304, a.count());
    assertAnchor(a, 0, 0.5f / 48, 0.5f / 48, 1, 1);
    assertAnchor(a, 1, 0.5f / 48, 1.5f / 48, 1, 1);
    assertAnchor(a, 48, 1.5f / 48, 0.5f / 48, 1, 1);
    assertAnchor(a, 2303, 47.5f / 48, 47.5f / 48, 1, 1);
  }

  @Test
  void mediaPipeSsdMobileNetConfigurationGives1917AnchorsWithTheirSizes() {
    // The example in MediaPipe's ssd_anchors_calculator.cc (SSD MobileNet on 300 x 300).
    SsdAnchorOptions options = SsdAnchorOptions.builder().inputSize(300, 300).scales(0.2f, 0.95f)
        .strides(16, 32, 64, 128, 256, 512).aspectRatios(1.0f, 2.0f, 0.5f, 3.0f, 0.3333f).reduceBoxesInLowestLayer(true).build();
    Anchors a = SsdAnchorGenerator.generate(options);
    // Maps ceil(300 / stride) = 19, 10, 5, 3, 2, 1; 3 anchors per cell in the reduced lowest layer, 6 elsewhere.
    assertEquals(19 * 19 * 3 + (100 + 25 + 9 + 4 + 1) * 6, a.count());
    assertEquals(1917, a.count());
    float c0 = 0.5f / 19;
    // Lowest layer: ratio 1 at scale 0.1, then ratios 2 and 0.5 at scale 0.2: h = s / sqrt(r), w = s * sqrt(r).
    assertAnchor(a, 0, c0, c0, 0.1f, 0.1f);
    assertAnchor(a, 1, c0, c0, 0.2f / (float) Math.sqrt(2), 0.2f * (float) Math.sqrt(2));
    assertAnchor(a, 2, c0, c0, 0.2f / (float) Math.sqrt(0.5), 0.2f * (float) Math.sqrt(0.5));
    assertAnchor(a, 3, c0, 1.5f / 19, 0.1f, 0.1f);
    // Layer 1 (10 x 10) starts at 1083: scale 0.2 + 0.75 * 1 / 5 = 0.35; its sixth anchor is the interpolated one,
    // sqrt(0.35 * 0.5) with ratio 1.
    assertAnchor(a, 1083, 0.05f, 0.05f, 0.35f, 0.35f);
    assertAnchor(a, 1084, 0.05f, 0.05f, 0.35f / (float) Math.sqrt(2), 0.35f * (float) Math.sqrt(2));
    assertAnchor(a, 1086, 0.05f, 0.05f, 0.35f / (float) Math.sqrt(3), 0.35f * (float) Math.sqrt(3));
    assertAnchor(a, 1088, 0.05f, 0.05f, (float) Math.sqrt(0.35 * 0.5), (float) Math.sqrt(0.35 * 0.5));
    // Last layer (1 x 1): scale 0.95, interpolated with 1.0.
    assertAnchor(a, 1911, 0.5f, 0.5f, 0.95f, 0.95f);
    assertAnchor(a, 1916, 0.5f, 0.5f, (float) Math.sqrt(0.95), (float) Math.sqrt(0.95));
  }

  @Test
  void explicitFeatureMapsOffsetsAndNoInterpolation() {
    SsdAnchorOptions options = SsdAnchorOptions.builder().inputSize(64, 32).scales(0.3f, 0.3f).strides(8)
        .featureMapSizes(new int[] {4}, new int[] {2}).aspectRatios(4.0f).interpolatedScaleAspectRatio(0).anchorOffset(0, 1).build();
    Anchors a = SsdAnchorGenerator.generate(options);
    assertEquals(8, a.count());
    // One layer: scale (0.3 + 0.3) / 2; ratio 4 gives h = 0.3 / 2, w = 0.3 * 2; centres x / 4, (y + 1) / 2.
    assertAnchor(a, 0, 0.5f, 0, 0.15f, 0.6f);
    assertAnchor(a, 5, 1.0f, 0.25f, 0.15f, 0.6f);
  }

  @Test
  void multiscaleLevelsFollowMediaPipe() {
    // Levels 3 and 4 (strides 8, 16) on 64 x 64: base sizes 4 * 8 = 32 and 4 * 16 = 64, octave scales 1 and sqrt(2),
    // ratios 1 and 2; 64 is a multiple of 8 and 16, so centres sit at half a stride.
    SsdAnchorOptions options = SsdAnchorOptions.builder().inputSize(64, 64).strides(8, 16).aspectRatios(1, 2)
        .multiscale(3, 4, 4, 2, true).build();
    Anchors a = SsdAnchorGenerator.generate(options);
    assertEquals(8 * 8 * 4 + 4 * 4 * 4, a.count());
    float r2 = (float) Math.sqrt(2);
    // Cell (0, 0): ratio 1 at scales 1 and sqrt 2, then ratio 2 (h = s * 32 / sqrt 2, w = s * 32 * sqrt 2), over 64.
    assertAnchor(a, 0, 0.0625f, 0.0625f, 0.5f, 0.5f);
    assertAnchor(a, 1, 0.0625f, 0.0625f, 0.5f * r2, 0.5f * r2);
    assertAnchor(a, 2, 0.0625f, 0.0625f, 0.5f / r2, 0.5f * r2);
    assertAnchor(a, 3, 0.0625f, 0.0625f, 0.5f, 1.0f);
    assertAnchor(a, 4, 0.0625f, 0.1875f, 0.5f, 0.5f);
    // Level 4 starts after 256 anchors: base 64, centre (0 * 16 + 8) / 64.
    assertAnchor(a, 256, 0.125f, 0.125f, 1, 1);
    // In pixels, and on an input that is not a multiple of 2^level: no half-stride offset on that axis.
    Anchors pixels = SsdAnchorGenerator.generate(SsdAnchorOptions.builder().inputSize(60, 64).strides(8).aspectRatios(1)
        .multiscale(3, 3, 4, 1, false).build());
    assertEquals(8 * 8, pixels.count());
    assertAnchor(pixels, 0, 4, 0, 32, 32);
    assertAnchor(pixels, 9, 12, 8, 32, 32);
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorOptions.builder().inputSize(64, 64).strides(8).aspectRatios(1)
        .multiscale(3, 4, 4, 2, true).build());
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorOptions.builder().inputSize(64, 64).strides(8).aspectRatios(1)
        .multiscale(3, 3, 0, 2, true).build());
  }

  @Test
  void rejectsIncompleteOptions() {
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorOptions.builder().scales(0.1f, 0.9f).strides(8).aspectRatios(1).build());
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorOptions.builder().inputSize(8, 8).strides(8).aspectRatios(1).build());
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorOptions.builder().inputSize(8, 8).scales(0.1f, 0.9f).aspectRatios(1).build());
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorOptions.builder().inputSize(8, 8).scales(0.1f, 0.9f).strides(0).aspectRatios(1).build());
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorOptions.builder().inputSize(8, 8).scales(0.1f, 0.9f).strides(8)
        .aspectRatios(-1).build());
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorOptions.builder().inputSize(8, 8).scales(0.1f, 0.9f).strides(8, 16)
        .featureMapSizes(new int[] {1}, new int[] {1}).aspectRatios(1).build());
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorOptions.builder().inputSize(8, 8).scales(0.1f, 0.9f).strides(8)
        .interpolatedScaleAspectRatio(0).build());
    // A million-by-million grid would need 2^40 anchors: refused before allocating.
    SsdAnchorOptions huge = SsdAnchorOptions.builder().inputSize(1 << 20, 1 << 20).scales(0.1f, 0.9f).strides(1).aspectRatios(1).build();
    assertThrows(IllegalArgumentException.class, () -> SsdAnchorGenerator.generate(huge));
  }
}
