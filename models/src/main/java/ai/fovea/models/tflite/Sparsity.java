package ai.fovea.models.tflite;

import java.util.Arrays;

/**
 * A constant tensor stored in TFLite's sparse encoding (schema {@code SparsityParameters}): its dimensions,
 * optionally split into blocks ({@code blockMap}: which original dimension each block dimension divides), are
 * traversed in {@code traversalOrder}; each traversed level is dense (all {@code denseSize} positions) or CSR
 * (for each position of the previous level, the index range {@code segments[p]..segments[p+1]} of
 * {@code indices}). The buffer holds the stored values in traversal order. {@link #densify} expands them into
 * the row-major dense tensor, zeros elsewhere, checking every segment, index and count. Immutable.
 */
public final class Sparsity {
  private final int[] traversalOrder;
  private final int[] blockMap;
  private final boolean[] sparse;
  private final int[] denseSizes;
  private final int[][] segments;
  private final int[][] indices;

  /**
   * @param sparse per traversed level: CSR (true) or dense
   * @param denseSizes per level: its size when dense (ignored for CSR levels but the block levels')
   */
  public Sparsity(int[] traversalOrder, int[] blockMap, boolean[] sparse, int[] denseSizes, int[][] segments,
      int[][] indices) {
    int levels = traversalOrder.length;
    if (sparse.length != levels || denseSizes.length != levels || segments.length != levels
        || indices.length != levels) {
      throw new ModelFormatException("sparsity: " + levels + " traversed dimensions but " + sparse.length
          + " dimension metadata entries");
    }
    this.traversalOrder = traversalOrder.clone();
    this.blockMap = blockMap.clone();
    this.sparse = sparse.clone();
    this.denseSizes = denseSizes.clone();
    this.segments = segments.clone();
    this.indices = indices.clone();
  }

  /**
   * The dense row-major bytes of a tensor of {@code denseShape} whose elements are {@code elementSize} bytes,
   * from the stored values {@code values} (as many elements as the encoding visits); a malformed encoding is a
   * {@link ModelFormatException} naming the tensor.
   */
  public byte[] densify(byte[] values, int[] denseShape, int elementSize, String tensor) {
    int rank = denseShape.length;
    int blocks = blockMap.length;
    String where = "tensor '" + tensor + "' sparsity";
    if (traversalOrder.length != rank + blocks) {
      throw new ModelFormatException(where + ": traversal order has " + traversalOrder.length + " entries for "
          + rank + " dimensions and " + blocks + " blocks");
    }
    int[] seen = new int[rank + blocks];
    for (int level = 0; level < traversalOrder.length; level++) {
      int t = traversalOrder[level];
      // The original dimensions are traversed before the block dimensions (TFLite's converter assumes it).
      if (t < 0 || t >= rank + blocks || seen[t]++ > 0 || (level < rank) != (t < rank)) {
        throw new ModelFormatException(where + ": traversal order " + Arrays.toString(traversalOrder)
            + " is not a permutation");
      }
    }
    // TFLite takes block j's size from dimension metadata rank + j.
    int[] blockSize = new int[blocks];
    int[] levelSize = new int[rank + blocks];
    int[] blockedShape = denseShape.clone();
    for (int j = 0; j < blocks; j++) {
      int dim = blockMap[j];
      blockSize[j] = denseSizes[rank + j];
      if (dim < 0 || dim >= rank || blockSize[j] < 1 || blockedShape[dim] % blockSize[j] != 0) {
        throw new ModelFormatException(where + ": block " + j + " of size " + blockSize[j] + " does not divide "
            + "dimension " + dim + " of " + Arrays.toString(denseShape));
      }
      blockedShape[dim] /= blockSize[j];
    }
    for (int level = 0; level < rank + blocks; level++) {
      int t = traversalOrder[level];
      levelSize[level] = t < rank ? blockedShape[t] : blockSize[t - rank];
      if (!sparse[level] && denseSizes[level] != levelSize[level]) {
        throw new ModelFormatException(where + ": dense level " + level + " has size " + denseSizes[level]
            + ", expected " + levelSize[level]);
      }
      if (sparse[level] && (segments[level] == null || indices[level] == null)) {
        throw new ModelFormatException(where + ": sparse level " + level + " lacks its segments or indices");
      }
    }
    long total = (long) elementSize;
    for (int d : denseShape) {
      total *= d;
    }
    byte[] dense = new byte[(int) total];
    Walk walk = new Walk(values, dense, denseShape, elementSize, blockSize, levelSize, where);
    walk.visit(0, 0);
    if (walk.next * (long) elementSize != values.length) {
      throw new ModelFormatException(where + ": the encoding visits " + walk.next + " values but the buffer holds "
          + values.length / elementSize);
    }
    return dense;
  }

  /** One expansion: the recursion of TFLite's FormatConverter::Populate, with bounds checks. */
  private final class Walk {
    private final byte[] values;
    private final byte[] dense;
    private final int[] denseShape;
    private final int elementSize;
    private final int[] blockSize;
    private final int[] levelSize;
    private final String where;
    private final int[] position;
    private final int[] original;
    private int next;

    Walk(byte[] values, byte[] dense, int[] denseShape, int elementSize, int[] blockSize, int[] levelSize,
        String where) {
      this.values = values;
      this.dense = dense;
      this.denseShape = denseShape;
      this.elementSize = elementSize;
      this.blockSize = blockSize;
      this.levelSize = levelSize;
      this.where = where;
      this.position = new int[levelSize.length];
      this.original = new int[denseShape.length];
    }

    void visit(int level, int previous) {
      if (level == position.length) {
        store();
        return;
      }
      if (!sparse[level]) {
        for (int i = 0; i < levelSize[level]; i++) {
          position[level] = i;
          visit(level + 1, previous * levelSize[level] + i);
        }
        return;
      }
      int[] seg = segments[level];
      int[] idx = indices[level];
      if (previous + 1 >= seg.length) {
        throw new ModelFormatException(where + ": level " + level + " has " + seg.length + " segments, needs "
            + (previous + 2));
      }
      int from = seg[previous];
      int to = seg[previous + 1];
      if (from < 0 || from > to || to > idx.length) {
        throw new ModelFormatException(where + ": level " + level + " segment " + previous + " = [" + from + ", "
            + to + ") is not within its " + idx.length + " indices");
      }
      for (int i = from; i < to; i++) {
        if (idx[i] < 0 || idx[i] >= levelSize[level]) {
          throw new ModelFormatException(where + ": level " + level + " index " + idx[i] + " is outside [0, "
              + levelSize[level] + ")");
        }
        position[level] = idx[i];
        visit(level + 1, i);
      }
    }

    private void store() {
      int rank = denseShape.length;
      for (int level = 0; level < rank; level++) {
        original[traversalOrder[level]] = position[level];
      }
      for (int level = rank; level < position.length; level++) {
        int block = traversalOrder[level] - rank;
        int dim = blockMap[block];
        original[dim] = original[dim] * blockSize[block] + position[level];
      }
      long flat = 0;
      for (int d = 0; d < rank; d++) {
        flat = flat * denseShape[d] + original[d];
      }
      if ((long) (next + 1) * elementSize > values.length) {
        throw new ModelFormatException(where + ": the buffer holds only " + values.length / elementSize
            + " values, fewer than the encoding visits");
      }
      System.arraycopy(values, next * elementSize, dense, (int) (flat * elementSize), elementSize);
      next++;
    }
  }
}
