package ai.fovea.sdk.convert;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.sdk.frame.Frame;
import java.util.Arrays;

/**
 * Turns a {@link Frame} into a model input tensor (NHWC {@code [1, H, W, 3]} RGB or {@code [1, H, W, 1]} gray;
 * FLOAT32 normalized, or INT8 / UINT8 quantized to the tensor's scale and zero point) in one pass: each output row reads only the source
 * pixels it needs, converting YUV to RGB, rotating, mirroring, cropping and resampling on the way.
 * {@link #prepare} plans a frame layout and an output (offset tables per axis, weights, scratch); {@link #run}
 * then converts any frame of that layout without allocating. One thread may use a converter at a time.
 *
 * <p>The result is defined pixel by pixel as: RGB of every source pixel (BT.601 in integers, see
 * {@link Bt601}), rotated and mirrored upright, cut to the region, resampled (bilinear or area, in float) to
 * the fitted size, for a gray output reduced to BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B} (normalized with
 * channel 0's mean and std), then {@code (v - mean) / std}, quantized with rounding half up and saturation.
 */
public final class FrameConverter {
  private final ConversionOptions options;
  private final ComputePool pool;
  private final ComputePool.RangeBody slotBody = this::runSlots;

  // The plan, fixed by prepare.
  private Frame layout;
  private Shape outputShape;
  private DataType outputType;
  private Quantization outputQuantization;
  private InputTransform transform;
  private RgbReader reader;
  private int width;
  private int channels;
  private int contentLeft;
  private int contentWidth;
  private int contentTop;
  private int contentHeight;
  private int[] topRows;
  private int[] bottomRows;
  private float[] rowWeights;
  private float[] columnWeights;
  private int[] rowBoxStarts;
  private int[] rowBoxEnds;
  private int[] columnBoxStarts;
  private int[] columnBoxEnds;
  private final float[] channelScale = new float[3];
  private final float[] channelBias = new float[3];
  private final float[] padFloat = new float[3];
  private final byte[] padByte = new byte[3];
  private int low;
  private int high;
  private int[][] upperPixels;
  private int[][] lowerPixels;
  private int[][] sums;
  private float[][] values;

  // The frame and tensor of the run in progress, read by the worker slots.
  private Frame frame;
  private Tensor output;

  /** A converter that runs on the calling thread. */
  public FrameConverter(ConversionOptions options) {
    this(options, ComputePool.serial());
  }

  /** A converter that splits each frame's rows over {@code pool}'s threads. */
  public FrameConverter(ConversionOptions options, ComputePool pool) {
    if (options == null) {
      throw new IllegalArgumentException("conversion options are null");
    }
    if (pool == null) {
      throw new IllegalArgumentException("compute pool is null");
    }
    this.options = options;
    this.pool = pool;
  }

  public ConversionOptions options() {
    return options;
  }

