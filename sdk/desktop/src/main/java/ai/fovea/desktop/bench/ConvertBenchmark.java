package ai.fovea.desktop.bench;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.convert.ConversionOptions;
import ai.fovea.sdk.convert.FrameConverter;
import ai.fovea.sdk.convert.Interpolation;
import ai.fovea.sdk.frame.Frame;
import ai.fovea.sdk.frame.Plane;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times the frame converter on what a phone camera hands over: 1920x1080 YUV_420_888 in direct buffers with
 * interleaved chroma (pixel stride 2), into a 224x224x3 model input, int8 and float, for every rotation. Each
 * row is the median of timed runs after warm-up, with the full-frame Y-plane sum as the memory floor measured
 * in the same run.
 */
public final class ConvertBenchmark {
  /** The goal for 1080p YUV to 224x224 int8 on two cores. */
  public static final double GOAL_MS = 2.0;

  private static final int WIDTH = 1920;
  private static final int HEIGHT = 1080;
  private static final int SIZE = 224;

  private final int threads;
  private final int runs;

  public ConvertBenchmark(int threads, int runs) {
    if (threads < 1 || runs < 1) {
      throw new IllegalArgumentException("threads and runs must be >= 1, got " + threads + " and " + runs);
    }
    this.threads = threads;
    this.runs = runs;
  }

  /** One measured configuration. */
  public static final class Row {
    public final String name;
    public final double medianMs;

    Row(String name, double medianMs) {
      this.name = name;
      this.medianMs = medianMs;
    }
  }

  public List<Row> run() {
    Random random = new Random(1080);
    List<Row> rows = new ArrayList<>();
    try (ComputePool pool = new ComputePool(threads)) {
      for (int rotation : new int[] {0, 90, 180, 270}) {
        Frame frame = cameraFrame(rotation, random);
        rows.add(time("1080p YUV -> 224x224 int8  rot " + rotation, frame, Interpolation.BILINEAR, DataType.INT8, pool));
        rows.add(time("1080p YUV -> 224x224 float rot " + rotation, frame, Interpolation.BILINEAR, DataType.FLOAT32, pool));
      }
      Frame frame = cameraFrame(0, random);
      rows.add(time("1080p YUV -> 224x224 int8  rot 0 area", frame, Interpolation.AREA, DataType.INT8, pool));
      ByteBuffer y = frame.plane(0).buffer();
      long[] sink = new long[1];
      rows.add(new Row("floor: sum of the 1080p Y plane", Timing.medianMs(5, runs, () -> Timing.wallMs(() -> {
        long s = 0;
        for (int i = 0; i < WIDTH * HEIGHT; i++) {
          s += y.get(i);
        }
        sink[0] += s;
      }))));
    }
    return rows;
  }

  private Row time(String name, Frame frame, Interpolation interpolation, DataType type, ComputePool pool) {
    Tensor input = type == DataType.FLOAT32
        ? Tensor.allocate("input", type, Shape.of(1, SIZE, SIZE, 3))
        : Tensor.allocate("input", type, Shape.of(1, SIZE, SIZE, 3), Quantization.perTensor(1 / 255f, -128));
    FrameConverter converter = new FrameConverter(
        ConversionOptions.builder().interpolation(interpolation).normalization(type == DataType.FLOAT32 ? 127.5f : 0,
            type == DataType.FLOAT32 ? 127.5f : 255).build(), pool);
    converter.prepare(frame, input);
    return new Row(name,
        Timing.medianMs(Math.max(20, runs), runs, () -> Timing.wallMs(() -> converter.run(frame, input))));
  }

  /** A camera-like frame: direct buffers, Y rows padded to 64 bytes, chroma interleaved as V views into U's buffer. */
  private static Frame cameraFrame(int rotation, Random random) {
    int yStride = (WIDTH + 63) / 64 * 64;
    ByteBuffer luma = randomDirect(yStride * (HEIGHT - 1) + WIDTH, random);
    ByteBuffer chroma = randomDirect(yStride * (HEIGHT / 2 - 1) + WIDTH, random);
    ByteBuffer u = chroma.duplicate();
    u.limit(chroma.capacity() - 1);
    ByteBuffer v = chroma.duplicate();
    v.position(1);
    return Frame.yuv420(WIDTH, HEIGHT, Plane.of(luma, yStride, 1), Plane.of(u, yStride, 2), Plane.of(v, yStride, 2))
        .rotation(rotation).build();
  }

  private static ByteBuffer randomDirect(int n, Random random) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    ByteBuffer b = ByteBuffer.allocateDirect(n);
    b.put(bytes).flip();
    return b;
  }

  /** The rows as a text table with the goal. */
  public static String toTable(List<Row> rows, int threads, MachineInfo machine) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "frame conversion on %s (%d cores), %d threads; goal: int8 <= %.1f ms%n",
        machine.cpu(), machine.cores(), threads, GOAL_MS));
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "  %-42s %8.3f ms%n", r.name, r.medianMs));
    }
    return sb.toString();
  }
}
