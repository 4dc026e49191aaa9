package ai.fovea.kernels.autodiff;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;

/**
 * CONCATENATION along one axis: inputs agree on every other dimension. Viewed as [outer, part_i] blocks, the
 * output interleaves each input's block per outer index; backward hands each input its block back.
 */
public final class Concat {
  private static final String NAME = "CONCATENATION";

  private Concat() {}

  public static Variable apply(Tape tape, int axis, Variable... inputs) {
    if (inputs == null || inputs.length == 0) {
      throw new OpPrepareException(NAME, "needs at least one input");
    }
    int[] dims = inputs[0].shape().toArray();
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new OpPrepareException(NAME, "axis " + axis + " out of range for rank " + dims.length);
    }
    int total = 0;
    for (Variable v : inputs) {
      Shape s = v.shape();
      boolean fits = s.rank() == dims.length;
      for (int d = 0; fits && d < dims.length; d++) {
        fits = d == a || s.dim(d) == dims[d];
      }
      if (!fits) {
        throw new OpPrepareException(NAME, "input " + s + " does not match " + inputs[0].shape() + " off axis " + a);
      }
      total += s.dim(a);
    }
    dims[a] = total;
    Shape shape = Shape.of(dims);
    int outer = shape.sizeTo(a);
    int row = shape.sizeFrom(a);
    Variable y = tape.output(NAME, shape, inputs);
    float[] out = y.values();
    int offset = 0;
    for (Variable v : inputs) {
      int part = v.shape().sizeFrom(a);
      for (int o = 0; o < outer; o++) {
        System.arraycopy(v.values(), o * part, out, o * row + offset, part);
      }
      offset += part;
    }
    tape.record(y, () -> {
      float[] dy = y.grad();
      int start = 0;
      for (Variable v : inputs) {
        int part = v.shape().sizeFrom(a);
        if (v.requiresGrad()) {
          float[] dv = v.grad();
          for (int o = 0; o < outer; o++) {
            for (int i = 0; i < part; i++) {
              dv[o * part + i] += dy[o * row + start + i];
            }
          }
        }
        start += part;
      }
    });
    return y;
  }
}