  /**
   * Plans conversions of frames laid out like {@code frame} (format, size, orientation, strides) into tensors
   * like {@code output}. Throws {@link IllegalArgumentException} naming what does not fit.
   */
  public void prepare(Frame frame, Tensor output) {
    if (frame == null) {
      throw new IllegalArgumentException("frame is null");
    }
    checkOutput(output);
    Orientation orientation = new Orientation(frame.width(), frame.height(), frame.rotationDegrees(), frame.isMirrored());
    Region region = options.region() != null ? options.region() : Region.of(0, 0, frame.uprightWidth(), frame.uprightHeight());
    if (region.right() > frame.uprightWidth() || region.bottom() > frame.uprightHeight()) {
      throw new IllegalArgumentException("region " + region + " does not fit the upright frame " + frame.uprightWidth() + "x"
          + frame.uprightHeight() + " (" + frame + ")");
    }
    int outHeight = output.shape().dim(1);
    width = output.shape().dim(2);
    channels = output.shape().dim(3);
    InputTransform t = InputTransform.create(orientation, region, width, outHeight, options.scaleMode());
    AxisMap x = t.xAxis();
    AxisMap y = t.yAxis();
    contentLeft = x.contentStart;
    contentWidth = x.contentSize;
    contentTop = y.contentStart;
    contentHeight = y.contentSize;
    int[] columns;
    if (options.interpolation() == Interpolation.BILINEAR) {
      columns = new int[2 * contentWidth];
      columnWeights = new float[contentWidth];
      for (int i = 0; i < contentWidth; i++) {
        double c = x.sampleCentre(i);
        int c0 = (int) Math.floor(c);
        columns[2 * i] = x.regionStart + c0;
        columns[2 * i + 1] = x.regionStart + Math.min(c0 + 1, x.regionSize - 1);
        columnWeights[i] = (float) (c - c0);
      }
      topRows = new int[contentHeight];
      bottomRows = new int[contentHeight];
      rowWeights = new float[contentHeight];
      for (int i = 0; i < contentHeight; i++) {
        double c = y.sampleCentre(i);
        int c0 = (int) Math.floor(c);
        topRows[i] = y.regionStart + c0;
        bottomRows[i] = y.regionStart + Math.min(c0 + 1, y.regionSize - 1);
        rowWeights[i] = (float) (c - c0);
      }
    } else {
      columns = new int[region.width()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = region.left() + i;
      }
      columnBoxStarts = new int[contentWidth];
      columnBoxEnds = new int[contentWidth];
      for (int i = 0; i < contentWidth; i++) {
        columnBoxStarts[i] = x.boxStart(i);
        columnBoxEnds[i] = x.boxEnd(i);
      }
      rowBoxStarts = new int[contentHeight];
      rowBoxEnds = new int[contentHeight];
      for (int i = 0; i < contentHeight; i++) {
        rowBoxStarts[i] = y.regionStart + y.boxStart(i);
        rowBoxEnds[i] = y.regionStart + y.boxEnd(i);
      }
    }
    planEncoding(output);
    int slots = Math.min(pool.threads(), outHeight);
    upperPixels = new int[slots][columns.length];
    lowerPixels = new int[slots][options.interpolation() == Interpolation.BILINEAR ? columns.length : 0];
    sums = new int[slots][options.interpolation() == Interpolation.AREA ? 3 * contentWidth : 0];
    values = new float[slots][3 * contentWidth];
    reader = RgbReader.plan(frame, orientation, columns);
    transform = t;
    layout = frame;
    outputShape = output.shape();
    outputType = output.dataType();
    outputQuantization = output.quantization();
  }

  private static void checkOutput(Tensor output) {
    if (output == null) {
      throw new IllegalArgumentException("output tensor is null");
    }
    Shape s = output.shape();
    if (s.rank() != 4 || s.dim(0) != 1 || (s.dim(3) != 3 && s.dim(3) != 1) || s.dim(1) < 1 || s.dim(2) < 1) {
      throw new IllegalArgumentException("output " + output.name() + " must be [1, H, W, 3] (RGB) or [1, H, W, 1]"
          + " (gray), got " + s);
    }
    DataType type = output.dataType();
    if (type != DataType.FLOAT32 && !type.isByte()) {
      throw new IllegalArgumentException("output " + output.name() + " must be FLOAT32, INT8 or UINT8, got " + type);
    }
    if (type.isByte() && (!output.quantization().isQuantized() || output.quantization().channelCount() != 1)) {
      throw new IllegalArgumentException("output " + output.name() + " needs per-tensor quantization, got "
          + output.quantization());
    }
  }

  private void planEncoding(Tensor output) {
    boolean quantized = output.dataType().isByte();
    double scale = quantized ? output.quantization().scale() : 1;
    double zeroPoint = quantized ? output.quantization().zeroPoint() : 0;
    low = output.dataType() == DataType.INT8 ? -128 : 0;
    high = output.dataType() == DataType.INT8 ? 127 : 255;
    for (int c = 0; c < 3; c++) {
      double a = 1.0 / ((double) options.std(c) * scale);
      channelScale[c] = (float) a;
      channelBias[c] = (float) (zeroPoint - options.mean(c) * a);
      padFloat[c] = options.padValue() * channelScale[c] + channelBias[c];
      padByte[c] = (byte) quantize(padFloat[c]);
    }
  }

