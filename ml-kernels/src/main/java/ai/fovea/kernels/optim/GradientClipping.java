package ai.fovea.kernels.optim;

import ai.fovea.kernels.autodiff.Variable;
import java.util.List;

/** Rescales all gradients together so their global L2 norm is at most a bound, keeping their direction. */
public final class GradientClipping {
  private GradientClipping() {}

  /** Returns the global norm before clipping. */
  public static float byGlobalNorm(List<Variable> parameters, float maxNorm) {
    Optimizer.requirePositive("max norm", maxNorm);
    double sum = 0;
    for (Variable p : parameters) {
      for (float g : p.grad()) {
        sum += (double) g * g;
      }
    }
    double norm = Math.sqrt(sum);
    if (norm > maxNorm) {
      float scale = (float) (maxNorm / norm);
      for (Variable p : parameters) {
        float[] g = p.grad();
        for (int i = 0; i < g.length; i++) {
          g[i] *= scale;
        }
      }
    }
    return (float) norm;
  }
}
