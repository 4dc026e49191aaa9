package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.Dropout;
import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.models.zoo.NetworkBuilder;
import java.util.List;

/** Inverted dropout: active in training passes only, the identity in inference and in the exported model. */
final class DropoutLayer implements Layer {
  private final float rate;

  DropoutLayer(float rate) {
    if (!(rate >= 0f && rate < 1f)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
  }

  @Override
  public Variable forward(Tape tape, Variable x, Pass pass) {
    return Dropout.apply(tape, x, rate, pass.random, pass.training);
  }

  @Override
  public List<Variable> parameters() {
    return List.of();
  }

  @Override
  public List<float[]> buffers() {
    return List.of();
  }

  @Override
  public int export(NetworkBuilder builder, int x) {
    return x;
  }
}