  /**
   * Rounds half up and saturates; the shift to a non-negative value makes the int cast a floor. Plain
   * comparisons, because Math.min/max on floats carry NaN and -0 rules the hot loop does not need.
   */
  private int quantize(float q) {
    float clamped = q < low ? low : q > high ? high : q;
    return (int) (clamped - low + 0.5f) + low;
  }

  /** The geometry of the prepared conversion, for mapping model-input points back to the frame. */
  public InputTransform transform() {
    requirePrepared();
    return transform;
  }

  /** Converts {@code frame} into {@code output}; both must match what was prepared. Allocates nothing. */
  public void run(Frame frame, Tensor output) {
    requirePrepared();
    if (frame == null || !frame.hasLayoutOf(layout)) {
      throw new IllegalArgumentException("frame " + frame + " is not laid out like the prepared " + layout + "; prepare again");
    }
    if (output == null || output.dataType() != outputType || !output.shape().equals(outputShape)
        || !output.quantization().equals(outputQuantization)) {
      throw new IllegalArgumentException("output " + output + " is not the prepared " + outputType + outputShape + "; prepare again");
    }
    this.frame = frame;
    this.output = output;
    try {
      pool.parallelFor(upperPixels.length, 1, slotBody);
    } finally {
      this.frame = null;
      this.output = null;
    }
  }

  private void requirePrepared() {
    if (layout == null) {
      throw new IllegalStateException("converter is not prepared; call prepare(frame, output) first");
    }
  }

  private void runSlots(int first, int end) {
    int height = outputShape.dim(1);
    int slots = upperPixels.length;
    for (int slot = first; slot < end; slot++) {
      int rowEnd = (int) ((long) height * (slot + 1) / slots);
      for (int y = (int) ((long) height * slot / slots); y < rowEnd; y++) {
        int content = y - contentTop;
        if (content < 0 || content >= contentHeight) {
          pad(y * width * channels, width);
          continue;
        }
        if (options.interpolation() == Interpolation.BILINEAR) {
          bilinearRow(slot, content);
        } else {
          areaRow(slot, content);
        }
        int rowStart = y * width * channels;
        pad(rowStart, contentLeft);
        if (channels == 3) {
          store(values[slot], rowStart + 3 * contentLeft);
        } else {
          storeGray(values[slot], rowStart + contentLeft);
        }
        pad(rowStart + channels * (contentLeft + contentWidth), width - contentLeft - contentWidth);
      }
    }
  }

  private void bilinearRow(int slot, int row) {
    int[] upper = upperPixels[slot];
    int[] lower = lowerPixels[slot];
    float[] v = values[slot];
    reader.read(frame, topRows[row], upper);
    reader.read(frame, bottomRows[row], lower);
    float wy = rowWeights[row];
    for (int i = 0; i < contentWidth; i++) {
      float wx = columnWeights[i];
      int p00 = upper[2 * i];
      int p01 = upper[2 * i + 1];
      int p10 = lower[2 * i];
      int p11 = lower[2 * i + 1];
      for (int c = 0, shift = 16; c < 3; c++, shift -= 8) {
        float a = (p00 >> shift) & 0xFF;
        float b = (p01 >> shift) & 0xFF;
        float d = (p10 >> shift) & 0xFF;
        float e = (p11 >> shift) & 0xFF;
        float top = a + (b - a) * wx;
        float bottom = d + (e - d) * wx;
        v[3 * i + c] = top + (bottom - top) * wy;
      }
    }
  }

