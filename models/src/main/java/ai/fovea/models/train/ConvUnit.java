package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.Activations;
import ai.fovea.kernels.autodiff.BatchNorm;
import ai.fovea.kernels.autodiff.Conv2D;
import ai.fovea.kernels.autodiff.DepthwiseConv2D;
import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.conv.ConvParams;
import ai.fovea.kernels.conv.DepthwiseParams;
import ai.fovea.kernels.init.Initializer;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.zoo.NetworkBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A convolution (standard or depthwise), optionally followed by batch normalization, then an activation (NONE,
 * RELU or RELU6). With batch norm the convolution has no bias (β plays its part). Export folds the batch norm's
 * inference affine map into the filter and bias and fuses the activation into the convolution, so the unit
 * becomes one CONV_2D or DEPTHWISE_CONV_2D operator.
 */
final class ConvUnit implements Layer {
  private final boolean depthwise;
  private final Variable filter;
  private final Variable bias;
  private final BatchNorm norm;
  private final int stride;
  private final Padding padding;
  private final Activation activation;

  ConvUnit(String name, boolean depthwise, int inChannels, int outChannels, int kernel, int stride,
      Padding padding, boolean batchNorm, Activation activation, Random random) {
    if (activation != Activation.NONE && activation != Activation.RELU && activation != Activation.RELU6) {
      throw new IllegalArgumentException("trainable activations are NONE, RELU and RELU6, got " + activation);
    }
    if (depthwise && outChannels != inChannels) {
      throw new IllegalArgumentException("depthwise convolutions keep the channel count: " + inChannels
          + " -> " + outChannels);
    }
    this.depthwise = depthwise;
    Shape filterShape = depthwise ? Shape.of(1, kernel, kernel, inChannels)
        : Shape.of(outChannels, kernel, kernel, inChannels);
    float[] w = new float[filterShape.size()];
    // He fans for a depthwise filter: each output sees kernel² inputs, so draw as if [C, k, k, 1].
    Initializer.HE_NORMAL.fill(w, depthwise ? Shape.of(inChannels, kernel, kernel, 1) : filterShape, random);
    this.filter = Variable.parameter(name + "/filter", filterShape, w);
    this.bias = batchNorm ? null : Variable.parameter(name + "/bias", Shape.of(outChannels), new float[outChannels]);
    this.norm = batchNorm ? new BatchNorm(name + "/bn", outChannels, 0.1f, 1e-3f) : null;
    this.stride = stride;
    this.padding = padding;
    this.activation = activation;
  }

  @Override
  public Variable forward(Tape tape, Variable x, Pass pass) {
    ConvParams params = new ConvParams(padding, stride, stride, 1, 1, Activation.NONE);
    Variable y = depthwise
        ? DepthwiseConv2D.apply(tape, x, filter, bias, new DepthwiseParams(params, 1))
        : Conv2D.apply(tape, x, filter, bias, params);
    if (norm != null) {
      return norm.apply(tape, y, pass.training, activation);
    }
    return activation == Activation.RELU ? Activations.relu(tape, y)
        : activation == Activation.RELU6 ? Activations.relu6(tape, y) : y;
  }

  @Override
  public List<Variable> parameters() {
    List<Variable> list = new ArrayList<>(List.of(filter));
    if (bias != null) {
      list.add(bias);
    }
    if (norm != null) {
      list.add(norm.gamma());
      list.add(norm.beta());
    }
    return list;
  }

  @Override
  public List<float[]> buffers() {
    return norm == null ? List.of() : List.of(norm.runningMean(), norm.runningVariance());
  }

  @Override
  public int export(NetworkBuilder builder, int x) {
    Shape fs = filter.shape();
    int channels = depthwise ? fs.dim(3) : fs.dim(0);
    float[] w = filter.values().clone();
    float[] b = bias != null ? bias.values().clone() : new float[channels];
    if (norm != null) {
      // y = γ·(conv(x) − μ)/√(σ² + ε) + β = conv'(x) + b' with every output channel's weights scaled.
      float[] gamma = norm.gamma().values();
      float[] beta = norm.beta().values();
      float[] mean = norm.runningMean();
      float[] variance = norm.runningVariance();
      float[] scale = new float[channels];
      for (int c = 0; c < channels; c++) {
        scale[c] = gamma[c] * (float) (1 / Math.sqrt(variance[c] + norm.epsilon()));
        b[c] = (b[c] - mean[c]) * scale[c] + beta[c];
      }
      int perChannel = w.length / channels;
      for (int i = 0; i < w.length; i++) {
        w[i] *= scale[depthwise ? i % channels : i / perChannel];
      }
    }
    return depthwise ? builder.depthwise(x, fs, w, b, stride, padding, activation)
        : builder.conv(x, fs, w, b, stride, padding, activation);
  }
}
