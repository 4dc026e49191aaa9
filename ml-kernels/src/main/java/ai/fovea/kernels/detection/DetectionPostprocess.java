package ai.fovea.kernels.detection;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code TFLite_Detection_PostProcess}, the custom op that ends TF Object Detection API SSDs: decodes box
 * encodings against anchors (center-size, divided by the y/x/h/w scales, in double precision like TFLite) and
 * selects detections by regular (class-wise) or fast non-maximum suppression, following TFLite's
 * {@code detection_postprocess.cc} step for step, tie order included (see {@link StdPartialSort}).
 *
 * <p>Inputs: box encodings {@code [1, N, ≥4]} and class scores {@code [1, N, C]} (C = classes, plus one background
 * column first when C = numClasses + 1), each uint8 (dequantized as {@code (q − zp) · scale} in float) or float32;
 * anchors {@code [N, 4]} (y, x, h, w) of the box encodings' type. Outputs (float32): boxes {@code [1, S, 4]} as
 * (ymin, xmin, ymax, xmax), classes {@code [1, S]} (without the background offset), scores {@code [1, S]} and the
 * count {@code [1]}, S = maxDetections × maxClassesPerDetection. Slots past the detections are zero (TFLite
 * leaves the fast form's unused slots unwritten). A decoded box with min > max (a negative anchor size) fails
 * the run with IllegalStateException, as TFLite's eval fails.
 */
public final class DetectionPostprocess implements Op {
  private static final String NAME = "TFLite_Detection_PostProcess";

  private final DetectionPostprocessParams params;
  private int numBoxes;
  private int boxStride;
  private int columns;
  private int labelOffset;
  // Scratch sized in prepare: run allocates nothing.
  private float[] decoded = new float[0];
  private float[] scores = new float[0];
  private float[] candidateScores = new float[0];
  private int[] keepIndices = new int[0];
  private float[] keepScores = new float[0];
  private int[] sorted = new int[0];
  private int[] sortScratch = new int[0];
  private boolean[] active = new boolean[0];
  private int[] selected = new int[0];
  private int[] mergedIndices = new int[0];
  private float[] mergedScores = new float[0];
  private int[] order = new int[0];
  private int[] reorderedIndices = new int[0];
  private float[] reorderedScores = new float[0];
  private int[] classOrder = new int[0];

  public DetectionPostprocess(DetectionPostprocessParams params) {
    if (params == null) {
      throw new IllegalArgumentException(NAME + ": params are required");
    }
    this.params = params;
  }

  public DetectionPostprocessParams params() {
    return params;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 3 || outputs.length != 4) {
      throw new OpPrepareException(NAME, "takes 3 inputs and 4 outputs, got " + inputs.length + " and "
          + outputs.length);
    }
    for (int i = 0; i < 3; i++) {
      if (inputs[i] == null) {
        throw new OpPrepareException(NAME, "input " + i + " is missing");
      }
    }
    Tensor boxes = inputs[0];
    Tensor classes = inputs[1];
    Tensor anchors = inputs[2];
    if (boxes.shape().rank() != 3 || classes.shape().rank() != 3 || anchors.shape().rank() != 2) {
      throw new OpPrepareException(NAME, "box encodings and class scores must be rank 3 and anchors rank 2, got "
          + boxes.shape() + ", " + classes.shape() + ", " + anchors.shape());
    }
    numBoxes = boxes.shape().dim(1);
    boxStride = boxes.shape().dim(2);
    columns = classes.shape().dim(2);
    labelOffset = columns - params.numClasses();
    if (boxes.shape().dim(0) != 1 || classes.shape().dim(0) != 1) {
      throw new OpPrepareException(NAME, "batch must be 1, got " + boxes.shape() + " and " + classes.shape());
    }
    if (boxStride < 4 || classes.shape().dim(1) != numBoxes || anchors.shape().dim(0) != numBoxes
        || anchors.shape().dim(1) != 4) {
      throw new OpPrepareException(NAME, "shapes do not fit: box encodings " + boxes.shape() + " (need [1, N, >=4]),"
          + " class scores " + classes.shape() + " (need [1, N, C]), anchors " + anchors.shape() + " (need [N, 4])");
    }
    if (labelOffset != 0 && labelOffset != 1) {
      throw new OpPrepareException(NAME, "class scores have " + columns + " columns for num_classes "
          + params.numClasses() + "; need num_classes or num_classes + 1 (background)");
    }
    requireType("box encodings", boxes);
    requireType("class scores", classes);
    if (anchors.dataType() != boxes.dataType()) {
      throw new OpPrepareException(NAME, "anchors must have the box encodings' type " + boxes.dataType() + ", got "
          + anchors.dataType());
    }
    for (Tensor out : outputs) {
      if (out == null || out.dataType() != DataType.FLOAT32) {
        throw new OpPrepareException(NAME, "every output must be float32");
      }
    }
    int slots = params.outputSlots();
    outputs[0].resize(Shape.of(1, slots, 4));
    outputs[1].resize(Shape.of(1, slots));
    outputs[2].resize(Shape.of(1, slots));
    outputs[3].resize(Shape.of(1));
    allocateScratch();
  }

  private static void requireType(String what, Tensor t) {
    if (t.dataType() == DataType.UINT8) {
      if (t.quantization().channelCount() != 1) {
        throw new OpPrepareException(NAME, what + " must be quantized per tensor");
      }
    } else if (t.dataType() != DataType.FLOAT32) {
      throw new OpPrepareException(NAME, what + " must be uint8 or float32, got " + t.dataType());
    }
  }

  private void allocateScratch() {
    int n = numBoxes;
    int maxDet = params.maxDetections();
    decoded = new float[n * 4];
    scores = new float[n * columns];
    candidateScores = new float[n];
    keepIndices = new int[n];
    keepScores = new float[n];
    sorted = new int[n];
    sortScratch = new int[n];
    active = new boolean[n];
    selected = new int[n];
    mergedIndices = new int[n + maxDet];
    mergedScores = new float[n + maxDet];
    order = new int[n + maxDet];
    reorderedIndices = new int[maxDet];
    reorderedScores = new float[maxDet];
    classOrder = params.useRegularNms() ? new int[0] : new int[n * params.numClasses()];
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    decodeBoxes(inputs[0], inputs[2]);
    readScores(inputs[1]);
    Arrays.fill(outputs[0].floats(), 0f);
    Arrays.fill(outputs[1].floats(), 0f);
    Arrays.fill(outputs[2].floats(), 0f);
    int count = params.useRegularNms() ? regularNms(outputs) : fastNms(outputs);
    outputs[3].floats()[0] = count;
  }

  /** Center-size decoding in double, rounded to float once per coordinate, as TFLite computes it. */
  private void decodeBoxes(Tensor boxes, Tensor anchors) {
    boolean quantized = boxes.dataType() == DataType.UINT8;
    double ys = params.yScale();
    double xs = params.xScale();
    double hs = params.hScale();
    double ws = params.wScale();
    for (int i = 0; i < numBoxes; i++) {
      int b = i * boxStride;
      int a = i * 4;
      float y = value(boxes, quantized, b);
      float x = value(boxes, quantized, b + 1);
      float h = value(boxes, quantized, b + 2);
      float w = value(boxes, quantized, b + 3);
      float ay = value(anchors, quantized, a);
      float ax = value(anchors, quantized, a + 1);
      float ah = value(anchors, quantized, a + 2);
      float aw = value(anchors, quantized, a + 3);
      float yCenter = (float) ((double) y / ys * (double) ah + (double) ay);
      float xCenter = (float) ((double) x / xs * (double) aw + (double) ax);
      float halfH = (float) (0.5 * StrictMath.exp((double) h / hs) * (double) ah);
      float halfW = (float) (0.5 * StrictMath.exp((double) w / ws) * (double) aw);
      decoded[a] = yCenter - halfH;
      decoded[a + 1] = xCenter - halfW;
      decoded[a + 2] = yCenter + halfH;
      decoded[a + 3] = xCenter + halfW;
    }
  }

  private static float value(Tensor t, boolean quantized, int i) {
    if (!quantized) {
      return t.floats()[i];
    }
    // (float(q) - zero point) * scale, in float.
    return ((float) (t.bytes()[i] & 0xFF) - (float) t.quantization().zeroPoint(0)) * t.quantization().scale(0);
  }

  private void readScores(Tensor classes) {
    int n = numBoxes * columns;
    if (classes.dataType() == DataType.FLOAT32) {
      System.arraycopy(classes.floats(), 0, scores, 0, n);
      return;
    }
    byte[] q = classes.bytes();
    int zp = classes.quantization().zeroPoint(0);
    float scale = classes.quantization().scale(0);
    for (int i = 0; i < n; i++) {
      scores[i] = ((q[i] & 0xFF) - zp) * scale;
    }
  }

  /**
   * Class-wise NMS: per class, up to detectionsPerClass boxes survive; after each class the survivors so far are
   * cut to the best maxDetections by libstdc++'s partial sort, as TFLite does.
   */
  private int regularNms(Tensor[] outputs) {
    int maxDet = params.maxDetections();
    int kept = 0;
    for (int c = 0; c < params.numClasses(); c++) {
      for (int row = 0; row < numBoxes; row++) {
        candidateScores[row] = scores[row * columns + c + labelOffset];
      }
      int count = singleClassNms(candidateScores, params.detectionsPerClass());
      int total = kept;
      for (int s = 0; s < count; s++) {
        mergedIndices[total] = selected[s] * columns + c + labelOffset;
        mergedScores[total] = candidateScores[selected[s]];
        total++;
      }
      int toSort = Math.min(total, maxDet);
      decreasingPartialArgSort(mergedScores, 0, total, toSort, order, 0);
      for (int r = 0; r < toSort; r++) {
        reorderedIndices[r] = mergedIndices[order[r]];
        reorderedScores[r] = mergedScores[order[r]];
      }
      System.arraycopy(reorderedIndices, 0, mergedIndices, 0, toSort);
      System.arraycopy(reorderedScores, 0, mergedScores, 0, toSort);
      kept = toSort;
    }
    float[] boxes = outputs[0].floats();
    float[] classes = outputs[1].floats();
    float[] outScores = outputs[2].floats();
    for (int i = 0; i < kept; i++) {
      int anchor = mergedIndices[i] / columns;
      System.arraycopy(decoded, anchor * 4, boxes, i * 4, 4);
      classes[i] = mergedIndices[i] - anchor * columns - labelOffset;
      outScores[i] = mergedScores[i];
    }
    return kept;
  }

  /** Fast NMS: each anchor competes with its best class score, then reports its top classes. */
  private int fastNms(Tensor[] outputs) {
    int numClasses = params.numClasses();
    int perAnchor = Math.min(params.maxClassesPerDetection(), numClasses);
    for (int row = 0; row < numBoxes; row++) {
      int base = row * columns + labelOffset;
      decreasingPartialArgSort(scores, base, numClasses, perAnchor, classOrder, row * numClasses);
      candidateScores[row] = scores[base + classOrder[row * numClasses]];
    }
    int count = singleClassNms(candidateScores, params.maxDetections());
    float[] boxes = outputs[0].floats();
    float[] classes = outputs[1].floats();
    float[] outScores = outputs[2].floats();
    int stride = params.maxClassesPerDetection();
    for (int d = 0; d < count; d++) {
      int anchor = selected[d];
      int base = anchor * columns + labelOffset;
      for (int col = 0; col < perAnchor; col++) {
        int slot = stride * d + col;
        int cls = classOrder[anchor * numClasses + col];
        System.arraycopy(decoded, anchor * 4, boxes, slot * 4, 4);
        classes[slot] = cls;
        outScores[slot] = scores[base + cls];
      }
    }
    return count;
  }

  /**
   * Greedy NMS over one score per box: boxes at or above the score threshold, stably sorted by decreasing score,
   * each suppressing later ones whose IoU exceeds the threshold; fills {@link #selected}, returns its length.
   */
  private int singleClassNms(float[] boxScores, int maxDetections) {
    for (int i = 0; i < numBoxes; i++) {
      if (decoded[i * 4] > decoded[i * 4 + 2] || decoded[i * 4 + 1] > decoded[i * 4 + 3]) {
        throw new IllegalStateException(NAME + ": decoded box " + i + " has min > max (negative anchor size?)");
      }
    }
    int kept = 0;
    float threshold = params.scoreThreshold();
    for (int i = 0; i < numBoxes; i++) {
      if (boxScores[i] >= threshold) {
        keepScores[kept] = boxScores[i];
        keepIndices[kept] = i;
        kept++;
      }
    }
    for (int i = 0; i < kept; i++) {
      sorted[i] = i;
    }
    StdPartialSort.stable(sorted, kept, keepScores, sortScratch);
    int outputSize = Math.min(kept, maxDetections);
    Arrays.fill(active, 0, kept, true);
    int activeCount = kept;
    int count = 0;
    float iouThreshold = params.iouThreshold();
    for (int i = 0; i < kept; i++) {
      if (activeCount == 0 || count >= outputSize) {
        break;
      }
      if (!active[i]) {
        continue;
      }
      int boxI = keepIndices[sorted[i]];
      selected[count++] = boxI;
      active[i] = false;
      activeCount--;
      for (int j = i + 1; j < kept; j++) {
        if (active[j] && intersectionOverUnion(boxI, keepIndices[sorted[j]]) > iouThreshold) {
          active[j] = false;
          activeCount--;
        }
      }
    }
    return count;
  }

  private float intersectionOverUnion(int i, int j) {
    float[] d = decoded;
    int a = i * 4;
    int b = j * 4;
    float areaI = (d[a + 2] - d[a]) * (d[a + 3] - d[a + 1]);
    float areaJ = (d[b + 2] - d[b]) * (d[b + 3] - d[b + 1]);
    if (areaI <= 0 || areaJ <= 0) {
      return 0f;
    }
    float ymin = Math.max(d[a], d[b]);
    float xmin = Math.max(d[a + 1], d[b + 1]);
    float ymax = Math.min(d[a + 2], d[b + 2]);
    float xmax = Math.min(d[a + 3], d[b + 3]);
    float intersection = Math.max(ymax - ymin, 0f) * Math.max(xmax - xmin, 0f);
    return intersection / (areaI + areaJ - intersection);
  }

  /**
   * TFLite's DecreasingPartialArgSort of the {@code n} values from {@code values[base]} into
   * {@code indices[at, at + k)}: the first maximum when k is 1 (only {@code indices[at]} is written), otherwise
   * 0..n-1 partially sorted by libstdc++'s algorithm.
   */
  private static void decreasingPartialArgSort(float[] values, int base, int n, int k, int[] indices, int at) {
    if (k == 1) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (values[base + i] > values[base + best]) {
          best = i;
        }
      }
      indices[at] = best;
      return;
    }
    for (int i = 0; i < n; i++) {
      indices[at + i] = i;
    }
    StdPartialSort.partial(indices, at, n, k, values, base);
  }
}
