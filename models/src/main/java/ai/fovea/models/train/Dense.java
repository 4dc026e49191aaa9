package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.Activations;
import ai.fovea.kernels.autodiff.FullyConnected;
import ai.fovea.kernels.autodiff.Reshape;
import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.init.Initializer;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.zoo.NetworkBuilder;
import java.util.List;
import java.util.Random;

/**
 * A fully connected layer with bias and an activation (NONE or RELU), flattening an image input first
 * (exported as a RESHAPE to [batch, depth]).
 */
final class Dense implements Layer {
  private final Variable weights;
  private final Variable bias;
  private final Activation activation;

  Dense(String name, int inputs, int units, Activation activation, Random random) {
    if (activation != Activation.NONE && activation != Activation.RELU) {
      throw new IllegalArgumentException("dense activations are NONE and RELU, got " + activation);
    }
    Initializer init = activation == Activation.RELU ? Initializer.HE_NORMAL : Initializer.GLOROT_UNIFORM;
    this.weights = init.parameter(name + "/weights", Shape.of(units, inputs), random);
    this.bias = Variable.parameter(name + "/bias", Shape.of(units), new float[units]);
    this.activation = activation;
  }

  @Override
  public Variable forward(Tape tape, Variable x, Pass pass) {
    Variable flat = x.shape().rank() == 2 ? x : Reshape.flatten(tape, x);
    Variable y = FullyConnected.apply(tape, flat, weights, bias);
    return activation == Activation.RELU ? Activations.relu(tape, y) : y;
  }

  @Override
  public List<Variable> parameters() {
    return List.of(weights, bias);
  }

  @Override
  public List<float[]> buffers() {
    return List.of();
  }

  @Override
  public int export(NetworkBuilder builder, int x) {
    Shape in = builder.shape(x);
    int flat = in.rank() == 2 ? x : builder.reshape(x, in.dim(0), in.sizeFrom(1));
    return builder.fullyConnected(flat, weights.shape(), weights.values(), bias.values(), activation);
  }
}
