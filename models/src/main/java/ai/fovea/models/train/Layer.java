package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.models.zoo.NetworkBuilder;
import java.util.List;

/**
 * One stage of a {@link Network}: its forward pass on a tape, the trainable parameters and the non-trained state
 * (batch-norm running statistics) that checkpoints keep, and its inference form written as TFLite operators.
 */
interface Layer {
  /** This layer's output for a batch. */
  Variable forward(Tape tape, Variable x, Pass pass);

  /** Trainable parameters, in a fixed order. */
  List<Variable> parameters();

  /** State arrays updated by training but not by the optimizer, in a fixed order (live, not copies). */
  List<float[]> buffers();

  /** Appends the inference form of this layer after tensor {@code x}; returns its output tensor. */
  int export(NetworkBuilder builder, int x);
}
