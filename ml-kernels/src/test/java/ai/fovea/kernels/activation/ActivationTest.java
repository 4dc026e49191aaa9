package ai.fovea.kernels.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
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
        Op op = new ByteLookupTable(f.name(), (i, o) -> f == UnaryFunction.LEAKY_RELU
            ? QuantizedRules.leakyRelu(0.1f, i, o)
            : f.ordinal() <= UnaryFunction.RELU_N1_TO_1.ordinal() ? QuantizedRules.clamp(f, i, o)
            : QuantizedRules.fromFloat(f, i, o));
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
    Op relu6 = new ByteLookupTable("RELU6", (i, o) -> QuantizedRules.clamp(UnaryFunction.RELU6, i, o));
    relu6.prepare(new Tensor[] {in}, new Tensor[] {out});
    relu6.run(new Tensor[] {in}, new Tensor[] {out});
    assertArrayEquals(new byte[] {0, 30, 60}, Arrays.copyOf(out.bytes(), 3));
  }

  @Test
  void floatSoftmaxRowsSumToOneAndQuantizedOutputNeedsTfliteScale() {
    Tensor in = Tensor.ofFloats("in", Shape.of(2, 3), new float[] {1, 2, 3, -5, 0, 5});
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    Softmax softmax = new Softmax(1f);
    softmax.prepare(new Tensor[] {in}, new Tensor[] {out});
    softmax.run(new Tensor[] {in}, new Tensor[] {out});
    assertEquals(1.0, out.floats()[0] + out.floats()[1] + out.floats()[2], 1e-6);
    assertEquals(0.0900306, out.floats()[0], 1e-6);
    Tensor qin = Tensor.allocate("q", DataType.INT8, Shape.of(4), Quantization.perTensor(0.1f, 0));
    Tensor bad = Tensor.allocate("o", DataType.INT8, Shape.of(4), Quantization.perTensor(0.1f, 0));
    assertThrows(OpPrepareException.class, () -> softmax.prepare(new Tensor[] {qin}, new Tensor[] {bad}));
  }
}
