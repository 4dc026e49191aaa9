package ai.fovea.kernels.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationTest {
  private static Tensor everyByte(DataType type, Quantization q) {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    return Tensor.ofBytes("in", type, Shape.of(256), q, all);
  }

  @Test
  void lookupTableAgreesWithItsRuleOnEveryByte() {
    for (DataType type : new DataType[] {DataType.INT8, DataType.UINT8}) {
      int offset = type == DataType.UINT8 ? 128 : 0;
      Tensor in = everyByte(type, Quantization.perTensor(0.06f, offset + 3));
      for (UnaryFunction f : UnaryFunction.values()) {
        Quantization qOut = Quantization.perTensor(0.045f, offset - 5);
        if (f == UnaryFunction.LOGISTIC) {
          continue; // needs the 1/256 output scale; covered below
        }
        Op op = new ByteLookupTable(f.name(), (i, o) -> f == UnaryFunction.LEAKY_RELU
            ? QuantizedRules.leakyRelu(0.1f, i, o)
            : f == UnaryFunction.HARD_SWISH ? QuantizedHardSwish.of(i, o)
            : f.isClamp() ? QuantizedRules.clamp(f, i, o)
            : QuantizedRules.fromFloat(f, i, o), ComputePool.serial());
        Tensor fast = Tensor.allocate("f", type, Shape.of(1), qOut);
        Tensor slow = Tensor.allocate("s", type, Shape.of(1), qOut);
        op.prepare(new Tensor[] {in}, new Tensor[] {fast});
        op.run(new Tensor[] {in}, new Tensor[] {fast});
        op.prepare(new Tensor[] {in}, new Tensor[] {slow});
        op.runReference(new Tensor[] {in}, new Tensor[] {slow});
        assertArrayEquals(Arrays.copyOf(slow.bytes(), 256), Arrays.copyOf(fast.bytes(), 256), f + " " + type);
      }
    }
  }

  @Test
  void quantizedReluSixClampsAtSixInRealUnits() {
    Quantization q = Quantization.perTensor(0.1f, 0);
    Tensor in = Tensor.ofBytes("in", DataType.INT8, Shape.of(3), q, new byte[] {-20, 30, 100});
    Tensor out = Tensor.allocate("out", DataType.INT8, Shape.of(1), q);
    Op relu6 = new ByteLookupTable("RELU6", (i, o) -> QuantizedRules.clamp(UnaryFunction.RELU6, i, o),
        ComputePool.serial());
    relu6.prepare(new Tensor[] {in}, new Tensor[] {out});
    relu6.run(new Tensor[] {in}, new Tensor[] {out});
    assertArrayEquals(new byte[] {0, 30, 60}, Arrays.copyOf(out.bytes(), 3));
  }

  @Test
  void logisticRoundsSigmoidOnTheFixedOutputScaleAndRejectsAnyOther() {
    Tensor in = everyByte(DataType.INT8, Quantization.perTensor(0.1f, 0));
    Op logistic = new ByteLookupTable("LOGISTIC", (i, o) -> QuantizedRules.fromFloat(UnaryFunction.LOGISTIC, i, o),
        ComputePool.serial());
    Tensor out = Tensor.allocate("o", DataType.INT8, Shape.of(1), Quantization.perTensor(1f / 256, -128));
    logistic.prepare(new Tensor[] {in}, new Tensor[] {out});
    logistic.run(new Tensor[] {in}, new Tensor[] {out});
    // sigmoid(0, 0.1, 0.2) = 0.5, 0.52498, 0.54983 -> 128, 134.4, 140.8 on 1/256 -> minus 128
    assertArrayEquals(new byte[] {0, 6, 13}, Arrays.copyOf(out.bytes(), 3));
    Tensor other = Tensor.allocate("o", DataType.INT8, Shape.of(1), Quantization.perTensor(1f / 128, -128));
    assertThrows(OpPrepareException.class, () -> logistic.prepare(new Tensor[] {in}, new Tensor[] {other}));
  }

  @Test
  void largeTensorsSplitOverThePoolAndStillMatchTheRule() {
    try (ComputePool pool = new ComputePool(2)) {
      Random random = new Random(5);
      Quantization q = Quantization.perTensor(0.07f, 4);
      Tensor in = Tensor.allocate("in", DataType.INT8, Shape.of(3, 300, 400), q);
      random.nextBytes(in.bytes());
      Op tanh = new ByteLookupTable("TANH", (i, o) -> QuantizedRules.fromFloat(UnaryFunction.TANH, i, o), pool);
      Tensor fast = Tensor.allocate("f", DataType.INT8, Shape.of(1), Quantization.perTensor(1f / 128, 0));
      Tensor slow = Tensor.allocate("s", DataType.INT8, Shape.of(1), Quantization.perTensor(1f / 128, 0));
      tanh.prepare(new Tensor[] {in}, new Tensor[] {fast});
      tanh.run(new Tensor[] {in}, new Tensor[] {fast});
      tanh.prepare(new Tensor[] {in}, new Tensor[] {slow});
      tanh.runReference(new Tensor[] {in}, new Tensor[] {slow});
      assertArrayEquals(Arrays.copyOf(slow.bytes(), in.size()), Arrays.copyOf(fast.bytes(), in.size()));
    }
  }
}
