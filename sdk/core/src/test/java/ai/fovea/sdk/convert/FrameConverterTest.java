package ai.fovea.sdk.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.frame.Frame;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameConverterTest {
  private static final int[] ROTATIONS = {0, 90, 180, 270};

  private static Tensor tensor(DataType type, int height, int width, Random random) {
    return tensor(type, height, width, 3, random);
  }

  private static Tensor tensor(DataType type, int height, int width, int channels, Random random) {
    Shape shape = Shape.of(1, height, width, channels);
    if (type == DataType.FLOAT32) {
      return Tensor.allocate("input", type, shape);
    }
    Quantization q = Quantization.perTensor(0.5f + random.nextFloat() * 1.5f, type == DataType.INT8 ? -20 + random.nextInt(40) : random.nextInt(60));
    return Tensor.allocate("input", type, shape, q);
  }

  private static ConversionOptions randomOptions(Frame frame, ScaleMode mode, Interpolation interpolation, Random random) {
    ConversionOptions.Builder b = ConversionOptions.builder().scaleMode(mode).interpolation(interpolation)
        .padValue(random.nextInt(256))
        .normalization(new float[] {random.nextFloat() * 128, random.nextFloat() * 128, random.nextFloat() * 128},
            new float[] {0.5f + random.nextFloat() * 2, 0.5f + random.nextFloat() * 2, 0.5f + random.nextFloat() * 2});
    if (random.nextBoolean()) {
      int w = 1 + random.nextInt(frame.uprightWidth());
      int h = 1 + random.nextInt(frame.uprightHeight());
      b.region(Region.of(random.nextInt(frame.uprightWidth() - w + 1), random.nextInt(frame.uprightHeight() - h + 1), w, h));
    }
    return b.build();
  }

  @Test
  void matchesReferenceForEveryLayoutRotationMirrorModeAndType() {
    Random random = new Random(601);
    int cases = 0;
    for (RandomFrames layout : RandomFrames.values()) {
      for (int rotation : ROTATIONS) {
        for (boolean mirrored : new boolean[] {false, true}) {
          for (ScaleMode mode : ScaleMode.values()) {
            for (Interpolation interpolation : Interpolation.values()) {
              for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
                Frame frame = layout.create(3 + random.nextInt(40), 3 + random.nextInt(40), rotation, mirrored, random);
                ConversionOptions options = randomOptions(frame, mode, interpolation, random);
                Tensor actual = tensor(type, 1 + random.nextInt(24), 1 + random.nextInt(24), random);
                Tensor expected = Tensor.allocate("expected", type, actual.shape(), actual.quantization());
                FrameConverter converter = new FrameConverter(options);
                converter.prepare(frame, actual);
                converter.run(frame, actual);
                ReferenceConversion.convert(frame, options, expected);
                assertClose(expected, actual, frame + " " + mode + " " + interpolation + " region " + options.region());
                cases++;
              }
            }
          }
        }
      }
    }
    assertEquals(RandomFrames.values().length * 4 * 2 * 3 * 2 * 3, cases);
  }

  @Test
  void matchesReferenceForGrayOutputs() {
    Random random = new Random(1601);
    for (RandomFrames layout : RandomFrames.values()) {
      for (int rotation : ROTATIONS) {
        for (ScaleMode mode : ScaleMode.values()) {
          for (DataType type : new DataType[] {DataType.FLOAT32, DataType.INT8, DataType.UINT8}) {
            Frame frame = layout.create(3 + random.nextInt(40), 3 + random.nextInt(40), rotation, random.nextBoolean(),
                random);
            Interpolation interpolation = Interpolation.values()[random.nextInt(Interpolation.values().length)];
            ConversionOptions options = randomOptions(frame, mode, interpolation, random);
            Tensor actual = tensor(type, 1 + random.nextInt(24), 1 + random.nextInt(24), 1, random);
            Tensor expected = Tensor.allocate("expected", type, actual.shape(), actual.quantization());
            FrameConverter converter = new FrameConverter(options);
            converter.prepare(frame, actual);
            converter.run(frame, actual);
            ReferenceConversion.convert(frame, options, expected);
            assertClose(expected, actual, "gray " + frame + " " + mode + " " + interpolation + " " + options.region());
          }
        }
      }
    }
  }

  @Test
  void grayOfAGreyPixelIsItsValueAndOfPureColoursTheirLumaWeight() {
    int[] argb = {0xFF808080, 0xFFFF0000, 0xFF00FF00, 0xFF0000FF};
    Frame frame = Frame.argb(argb, 4, 1).build();
    Tensor out = Tensor.allocate("gray", DataType.FLOAT32, Shape.of(1, 1, 4, 1));
    FrameConverter converter = new FrameConverter(ConversionOptions.builder().scaleMode(ScaleMode.STRETCH).build());
    converter.prepare(frame, out);
    converter.run(frame, out);
    assertArrayEquals(new float[] {128, 0.299f * 255, 0.587f * 255, 0.114f * 255}, out.floats(), 1e-3f);
  }

  /** Float within 1e-4 of the value's magnitude (at least 1); 8-bit within 1 step, since both round float maths. */
  private static void assertClose(Tensor expected, Tensor actual, String what) {
    if (expected.dataType() == DataType.FLOAT32) {
      float[] e = expected.floats();
      float[] a = actual.floats();
      for (int i = 0; i < e.length; i++) {
        float tolerance = 1e-4f * Math.max(1, Math.abs(e[i]));
        assertTrue(Math.abs(e[i] - a[i]) <= tolerance, what + ": element " + i + " is " + a[i] + ", expected " + e[i]);
      }
    } else {
      byte[] e = expected.bytes();
      byte[] a = actual.bytes();
      for (int i = 0; i < e.length; i++) {
        assertTrue(Math.abs(e[i] - a[i]) <= 1, what + ": element " + i + " is " + a[i] + ", expected " + e[i]);
      }
    }
  }

  @Test
  void convertsColourAndOrientationExactlyAtTheFrameSize() {
    Random random = new Random(17);
    Tensor unit = null;
    for (RandomFrames layout : RandomFrames.values()) {
      for (int rotation : ROTATIONS) {
        for (boolean mirrored : new boolean[] {false, true}) {
          Frame frame = layout.create(1 + random.nextInt(30), 1 + random.nextInt(30), rotation, mirrored, random);
          Shape shape = Shape.of(1, frame.uprightHeight(), frame.uprightWidth(), 3);
          unit = Tensor.allocate("input", DataType.UINT8, shape, Quantization.perTensor(1, 0));
          ConversionOptions options = ConversionOptions.builder().scaleMode(ScaleMode.STRETCH).build();
          FrameConverter converter = new FrameConverter(options);
          converter.prepare(frame, unit);
          converter.run(frame, unit);
          Tensor expected = Tensor.allocate("expected", DataType.UINT8, shape, unit.quantization());
          ReferenceConversion.convert(frame, options, expected);
          assertArrayEquals(expected.bytes(), unit.bytes(), frame.toString());
        }
      }
    }
  }

  @Test
  void averagesWholeBlocksExactlyForIntegerDownscales() {
    Random random = new Random(5);
    for (int rotation : ROTATIONS) {
      Frame frame = RandomFrames.YUV_SEMI_PLANAR.create(24, 12, rotation, rotation == 90, random);
      Tensor out = Tensor.allocate("input", DataType.FLOAT32, Shape.of(1, frame.uprightHeight() / 3, frame.uprightWidth() / 3, 3));
      FrameConverter converter = new FrameConverter(ConversionOptions.builder().interpolation(Interpolation.AREA).build());
      converter.prepare(frame, out);
      converter.run(frame, out);
      int[][][] image = ReferenceConversion.upright(ReferenceConversion.rgb(frame), rotation, frame.isMirrored());
      for (int y = 0; y < frame.uprightHeight() / 3; y++) {
        for (int x = 0; x < frame.uprightWidth() / 3; x++) {
          int sum = 0;
          for (int k = 0; k < 9; k++) {
            sum += image[3 * y + k / 3][3 * x + k % 3][1];
          }
          assertEquals(sum / 9f, out.floats()[(y * (frame.uprightWidth() / 3) + x) * 3 + 1], 1e-4f);
        }
      }
    }
  }

  @Test
  void letterboxPadsOutsideTheImageWithThePaddingValue() {
    Frame frame = RandomFrames.ARGB_PADDED.create(40, 10, 0, false, new Random(3));
    Tensor out = Tensor.allocate("input", DataType.INT8, Shape.of(1, 16, 16, 3), Quantization.perTensor(1, -128));
    FrameConverter converter = new FrameConverter(ConversionOptions.builder().padValue(114).build());
    converter.prepare(frame, out);
    converter.run(frame, out);
    assertEquals(Region.of(0, 6, 16, 4), converter.transform().content());
    for (int i = 0; i < 6 * 16 * 3; i++) {
      assertEquals(114 - 128, out.bytes()[i]);
      assertEquals(114 - 128, out.bytes()[out.size() - 1 - i]);
    }
  }

  @Test
  void splitsRowsOverThreadsWithTheSameResult() {
    Random random = new Random(9);
    Frame frame = RandomFrames.YUV_SEMI_PLANAR.create(97, 61, 90, true, random);
    ConversionOptions options = ConversionOptions.builder().normalization(127.5f, 127.5f).build();
    Tensor serial = Tensor.allocate("a", DataType.FLOAT32, Shape.of(1, 33, 29, 3));
    Tensor parallel = Tensor.allocate("b", DataType.FLOAT32, Shape.of(1, 33, 29, 3));
    FrameConverter one = new FrameConverter(options);
    one.prepare(frame, serial);
    one.run(frame, serial);
    try (ComputePool pool = new ComputePool(3)) {
      FrameConverter many = new FrameConverter(options, pool);
      many.prepare(frame, parallel);
      many.run(frame, parallel);
    }
    assertArrayEquals(serial.floats(), parallel.floats());
  }

  @Test
  void runAllocatesNothing() {
    Random random = new Random(11);
    Frame frame = RandomFrames.YUV_DIRECT.create(320, 240, 270, false, random);
    Tensor out = Tensor.allocate("input", DataType.INT8, Shape.of(1, 64, 64, 3), Quantization.perTensor(0.02f, 3));
    FrameConverter converter = new FrameConverter(ConversionOptions.defaults());
    converter.prepare(frame, out);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // Until C2 compiles run(), interpreted or C1 code may allocate temporaries; on a busy machine that takes
    // longer, so warm up in rounds. A real per-run allocation shows in every round and still fails.
    long allocated = -1;
    for (int round = 0; round < 10 && allocated != 0; round++) {
      for (int i = 0; i < 200; i++) {
        converter.run(frame, out);
      }
      long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      for (int i = 0; i < 20; i++) {
        converter.run(frame, out);
      }
      allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    }
    assertEquals(0, allocated);
  }

  @Test
  void runsAnyFrameOfThePreparedLayout() {
    Random random = new Random(13);
    Frame first = Frame.nv21(new byte[8 * 6 * 3 / 2], 8, 6).rotation(90).build();
    byte[] data = new byte[8 * 6 * 3 / 2];
    random.nextBytes(data);
    Frame second = Frame.nv21(data, 8, 6).rotation(90).build();
    Tensor out = Tensor.allocate("input", DataType.FLOAT32, Shape.of(1, 8, 6, 3));
    Tensor expected = Tensor.allocate("expected", DataType.FLOAT32, Shape.of(1, 8, 6, 3));
    FrameConverter converter = new FrameConverter(ConversionOptions.defaults());
    converter.prepare(first, out);
    converter.run(second, out);
    ReferenceConversion.convert(second, ConversionOptions.defaults(), expected);
    assertClose(expected, out, "second frame");
  }

  @Test
  void rejectsWhatDoesNotFitThePlan() {
    Frame frame = Frame.nv21(new byte[8 * 6 * 3 / 2], 8, 6).build();
    Tensor out = Tensor.allocate("input", DataType.FLOAT32, Shape.of(1, 4, 4, 3));
    FrameConverter converter = new FrameConverter(ConversionOptions.defaults());
    assertThrows(IllegalStateException.class, () -> converter.run(frame, out));
    assertThrows(IllegalArgumentException.class, () -> converter.prepare(frame, Tensor.allocate("x", DataType.FLOAT32, Shape.of(1, 4, 4, 4))));
    assertThrows(IllegalArgumentException.class, () -> converter.prepare(frame, Tensor.allocate("x", DataType.INT8, Shape.of(1, 4, 4, 3))));
    assertThrows(IllegalArgumentException.class, () -> converter.prepare(frame, Tensor.allocate("x", DataType.INT32, Shape.of(1, 4, 4, 3))));
    IllegalArgumentException region = assertThrows(IllegalArgumentException.class,
        () -> new FrameConverter(ConversionOptions.builder().region(Region.of(4, 0, 5, 6)).build()).prepare(frame, out));
    assertTrue(region.getMessage().contains("5x6+4+0"), region.getMessage());
    converter.prepare(frame, out);
    Frame rotated = Frame.nv21(new byte[8 * 6 * 3 / 2], 8, 6).rotation(180).build();
    assertThrows(IllegalArgumentException.class, () -> converter.run(rotated, out));
    assertThrows(IllegalArgumentException.class, () -> converter.run(frame, Tensor.allocate("x", DataType.FLOAT32, Shape.of(1, 4, 5, 3))));
  }

  @Test
  void optionsNameTheirBadValues() {
    ConversionOptions.Builder b = ConversionOptions.builder();
    IllegalArgumentException std = assertThrows(IllegalArgumentException.class,
        () -> b.normalization(new float[] {0, 0, 0}, new float[] {1, 0, 1}));
    assertTrue(std.getMessage().contains("std of channel 1"), std.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.padValue(256));
    assertThrows(IllegalArgumentException.class, () -> b.normalization(new float[2], new float[3]));
    assertThrows(IllegalArgumentException.class, () -> ConversionOptions.defaults().mean(3));
    assertThrows(IllegalArgumentException.class, () -> Region.of(-1, 0, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> Region.of(0, 0, 0, 2));
    assertThrows(IllegalArgumentException.class, () -> Region.of(Integer.MAX_VALUE, 0, 2, 2));
  }
}
