package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.optim.Adadelta;
import ai.fovea.kernels.optim.Adam;
import ai.fovea.kernels.optim.Optimizer;
import ai.fovea.kernels.optim.RmsProp;
import ai.fovea.kernels.optim.Sgd;
import java.util.List;
import java.util.Locale;

/**
 * The optimizers the trainer can run, by CLI name. Weight decay is L2 in the gradient for the SGD family and
 * decoupled for AdamW; it applies to every parameter (batch-norm scales included, where it is harmless at these
 * rates).
 */
public enum OptimizerKind {
  SGD, MOMENTUM, NESTEROV, ADAM, ADAMW, RMSPROP, ADADELTA;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OptimizerKind parse(String id) {
    for (OptimizerKind k : values()) {
      if (k.id().equals(id)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown optimizer '" + id
        + "'; expected sgd, momentum, nesterov, adam, adamw, rmsprop or adadelta");
  }

  Optimizer create(List<Variable> parameters, float learningRate, float weightDecay) {
    switch (this) {
      case SGD:
        return new Sgd(parameters, learningRate, 0f, false, weightDecay);
      case MOMENTUM:
        return new Sgd(parameters, learningRate, 0.9f, false, weightDecay);
      case NESTEROV:
        return new Sgd(parameters, learningRate, 0.9f, true, weightDecay);
      case ADAM:
        return new Adam(parameters, learningRate, 0.9f, 0.999f, 1e-8f, 0f);
      case ADAMW:
        return new Adam(parameters, learningRate, 0.9f, 0.999f, 1e-8f, weightDecay);
      case RMSPROP:
        return new RmsProp(parameters, learningRate, 0.9f, 1e-7f);
      case ADADELTA:
        return new Adadelta(parameters, learningRate, 0.95f, 1e-6f);
      default:
        throw new AssertionError(this);
    }
  }
}
