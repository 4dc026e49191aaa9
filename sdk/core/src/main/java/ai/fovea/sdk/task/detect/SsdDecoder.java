package ai.fovea.sdk.task.detect;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;

/**
 * Decodes raw SSD outputs against anchors (centre-size encoding), as TensorFlow's box coder and MediaPipe's
 * {@code TensorsToDetectionsCalculator} do: for anchor {@code a} and raw row {@code (ty, tx, th, tw)} (order per
 * {@link BoxEncoding}),
 * {@code y = ty / y_scale * a.h + a.y}, {@code x = tx / x_scale * a.w + a.x},
 * {@code h = exp(th / h_scale) * a.h} (or {@code th / h_scale * a.h} without exponential sizes), likewise w;
 * keypoints {@code kx / x_scale * a.w + a.x}, {@code ky / y_scale * a.h + a.y}. Scores are converted per
 * {@link ScoreConversion}; each anchor yields its best class (or every class, see
 * {@link SsdDecoderOptions#everyClass()}) when it reaches the minimum score. Boxes with a negative or non-finite
 * size are dropped, as MediaPipe drops them. Output tensors may be float32 or per-tensor quantized.
 */
public final class SsdDecoder implements DetectionDecoder {
  private final SsdDecoderOptions options;
  private final DetectionOutput boxes;
  private final DetectionOutput scores;
  private int anchorCount;
  private int coords;
  private int columns;
  private int capacity = -1;
  private float[] exps;
  private float rawFloor;

