package ai.fovea.kernels.autodiff;

/**
 * A row-major matrix operand of the training products ({@link ParallelGemm}): an array, or rows gathered on
 * demand into a small per-thread block — a convolution's im2col windows, which as one array would be nine
 * times its input and too big for any cache, so products that streamed it ran at memory speed.
 */
final class Rows {
  /** Writes rows [r0, r0 + count) into {@code dst} from index 0, row-major. */
  interface Gather {
    void into(int r0, int count, float[] dst);
  }

  private final float[] array;
  private final Gather gather;
  private final int columns;

  private Rows(float[] array, Gather gather, int columns) {
    this.array = array;
    this.gather = gather;
    this.columns = columns;
  }

  /** The rows of a row-major array with {@code columns} columns, read in place. */
  static Rows of(float[] array, int columns) {
    return new Rows(array, null, columns);
  }

  /** Rows that {@code gather} produces block by block. */
  static Rows gathered(int columns, Gather gather) {
    return new Rows(null, gather, columns);
  }

  int columns() {
    return columns;
  }

  /** A block buffer for {@link #load} of up to {@code rows} rows: null when the rows are read in place. */
  float[] scratch(int rows) {
    return array != null ? null : new float[rows * columns];
  }

  /** The array holding rows [r0, r0 + count), from row {@link #firstRow firstRow(r0)}: the array or scratch. */
  float[] load(int r0, int count, float[] scratch) {
    if (array != null) {
      return array;
    }
    gather.into(r0, count, scratch);
    return scratch;
  }

  /** Where row r0 is in the array {@link #load} returns. */
  int firstRow(int r0) {
    return array != null ? r0 : 0;
  }
}
