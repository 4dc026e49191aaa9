package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** DEPTH_TO_SPACE on a hand-checked example and its refusals; TFLite agreement is in ./fovea verify. */
class DepthToSpaceTest {
  @Test
  void spreadsEachPixelsChannelsOverABlock() {
    // One 1×2 pixel row, 8 channels = block 2 × block 2 × 2 channels.
    float[] in = new float[16];
    for (int i = 0; i < 16; i++) {
      in[i] = i;
    }
    Tensor input = Tensor.ofFloats("in", Shape.of(1, 1, 2, 8), in);
    Tensor output = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    DepthToSpace op = new DepthToSpace(2);
    op.prepare(new Tensor[] {input}, new Tensor[] {output});
    op.run(new Tensor[] {input}, new Tensor[] {output});
    assertEquals(Shape.of(1, 2, 4, 2), output.shape());
    // Row 0: pixel 0's (dy 0, dx 0), (0, 1), then pixel 1's; row 1: the dy = 1 halves.
    assertArrayEquals(new float[] {0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7, 12, 13, 14, 15}, output.floats());
  }

  @Test
  void refusesWhatDoesNotFit() {
    Tensor odd = Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 2, 2, 6));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(1));
    assertThrows(OpPrepareException.class, () -> new DepthToSpace(2).prepare(new Tensor[] {odd}, new Tensor[] {out}));
    Tensor q = Tensor.allocate("in", DataType.INT8, Shape.of(1, 2, 2, 4), Quantization.perTensor(0.1f, 0));
    Tensor other = Tensor.allocate("out", DataType.INT8, Shape.of(1), Quantization.perTensor(0.2f, 0));
    assertThrows(OpPrepareException.class, () -> new DepthToSpace(2).prepare(new Tensor[] {q}, new Tensor[] {other}));
    assertThrows(IllegalArgumentException.class, () -> new DepthToSpace(0));
  }
}
