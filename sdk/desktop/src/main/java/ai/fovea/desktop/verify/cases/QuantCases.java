package ai.fovea.desktop.verify.cases;

import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.Scale;
import ai.fovea.desktop.verify.Tolerance;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Conformance cases of QUANTIZE (float → 8-bit and every 8-bit requantization pair) and DEQUANTIZE (8-bit per
 * tensor, float16 constant weights). The large float cases hold enough values that some quotients land within
 * float rounding of a half, where TFLite's double division decides. Left out: per-channel DEQUANTIZE, which
 * TFLite 2.6.2 computes with the legacy per-tensor scale (0 for per-channel tensors) and so outputs zeros; our
 * kernel dequantizes per channel, as later TFLite versions do.
 */
public final class QuantCases {
  private QuantCases() {}

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    DataType[][] pairs = {{DataType.FLOAT32, DataType.INT8}, {DataType.FLOAT32, DataType.UINT8},
        {DataType.INT8, DataType.INT8}, {DataType.UINT8, DataType.INT8}, {DataType.INT8, DataType.UINT8},
        {DataType.UINT8, DataType.UINT8},
        {DataType.INT8, DataType.FLOAT32}, {DataType.UINT8, DataType.FLOAT32}};
    float[] scales = scale == Scale.QUICK ? new float[] {0.037f} : new float[] {0.01f, 0.037f, 0.1f, 0.25f};
    Shape[] shapes = scale == Scale.QUICK ? new Shape[] {Shape.of(3, 7, 11)}
        : new Shape[] {Shape.of(3, 7, 11), Shape.of(1, 128, 128, 16)};
    for (DataType[] pair : pairs) {
      for (Shape shape : shapes) {
        for (float s : scales) {
          BuiltinOperator op = pair[1] == DataType.FLOAT32 ? BuiltinOperator.DEQUANTIZE : BuiltinOperator.QUANTIZE;
          String name = String.format("%s %s->%s %s scale %s", op, pair[0].name().toLowerCase(),
              pair[1].name().toLowerCase(), shape, s);
          cases.add(ConformanceCase.of(name, model(op, pair[0], pair[1], shape, s, name.hashCode()),
              pair[1] == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact()).withInputRange(-3f, 3f));
        }
      }
    }
    cases.add(ConformanceCase.of("DEQUANTIZE float16->float32 constant", halfModel(), Tolerance.exact()));
    return cases;
  }

  private static Quantization quantization(RandomWeights r, DataType type, float scale) {
    if (type == DataType.FLOAT32) {
      return Quantization.none();
    }
    return Quantization.perTensor(scale, (type == DataType.UINT8 ? 128 : 0) + r.bias(1, 40)[0]);
  }

  private static byte[] model(BuiltinOperator op, DataType from, DataType to, Shape shape, float scale, long seed) {
    RandomWeights r = new RandomWeights(seed);
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", from, shape, quantization(r, from, scale));
    int out = b.addTensor("output", to, shape, quantization(r, to, scale * 1.3f));
    String table = op == BuiltinOperator.QUANTIZE ? "QuantizeOptions" : "DequantizeOptions";
    b.addOperator(op, OperatorOptions.builder(table).build(), new int[] {in}, new int[] {out});
    b.markOutput(out);
    return b.build();
  }

  /** A float16 constant dequantized and multiplied into the input, the way converters ship half-precision weights. */
  private static byte[] halfModel() {
    short[] bits = {0x3C00, (short) 0xC000, 0x3555, 0x0001, (short) 0x8400, 0x7BFF, 0x0000, (short) 0xB800};
    ModelBuilder b = new ModelBuilder();
    int in = b.addInput("input", DataType.FLOAT32, Shape.of(8), Quantization.none());
    int half = b.addHalfConstant("weights", Shape.of(8), bits);
    int full = b.addTensor("weights_f32", DataType.FLOAT32, Shape.of(8));
    int out = b.addTensor("output", DataType.FLOAT32, Shape.of(8));
    b.addOperator(BuiltinOperator.DEQUANTIZE, OperatorOptions.builder("DequantizeOptions").build(), new int[] {half},
        new int[] {full});
    b.addOperator(BuiltinOperator.MUL, OperatorOptions.builder("MulOptions").build(), new int[] {in, full},
        new int[] {out});
    b.markOutput(out);
    return b.build();
  }
}
