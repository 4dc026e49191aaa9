package ai.fovea.kernels.tensor;

import java.util.Arrays;

/** An immutable tensor shape (NHWC for images). Dimensions are non-negative; the element count must fit an int. */
public final class Shape {
  private static final Shape SCALAR = new Shape(new int[0]);
  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        throw new IllegalArgumentException("negative dimension " + dims[i] + " at axis " + i + " of " + Arrays.toString(dims));
      }
      n *= dims[i];
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than 2^31-1 elements");
      }
    }
    this.dims = dims;
    this.size = (int) n;
  }

  public static Shape of(int... dims) {
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  public static Shape scalar() {
    return SCALAR;
  }

  public int rank() {
    return dims.length;
  }

  /** Dimension {@code axis}; negative axes count from the end like NumPy. */
  public int dim(int axis) {
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new IllegalArgumentException("axis " + axis + " out of range for rank " + dims.length);
    }
    return dims[a];
  }

  /** Number of elements (1 for a scalar). */
  public int size() {
    return size;
  }

  /** A copy of the dimensions. */
  public int[] toArray() {
    return dims.clone();
  }

  /** Product of dimensions from {@code fromAxis} (inclusive) to the end. */
  public int sizeFrom(int fromAxis) {
    int n = 1;
    for (int i = fromAxis; i < dims.length; i++) {
      n *= dims[i];
    }
    return n;
  }

  /** Product of dimensions before {@code toAxis} (exclusive). */
  public int sizeTo(int toAxis) {
    int n = 1;
    for (int i = 0; i < toAxis; i++) {
      n *= dims[i];
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return Arrays.toString(dims).replace(" ", "");
  }
}