  public SsdDecoder(SsdDecoderOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("SSD decoder options are null");
    }
    this.options = options;
    this.boxes = new DetectionOutput("SSD boxes", options.boxesOutput());
    this.scores = new DetectionOutput("SSD scores", options.scoresOutput());
  }

  public SsdDecoderOptions options() {
    return options;
  }

  @Override
  public void prepare(Tensor[] outputs) {
    int n = options.anchors().count();
    int[] box = DetectionOutput.matrix("SSD boxes", boxes.prepare(outputs));
    int needed = Math.max(4, options.keypointOffset() + 2 * options.keypointCount());
    if (options.keypointCount() == 0) {
      needed = 4;
    }
    if (box[0] != n || box[1] < needed) {
      throw new DetectionOutputException("SSD boxes output " + options.boxesOutput() + " must hold " + n + " rows (one per anchor) of at least "
          + needed + " values, got " + box[0] + " x " + box[1]);
    }
    Shape s = scores.prepare(outputs);
    int[] sc = s.rank() == 2 && s.dim(0) == 1 && s.dim(1) == n && n != 1 ? new int[] {n, 1} : DetectionOutput.matrix("SSD scores", s);
    if (sc[0] != n || sc[1] <= options.backgroundClasses()) {
      throw new DetectionOutputException("SSD scores output " + options.scoresOutput() + " must hold " + n + " rows of more than "
          + options.backgroundClasses() + " class scores, got " + s);
    }
    anchorCount = n;
    coords = box[1];
    columns = sc[1];
    exps = new float[columns];
    // With a sigmoid, raw values below this floor cannot reach the minimum score: no exponential for them.
    rawFloor = options.scoreConversion() == ScoreConversion.SIGMOID ? Sigmoid.floor(options.minScore()) : Float.NEGATIVE_INFINITY;
    long cap = options.everyClass() ? (long) n * (columns - options.backgroundClasses()) : n;
    if (cap > MAX_CANDIDATES) {
      throw new DetectionOutputException("SSD outputs give up to " + cap + " candidates per frame (" + n + " anchors x "
          + (columns - options.backgroundClasses()) + " classes), more than the " + MAX_CANDIDATES
          + " this decoder keeps tables for; decode the best class per anchor instead");
    }
    capacity = (int) cap;
  }

  @Override
  public int capacity() {
    requirePrepared();
    return capacity;
  }

  @Override
  public int keypointCount() {
    return options.keypointCount();
  }

  @Override
  public void decode(Tensor[] outputs, DetectionCandidates out) {
    requirePrepared();
    if (out == null || out.capacity() < capacity || out.keypointCount() != options.keypointCount()) {
      throw new IllegalArgumentException("candidate table must hold " + capacity + " rows with " + options.keypointCount() + " keypoints, got "
          + (out == null ? "null" : out.capacity() + " with " + out.keypointCount()));
    }
    float[] raw = boxes.read(outputs);
    float[] sc = scores.read(outputs);
    float[] anchors = options.anchors().table();
    out.clear();
    int first = options.backgroundClasses();
    float min = options.minScore();
    boolean softmax = options.scoreConversion() == ScoreConversion.SOFTMAX;
    for (int i = 0; i < anchorCount; i++) {
      int row = i * columns;
      float sum = 0;
      if (softmax) {
        float max = sc[row];
        for (int c = 1; c < columns; c++) {
          max = Math.max(max, sc[row + c]);
        }
        for (int c = 0; c < columns; c++) {
          exps[c] = (float) Math.exp(sc[row + c] - max);
          sum += exps[c];
        }
      }
      if (options.everyClass()) {
        for (int c = first; c < columns; c++) {
          if (!softmax && !(clip(sc[row + c]) >= rawFloor)) {
            continue;
          }
          float score = softmax ? exps[c] / sum : convert(sc[row + c]);
          if (score >= min) {
            emit(raw, anchors, i, score, c - first, out);
          }
        }
      } else {
        // Every conversion is monotonic, so the best (clipped) raw value has the best score.
        int best = first;
        float bestRaw = clip(sc[row + first]);
        for (int c = first + 1; c < columns; c++) {
          float v = clip(sc[row + c]);
          if (v > bestRaw) {
            best = c;
            bestRaw = v;
          }
        }
        if (!softmax && !(bestRaw >= rawFloor)) {
          continue;
        }
        float score = softmax ? exps[best] / sum : convert(bestRaw);
        // Distinct raw values can round to one score: the first class with it wins, as a scan over scores has it.
        if (!(score >= min)) {
          continue;
        }
        for (int c = first; c < best; c++) {
          boolean reaches = softmax || clip(sc[row + c]) >= rawFloor;
          if (reaches && (softmax ? exps[c] / sum : convert(sc[row + c])) == score) {
            best = c;
          }
        }
        emit(raw, anchors, i, score, best - first, out);
      }
    }
  }

  private float convert(float v) {
    return options.scoreConversion() == ScoreConversion.SIGMOID ? Sigmoid.of(clip(v)) : v;
  }

  /** The raw score as the sigmoid sees it: clipped (MediaPipe clips only for the sigmoid). */
  private float clip(float v) {
    if (options.scoreConversion() != ScoreConversion.SIGMOID) {
      return v;
    }
    float c = options.scoreClip();
    return v < -c ? -c : v > c ? c : v;
  }

  private void emit(float[] raw, float[] anchors, int i, float score, int classId, DetectionCandidates out) {
    int r = i * coords;
    boolean yx = options.encoding() == BoxEncoding.YXHW;
    float ty = raw[r + (yx ? 0 : 1)];
    float tx = raw[r + (yx ? 1 : 0)];
    float th = raw[r + (yx ? 2 : 3)];
    float tw = raw[r + (yx ? 3 : 2)];
    float ay = anchors[4 * i];
    float ax = anchors[4 * i + 1];
    float ah = anchors[4 * i + 2];
    float aw = anchors[4 * i + 3];
    float x = tx / options.xScale() * aw + ax;
    float y = ty / options.yScale() * ah + ay;
    float h;
    float w;
    if (options.exponentialSize()) {
      h = (float) Math.exp(th / options.hScale()) * ah;
      w = (float) Math.exp(tw / options.wScale()) * aw;
    } else {
      h = th / options.hScale() * ah;
      w = tw / options.wScale() * aw;
    }
    float left = x - w / 2;
    float top = y - h / 2;
    float right = x + w / 2;
    float bottom = y + h / 2;
    if (!(w >= 0 && h >= 0) || !Float.isFinite(left) || !Float.isFinite(top) || !Float.isFinite(right) || !Float.isFinite(bottom)) {
      return;
    }
    int row = out.add(left, top, right, bottom, score, classId);
    for (int k = 0; k < options.keypointCount(); k++) {
      int at = r + options.keypointOffset() + 2 * k;
      float kx = raw[at + (yx ? 1 : 0)];
      float ky = raw[at + (yx ? 0 : 1)];
      float px = kx / options.xScale() * aw + ax;
      float py = ky / options.yScale() * ah + ay;
      if (!Float.isFinite(px) || !Float.isFinite(py)) {
        out.dropLast();
        return;
      }
      out.setKeypoint(row, k, px, py);
    }
  }

  private void requirePrepared() {
    if (capacity < 0) {
      throw new IllegalStateException("SsdDecoder used before prepare");
    }
  }
}
