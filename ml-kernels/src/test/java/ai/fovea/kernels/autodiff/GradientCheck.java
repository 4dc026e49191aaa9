package ai.fovea.kernels.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Checks an op's backward against central finite differences of its float32 forward. The checked scalar is
 * {@code L = Σ r_i · out_i} with seeded random weights r, summed in double. Outputs that do not depend on the
 * perturbed element are computed bit-identically at x+h and x−h and cancel exactly, so the difference only
 * carries the float rounding of the few affected outputs: about 2⁻²⁴ · |out| · (accumulation length) each,
 * ≲ 1e-5 for the small shapes and O(1) values of the tests, i.e. ≲ 1e-3 after dividing by 2h = 0.02. The
 * truncation error h²·f'''/6 is ≲ 2e-5 for the smooth ops and zero for piecewise-linear ones away from kinks
 * (tests keep inputs farther than h from kinks). Hence the tolerance 2e-3 + 1e-2·|numeric|, while a wrong
 * backward (a dropped tap, a missing factor, a transposed index) is off by O(0.1) or more.
 */
public final class GradientCheck {
  public static final double STEP = 1e-2;
  private static final double ABSOLUTE = 2e-3;
  private static final double RELATIVE = 1e-2;
  /** Two threads, so the parallel split of every op is exercised. */
  public static final ComputePool POOL = new ComputePool(2);

  /** The op (or small graph) under test, built on the given tape from the checked inputs. */
  public interface Graph {
    Variable build(Tape tape);
  }

  private GradientCheck() {}

  /** Asserts that every gradient of every input matches central differences; returns the largest error. */
  public static double assertGradients(Graph graph, Variable... inputs) {
    for (Variable v : inputs) {
      v.zeroGrad();
    }
    Tape tape = new Tape(POOL);
    Variable out = graph.build(tape);
    Random random = new Random(7);
    float[] weights = new float[out.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextFloat() * 2f - 1f;
    }
    tape.backward(out, weights);
    double worst = 0;
    double largest = 0;
    for (Variable v : inputs) {
      float[] x = v.values();
      float[] analytic = v.grad().clone();
      for (int i = 0; i < x.length; i++) {
        float saved = x[i];
        x[i] = (float) (saved + STEP);
        double plus = weighted(graph, weights);
        x[i] = (float) (saved - STEP);
        double minus = weighted(graph, weights);
        x[i] = saved;
        double numeric = (plus - minus) / (2 * STEP);
        double error = Math.abs(analytic[i] - numeric);
        largest = Math.max(largest, Math.abs(numeric));
        worst = Math.max(worst, error);
        if (error > ABSOLUTE + RELATIVE * Math.abs(numeric)) {
          fail("d/d " + v.name() + "[" + i + "]: backward " + analytic[i] + ", central difference " + numeric);
        }
      }
    }
    assertTrue(largest > 1e-2, "every gradient is ~0, the check would pass for any backward");
    return worst;
  }

  private static double weighted(Graph graph, float[] weights) {
    float[] out = graph.build(Tape.inference(POOL)).values();
    double sum = 0;
    for (int i = 0; i < out.length; i++) {
      sum += (double) weights[i] * out[i];
    }
    return sum;
  }

  /**
   * Asserts that the op's output and every input's gradient are bit-identical on one thread and on three: the
   * op's split over the pool must not change the order of any sum. Shapes must be large enough to split.
   */
  public static void assertSameForAnyThreadCount(Graph graph, Variable... inputs) {
    try (ComputePool three = new ComputePool(3)) {
      List<float[]> serial = valueAndGradients(graph, ComputePool.serial(), inputs);
      List<float[]> parallel = valueAndGradients(graph, three, inputs);
      for (int i = 0; i < serial.size(); i++) {
        assertArrayEquals(serial.get(i), parallel.get(i), i == 0 ? "output" : "gradient of " + inputs[i - 1]);
      }
    }
  }

  private static List<float[]> valueAndGradients(Graph graph, ComputePool pool, Variable... inputs) {
    for (Variable v : inputs) {
      v.zeroGrad();
    }
    Tape tape = new Tape(pool);
    Variable out = graph.build(tape);
    List<float[]> result = new ArrayList<>(List.of(out.values().clone()));
    Random random = new Random(7);
    float[] weights = new float[out.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextFloat() * 2f - 1f;
    }
    tape.backward(out, weights);
    for (Variable v : inputs) {
      result.add(v.grad().clone());
    }
    return result;
  }

  /** A parameter of seeded uniform values in [-1, 1]. */
  public static Variable uniform(String name, Random random, int... dims) {
    Shape shape = Shape.of(dims);
    float[] v = new float[shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextFloat() * 2f - 1f;
    }
    return Variable.parameter(name, shape, v);
  }

  /**
   * A parameter whose values are a seeded shuffle of distinct multiples of {@code spacing} centred on zero, none
   * closer than spacing/2 to zero: no ties in max pool, no element within a step of ReLU's kink.
   */
  public static Variable spaced(String name, Random random, float spacing, int... dims) {
    Shape shape = Shape.of(dims);
    int n = shape.size();
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i - n / 2 + 0.5f) * spacing;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return Variable.parameter(name, shape, v);
  }
}