  private void areaRow(int slot, int row) {
    int[] line = upperPixels[slot];
    int[] sum = sums[slot];
    float[] v = values[slot];
    Arrays.fill(sum, 0);
    for (int r = rowBoxStarts[row]; r < rowBoxEnds[row]; r++) {
      reader.read(frame, r, line);
      for (int i = 0; i < contentWidth; i++) {
        int red = 0;
        int green = 0;
        int blue = 0;
        for (int k = columnBoxStarts[i]; k < columnBoxEnds[i]; k++) {
          int p = line[k];
          red += (p >> 16) & 0xFF;
          green += (p >> 8) & 0xFF;
          blue += p & 0xFF;
        }
        sum[3 * i] += red;
        sum[3 * i + 1] += green;
        sum[3 * i + 2] += blue;
      }
    }
    int rows = rowBoxEnds[row] - rowBoxStarts[row];
    for (int i = 0; i < contentWidth; i++) {
      float count = rows * (columnBoxEnds[i] - columnBoxStarts[i]);
      for (int c = 0; c < 3; c++) {
        v[3 * i + c] = sum[3 * i + c] / count;
      }
    }
  }

  /** Normalizes or quantizes one row of content pixel values into the output from element {@code at}. */
  private void store(float[] v, int at) {
    int n = 3 * contentWidth;
    if (outputType == DataType.FLOAT32) {
      float[] out = output.floats();
      for (int i = 0; i < n; i += 3) {
        out[at + i] = v[i] * channelScale[0] + channelBias[0];
        out[at + i + 1] = v[i + 1] * channelScale[1] + channelBias[1];
        out[at + i + 2] = v[i + 2] * channelScale[2] + channelBias[2];
      }
    } else {
      byte[] out = output.bytes();
      for (int i = 0; i < n; i += 3) {
        out[at + i] = (byte) quantize(v[i] * channelScale[0] + channelBias[0]);
        out[at + i + 1] = (byte) quantize(v[i + 1] * channelScale[1] + channelBias[1]);
        out[at + i + 2] = (byte) quantize(v[i + 2] * channelScale[2] + channelBias[2]);
      }
    }
  }

  /** Reduces one row of RGB content values to BT.601 luma, normalizes or quantizes it into a gray output. */
  private void storeGray(float[] v, int at) {
    float scale = channelScale[0];
    float bias = channelBias[0];
    if (outputType == DataType.FLOAT32) {
      float[] out = output.floats();
      for (int i = 0; i < contentWidth; i++) {
        out[at + i] = luma(v, 3 * i) * scale + bias;
      }
    } else {
      byte[] out = output.bytes();
      for (int i = 0; i < contentWidth; i++) {
        out[at + i] = (byte) quantize(luma(v, 3 * i) * scale + bias);
      }
    }
  }

  private static float luma(float[] v, int i) {
    return 0.299f * v[i] + 0.587f * v[i + 1] + 0.114f * v[i + 2];
  }

  /** Writes the padding value into {@code pixels} output pixels from element {@code at}. */
  private void pad(int at, int pixels) {
    if (channels == 1) {
      padGray(at, pixels);
      return;
    }
    if (outputType == DataType.FLOAT32) {
      float[] out = output.floats();
      for (int i = 0; i < pixels; i++) {
        out[at + 3 * i] = padFloat[0];
        out[at + 3 * i + 1] = padFloat[1];
        out[at + 3 * i + 2] = padFloat[2];
      }
    } else {
      byte[] out = output.bytes();
      for (int i = 0; i < pixels; i++) {
        out[at + 3 * i] = padByte[0];
        out[at + 3 * i + 1] = padByte[1];
        out[at + 3 * i + 2] = padByte[2];
      }
    }
  }

  /** The padding of a gray output: the same pixel value in every channel, so its luma is the value itself. */
  private void padGray(int at, int pixels) {
    if (outputType == DataType.FLOAT32) {
      Arrays.fill(output.floats(), at, at + pixels, padFloat[0]);
    } else {
      Arrays.fill(output.bytes(), at, at + pixels, padByte[0]);
    }
  }
}
