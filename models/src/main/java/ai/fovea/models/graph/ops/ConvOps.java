package ai.fovea.models.graph.ops;

import ai.fovea.kernels.conv.Conv2DFloat;
import ai.fovea.kernels.conv.Conv2DInt8;
import ai.fovea.kernels.conv.ConvParams;
import ai.fovea.kernels.conv.DepthwiseConv2DFloat;
import ai.fovea.kernels.conv.DepthwiseConv2DInt8;
import ai.fovea.kernels.conv.DepthwiseParams;
import ai.fovea.kernels.conv.FullyConnectedFloat;
import ai.fovea.kernels.conv.FullyConnectedInt8;
import ai.fovea.kernels.conv.FullyConnectedParams;
import ai.fovea.kernels.conv.TransposeConvFloat;
import ai.fovea.kernels.conv.TransposeConvInt8;
import ai.fovea.kernels.conv.TransposeConvParams;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.models.graph.OpResolver;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.OperatorOptions;

/** Registers the kernels of ml-kernels' {@code conv} package with the resolver. */
public final class ConvOps {
  private ConvOps() {}

  public static void register(OpResolver.Builder b) {
    b.add(BuiltinOperator.CONV_2D, (options, in, out, pool) -> {
      ConvParams p = convParams(options, options.intValue("dilation_h_factor"), options.intValue("dilation_w_factor"));
      switch (OpTypes.of(in[0])) {
        case FLOAT32:
          return new Conv2DFloat(p, pool);
        case INT8:
        case UINT8:
          return new Conv2DInt8(p, pool);
        default:
          throw OpTypes.unsupported("CONV_2D", in[0]);
      }
    });
    registerDepthwise(b);
    registerFullyConnected(b);
    registerTransposeConv(b);
  }

  private static void registerDepthwise(OpResolver.Builder b) {
    b.add(BuiltinOperator.DEPTHWISE_CONV_2D, (options, in, out, pool) -> {
      DepthwiseParams p = new DepthwiseParams(convParams(options, options.intValue("dilation_h_factor"),
          options.intValue("dilation_w_factor")), Math.max(1, options.intValue("depth_multiplier")));
      switch (OpTypes.of(in[0])) {
        case FLOAT32:
          return new DepthwiseConv2DFloat(p, pool);
        case INT8:
        case UINT8:
          return new DepthwiseConv2DInt8(p, pool);
        default:
          throw OpTypes.unsupported("DEPTHWISE_CONV_2D", in[0]);
      }
    });
  }

  private static void registerFullyConnected(OpResolver.Builder b) {
    b.add(BuiltinOperator.FULLY_CONNECTED, (options, in, out, pool) -> {
      if (options.intValue("weights_format") != 0) {
        throw new UnsupportedOpException("FULLY_CONNECTED with shuffled weights is not supported");
      }
      FullyConnectedParams p = new FullyConnectedParams(
          Activation.fromTfliteCode(options.intValue("fused_activation_function")), options.boolValue("keep_num_dims"));
      switch (OpTypes.of(in[0])) {
        case FLOAT32:
          return new FullyConnectedFloat(p, pool);
        case INT8:
        case UINT8:
          return new FullyConnectedInt8(p, pool);
        default:
          throw OpTypes.unsupported("FULLY_CONNECTED", in[0]);
      }
    });
  }

  private static void registerTransposeConv(OpResolver.Builder b) {
    b.add(BuiltinOperator.TRANSPOSE_CONV, (options, in, out, pool) -> {
      if (in.length < 3) {
        throw new UnsupportedOpException("TRANSPOSE_CONV needs output_shape, weights and input, got " + in.length
            + " inputs");
      }
      TransposeConvParams p = new TransposeConvParams(padding(options.intValue("padding")),
          options.intValue("stride_h"), options.intValue("stride_w"));
      switch (OpTypes.of(in[2])) {
        case FLOAT32:
          return new TransposeConvFloat(p, pool);
        case INT8:
        case UINT8:
          return new TransposeConvInt8(p, pool);
        default:
          throw OpTypes.unsupported("TRANSPOSE_CONV", in[2]);
      }
    });
  }

  static ConvParams convParams(OperatorOptions o, int dilationH, int dilationW) {
    return new ConvParams(padding(o.intValue("padding")), o.intValue("stride_h"), o.intValue("stride_w"), dilationH,
        dilationW, Activation.fromTfliteCode(o.intValue("fused_activation_function")));
  }

  static Padding padding(int code) {
    switch (code) {
      case 0:
        return Padding.SAME;
      case 1:
        return Padding.VALID;
      default:
        throw new UnsupportedOpException("unknown padding " + code);
    }
  }
}
