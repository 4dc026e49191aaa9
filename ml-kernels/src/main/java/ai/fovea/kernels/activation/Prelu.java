package ai.fovea.kernels.activation;

import ai.fovea.kernels.elementwise.Broadcast;
import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.quant.QuantizedMultiplier;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Tensor;

/**
 * PRELU: {@code x ≥ 0 ? x : α·x} with α (input 1, usually one slope per channel) broadcast against the input;
 * the output keeps the input's shape. Float32 as written. Int8/uint8 with TFLite 2.6's two output multipliers,
 * {@code s_in/s_out} for a centred input ≥ 0 and {@code s_in·s_α/s_out} for the product of centred input and
 * centred α below zero, each applied with gemmlowp's double rounding, then the zero point and the type's clamp;
 * since an output depends on two bytes only, prepare tabulates all 65536 (input, α) pairs and run looks them up.
 * The optimized form walks the broadcast's runs (α fixed or advancing inside one) over the pool; the reference
 * form finds each element's α by the plain broadcast rule and computes directly.
 */
public final class Prelu implements Op {
  private static final String NAME = "PRELU";
  private static final int MIN_ELEMENTS_PER_TASK = 1 << 14;
  private final ComputePool pool;
  private final Broadcast.RunBody floatRuns = this::floatRuns;
  private final Broadcast.RunBody byteRuns = this::byteRuns;
  private Broadcast broadcast;
  private QuantizedMultiplier identity;
  private QuantizedMultiplier slope;
  private int inputOffset;
  private int alphaOffset;
  private int outputOffset;
  private boolean unsigned;
  private byte[] table;
  // The arrays of the current run() call, read by the run bodies.
  private float[] floatIn;
  private float[] floatAlpha;
  private float[] floatOut;
  private byte[] byteIn;
  private byte[] byteAlpha;
  private byte[] byteOut;

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
    if (table == null) {
      table = new byte[1 << 16];
    }
    for (int x = 0; x < 256; x++) {
      for (int a = 0; a < 256; a++) {
        table[x | a << 8] = (byte) quantized(unsigned ? x : (byte) x, unsigned ? a : (byte) a);
      }
    }
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
  public void run(Tensor[] inputs, Tensor[] outputs) {
    boolean isFloat = inputs[0].dataType() == DataType.FLOAT32;
    if (isFloat) {
      floatIn = inputs[0].floats();
      floatAlpha = inputs[1].floats();
      floatOut = outputs[0].floats();
    } else {
      byteIn = inputs[0].bytes();
      byteAlpha = inputs[1].bytes();
      byteOut = outputs[0].bytes();
    }
    Broadcast.RunBody body = isFloat ? floatRuns : byteRuns;
    pool.parallelFor(outputs[0].size(), MIN_ELEMENTS_PER_TASK, (from, to) -> broadcast.forEachRun(from, to, body));
    floatIn = floatAlpha = floatOut = null;
    byteIn = byteAlpha = byteOut = null;
  }

  private void floatRuns(int o, int i0, int a0, int n) {
    if (broadcast.stepB == 0) {
      float a = floatAlpha[a0];
      for (int i = 0; i < n; i++) {
        float x = floatIn[i0 + i];
        floatOut[o + i] = x >= 0 ? x : x * a;
      }
    } else {
      for (int i = 0; i < n; i++) {
        float x = floatIn[i0 + i];
        floatOut[o + i] = x >= 0 ? x : x * floatAlpha[a0 + i];
      }
    }
  }

  private void byteRuns(int o, int i0, int a0, int n) {
    if (broadcast.stepB == 0) {
      int row = (byteAlpha[a0] & 0xFF) << 8;
      for (int i = 0; i < n; i++) {
        byteOut[o + i] = table[row | byteIn[i0 + i] & 0xFF];
      }
    } else {
      for (int i = 0; i < n; i++) {
        byteOut[o + i] = table[(byteIn[i0 + i] & 0xFF) | (byteAlpha[a0 + i] & 0xFF) << 8];
      }
    }
  }

  @Override
  public void runReference(Tensor[] inputs, Tensor[] outputs) {
    Tensor in = inputs[0];
    Tensor alpha = inputs[1];
    Tensor out = outputs[0];
    for (int i = 0; i < out.size(); i++) {
      int a = Broadcast.sourceIndex(alpha.shape(), out.shape(), i);
      if (in.dataType() == DataType.FLOAT32) {
        float x = in.floats()[i];
        out.floats()[i] = x >= 0 ? x : x * alpha.floats()[a];
      } else {
        int x = unsigned ? in.bytes()[i] & 0xFF : in.bytes()[i];
        int y = unsigned ? alpha.bytes()[a] & 0xFF : alpha.bytes()[a];
        out.bytes()[i] = (byte) quantized(x, y);
      }
    }
  }
}
