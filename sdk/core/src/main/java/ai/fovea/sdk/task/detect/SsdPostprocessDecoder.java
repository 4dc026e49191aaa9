package ai.fovea.sdk.task.detect;

import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;

/**
 * Reads the four outputs of a model that decodes and suppresses in-graph with {@code TFLite_Detection_PostProcess}:
 * boxes {@code [1, N, 4]} (ymin, xmin, ymax, xmax, normalized), classes {@code [1, N]}, scores {@code [1, N]} and
 * the detection count {@code [1]}, all float32, in that output order unless told otherwise. The first
 * {@code count} rows (clamped to [0, N]) that reach the minimum score become candidates with class id =
 * the class value (the op's classes exclude the background). A NaN or infinite count, or a class that is not a
 * whole number in [0, 2^24], is a {@link DetectionOutputException}; rows with a NaN score or non-finite box are
 * skipped. Pair it with {@link NmsMethod#NONE}.
 */
public final class SsdPostprocessDecoder implements DetectionDecoder {
  private final float minScore;
  private final DetectionOutput boxes;
  private final DetectionOutput classes;
  private final DetectionOutput scores;
  private final DetectionOutput count;
  private int rows = -1;

  /** Outputs in the op's order (boxes, classes, scores, count). */
  public SsdPostprocessDecoder(float minScore) {
    this(minScore, 0, 1, 2, 3);
  }

  public SsdPostprocessDecoder(float minScore, int boxesOutput, int classesOutput, int scoresOutput, int countOutput) {
    if (Float.isNaN(minScore)) {
      throw new IllegalArgumentException("minimum score is NaN");
    }
    int[] all = {boxesOutput, classesOutput, scoresOutput, countOutput};
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++) {
        if (all[i] < 0 || all[i] == all[j]) {
          throw new IllegalArgumentException("boxes, classes, scores and count need four distinct output indices, got "
              + boxesOutput + ", " + classesOutput + ", " + scoresOutput + ", " + countOutput);
        }
      }
    }
    this.minScore = minScore;
    this.boxes = new DetectionOutput("post-processed boxes", boxesOutput);
    this.classes = new DetectionOutput("post-processed classes", classesOutput);
    this.scores = new DetectionOutput("post-processed scores", scoresOutput);
    this.count = new DetectionOutput("detection count", countOutput);
  }

  @Override
  public void prepare(Tensor[] outputs) {
    Shape b = boxes.prepare(outputs);
    if (b.rank() != 3 || b.dim(0) != 1 || b.dim(2) != 4) {
      throw new DetectionOutputException("post-processed boxes must be [1, N, 4], got " + b);
    }
    int n = b.dim(1);
    if (n > MAX_CANDIDATES) {
      throw new DetectionOutputException("post-processed outputs hold " + n + " rows, more than " + MAX_CANDIDATES);
    }
    Shape c = classes.prepare(outputs);
    Shape s = scores.prepare(outputs);
    Shape expected = Shape.of(1, n);
    if (!c.equals(expected) || !s.equals(expected)) {
      throw new DetectionOutputException("post-processed classes and scores must be [1, " + n + "], got " + c + " and " + s);
    }
    Shape k = count.prepare(outputs);
    if (k.size() != 1) {
      throw new DetectionOutputException("detection count must be one value, got " + k);
    }
    rows = n;
  }

  @Override
  public int capacity() {
    if (rows < 0) {
      throw new IllegalStateException("SsdPostprocessDecoder used before prepare");
    }
    return rows;
  }

  @Override
  public int keypointCount() {
    return 0;
  }

  @Override
  public void decode(Tensor[] outputs, DetectionCandidates out) {
    if (out == null || out.capacity() < capacity() || out.keypointCount() != 0) {
      throw new IllegalArgumentException("candidate table must hold " + rows + " rows without keypoints");
    }
    float[] b = boxes.read(outputs);
    float[] c = classes.read(outputs);
    float[] s = scores.read(outputs);
    float n = count.read(outputs)[0];
    if (!Float.isFinite(n)) {
      throw new DetectionOutputException("detection count is " + n);
    }
    int valid = (int) Math.max(0, Math.min(rows, n));
    out.clear();
    for (int i = 0; i < valid; i++) {
      float cls = c[i];
      if (!(cls >= 0 && cls <= (1 << 24) && cls == (int) cls)) {
        throw new DetectionOutputException("detection " + i + " has class " + cls + ", not a class index");
      }
      float ymin = b[4 * i];
      float xmin = b[4 * i + 1];
      float ymax = b[4 * i + 2];
      float xmax = b[4 * i + 3];
      if (s[i] >= minScore && Float.isFinite(ymin) && Float.isFinite(xmin) && Float.isFinite(ymax) && Float.isFinite(xmax)) {
        out.add(xmin, ymin, xmax, ymax, s[i], (int) cls);
      }
    }
  }
}
