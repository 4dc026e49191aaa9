package ai.fovea.kernels.activation;

import ai.fovea.kernels.elementwise.Broadcast;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.quant.QuantizedMultiplier;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;

/**
 * PRELU: {@code x ≥ 0 ? x : α·x} with α (input 1, usually one slope per channel) broadcast against the input;
 * the output keeps the input's shape. Float32 as written. Int8/uint8 with TFLite 2.6's two output multipliers,
 * {@code s_in/s_out} for a centred input ≥ 0 and {@code s_in·s_α/s_out} for the product of centred input and
 * centred α below zero, each applied with gemmlowp's double rounding, then the zero point and the type's clamp.
 * The optimized form walks precomputed broadcast segments (α either fixed or advancing inside one) over the
 * pool; the reference form finds each element's α from its coordinates.
 */
public final class Prelu implements Op {
  private static final String NAME = "PRELU";
  private static final int MIN_CHUNK = 1 << 14;
  private final ComputePool pool;
  private Broadcast broadcast;
  private QuantizedMultiplier identity;
  private QuantizedMultiplier slope;
  private int inputOffset;
  private int alphaOffset;
  private int outputOffset;
  private boolean unsigned;

  public Prelu(ComputePool pool) {
    if (pool == null) {
      throw new IllegalArgumentException(NAME + ": pool is required");
    }
    this.pool = pool;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 2 || outputs.length != 1 || inputs[0] == null || inputs[1] == null) {
      throw new OpPrepareException(NAME, "takes an input, an alpha and one output");
    }
    Tensor in = inputs[0];
    Tensor alpha = inputs[1];
    Tensor out = outputs[0];
    DataType t = in.dataType();
    if (!(t == DataType.FLOAT32 || t.isByte()) || alpha.dataType() != t || out.dataType() != t) {
      throw new OpPrepareException(NAME, "needs input, alpha and output of one type among FLOAT32, INT8, UINT8, got "
          + t + ", " + alpha.dataType() + ", " + out.dataType());
    }
    broadcast = Broadcast.of(NAME, in.shape(), alpha.shape());
    if (!broadcast.output.equals(in.shape())) {
      throw new OpPrepareException(NAME, "alpha " + alpha.shape() + " would broadcast input " + in.shape() + " to "
          + broadcast.output + "; the output must keep the input's shape");
    }
    if (t.isByte()) {
      prepareQuantized(in, alpha, out);
    }
    out.resize(in.shape());
  }

  private void prepareQuantized(Tensor in, Tensor alpha, Tensor out) {
    for (Tensor x : new Tensor[] {in, alpha, out}) {
      if (x.quantization().channelCount() != 1) {
        throw new OpPrepareException(NAME, x.name() + " needs per-tensor quantization, got " + x.quantization());
      }
    }
    if (!in.shape().equals(alpha.shape()) && Math.max(in.shape().rank(), alpha.shape().rank()) > 4) {
      throw new OpPrepareException(NAME, "8-bit alpha " + alpha.shape() + " broadcasts against input " + in.shape()
          + " in more than 4 dimensions, which TFLite 2.6 cannot run");
    }
    float inScale = in.quantization().scale();
    float outScale = out.quantization().scale();
    // Formed in float, then widened, as the interpreter's Prepare does.
    identity = QuantizedMultiplier.of(inScale / outScale);
    slope = QuantizedMultiplier.of(inScale * alpha.quantization().scale() / outScale);
    inputOffset = -in.quantization().zeroPoint();
    alphaOffset = -alpha.quantization().zeroPoint();
    outputOffset = out.quantization().zeroPoint();
    unsigned = in.dataType() == DataType.UINT8;
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    boolean isFloat = inputs[0].dataType() == DataType.FLOAT32;
    int n = broadcast.segmentLength;
    pool.parallelFor(broadcast.segments(), Math.max(1, MIN_CHUNK / Math.max(n, 1)), (s0, s1) -> {
      for (int s = s0; s < s1; s++) {
        if (isFloat) {
          floatSegment(inputs[0].floats(), inputs[1].floats(), outputs[0].floats(), s);
        } else {
          quantizedSegment(inputs[0].bytes(), inputs[1].bytes(), outputs[0].bytes(), s);
        }
      }
    });
  }

  private void floatSegment(float[] in, float[] alpha, float[] out, int s) {
    int n = broadcast.segmentLength;
    int i0 = broadcast.offsetA(s);
    int a0 = broadcast.offsetB(s);
    int o = s * n;
    if (broadcast.stepB == 0) {
      float a = alpha[a0];
      for (int i = 0; i < n; i++) {
        float x = in[i0 + i];
        out[o + i] = x >= 0 ? x : x * a;
      }
    } else {
      for (int i = 0; i < n; i++) {
        float x = in[i0 + i];
        out[o + i] = x >= 0 ? x : x * alpha[a0 + i];
      }
    }
  }

  private void quantizedSegment(byte[] in, byte[] alpha, byte[] out, int s) {
    int n = broadcast.segmentLength;
    int i0 = broadcast.offsetA(s);
    int a0 = broadcast.offsetB(s);
    int step = broadcast.stepB;
    int o = s * n;
    for (int i = 0; i < n; i++) {
      out[o + i] = (byte) quantized(load(in, i0 + i), load(alpha, a0 + i * step));
    }
  }

  private int load(byte[] data, int i) {
    return unsigned ? data[i] & 0xFF : data[i];
  }

  /** One output value from the stored input and alpha values. */
  private int quantized(int storedInput, int storedAlpha) {
    int x = storedInput + inputOffset;
    int v = x >= 0 ? QuantizedMultiplier.applyDoubleRounding(x, identity.multiplier, identity.shift)
        : QuantizedMultiplier.applyDoubleRounding(x * (storedAlpha + alphaOffset), slope.multiplier, slope.shift);
    v += outputOffset;
    return unsigned ? Math.max(0, Math.min(255, v)) : Math.max(-128, Math.min(127, v));
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor alpha = inputs[1];
    Tensor out = outputs[0];
    for (int i = 0; i < out.size(); i++) {
      int a = alphaIndex(out.shape(), alpha.shape(), i);
      if (in.dataType() == DataType.FLOAT32) {
        float x = in.floats()[i];
        out.floats()[i] = x >= 0 ? x : x * alpha.floats()[a];
      } else {
        out.bytes()[i] = (byte) quantized(load(in.bytes(), i), load(alpha.bytes(), a));
      }
    }
  }

  /** The element of {@code alpha} that output element {@code index} reads, by right-aligned broadcasting. */
  private static int alphaIndex(Shape out, Shape alpha, int index) {
    int a = 0;
    int stride = 1;
    int rest = index;
    for (int axis = out.rank() - 1; axis >= 0; axis--) {
      int coord = rest % out.dim(axis);
      rest /= out.dim(axis);
      int alphaAxis = axis - (out.rank() - alpha.rank());
      if (alphaAxis >= 0) {
        int d = alpha.dim(alphaAxis);
        a += (d == 1 ? 0 : coord) * stride;
        stride *= d;
      }
    }
    return a;
  }
}
