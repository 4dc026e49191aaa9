package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.Activations;
import ai.fovea.kernels.autodiff.Add;
import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.models.zoo.NetworkBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * ResNet's basic block: 3×3 conv-BN-ReLU, 3×3 conv-BN, plus the shortcut (the input itself, or a 1×1 conv-BN
 * when the stride or channel count changes), then ReLU. Exported as two or three folded convolutions and an
 * ADD with the ReLU fused.
 */
final class ResidualBlock implements Layer {
  private final ConvUnit first;
  private final ConvUnit second;
  private final ConvUnit projection;

  ResidualBlock(String name, int inChannels, int outChannels, int stride, Random random) {
    this.first = new ConvUnit(name + "/conv1", false, inChannels, outChannels, 3, stride, Padding.SAME, true,
        Activation.RELU, random);
    this.second = new ConvUnit(name + "/conv2", false, outChannels, outChannels, 3, 1, Padding.SAME, true,
        Activation.NONE, random);
    this.projection = stride == 1 && inChannels == outChannels ? null
        : new ConvUnit(name + "/shortcut", false, inChannels, outChannels, 1, stride, Padding.SAME, true,
            Activation.NONE, random);
  }

  @Override
  public Variable forward(Tape tape, Variable x, Pass pass) {
    Variable branch = second.forward(tape, first.forward(tape, x, pass), pass);
    Variable shortcut = projection == null ? x : projection.forward(tape, x, pass);
    return Activations.relu(tape, Add.apply(tape, branch, shortcut));
  }

  @Override
  public List<Variable> parameters() {
    List<Variable> list = new ArrayList<>(first.parameters());
    list.addAll(second.parameters());
    if (projection != null) {
      list.addAll(projection.parameters());
    }
    return list;
  }

  @Override
  public List<float[]> buffers() {
    List<float[]> list = new ArrayList<>(first.buffers());
    list.addAll(second.buffers());
    if (projection != null) {
      list.addAll(projection.buffers());
    }
    return list;
  }

  @Override
  public int export(NetworkBuilder builder, int x) {
    int branch = second.export(builder, first.export(builder, x));
    int shortcut = projection == null ? x : projection.export(builder, x);
    return builder.add(branch, shortcut, Activation.RELU);
  }
}
