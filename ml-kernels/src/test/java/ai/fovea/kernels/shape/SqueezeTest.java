package ai.fovea.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SqueezeTest {
  private final Random random = new Random(5);

  private Shape squeeze(SqueezeParams params, Shape shape) {
    Tensor in = RandomTensors.of("in", DataType.INT8, shape, random);
    Tensor out = RandomTensors.garbageOutput("out", in, shape.size(), random);
    Squeeze op = new Squeeze(params);
    op.prepare(new Tensor[] {in}, new Tensor[] {out});
    op.run(new Tensor[] {in}, new Tensor[] {out});
    RandomTensors.assertSameContents(withShape(in, out.shape()), out, "values");
    return out.shape();
  }

  @Test
  void dropsEveryExtentOneAxisWhenNoneAreNamed() {
    assertEquals(Shape.of(3, 2), squeeze(SqueezeParams.of(), Shape.of(1, 3, 1, 2, 1)));
    assertEquals(Shape.scalar(), squeeze(SqueezeParams.of(), Shape.of(1, 1)));
  }

  @Test
  void dropsOnlyTheNamedAxesCountingNegativesFromTheEndAndToleratingRepeats() {
    assertEquals(Shape.of(3, 1, 2), squeeze(SqueezeParams.of(0, -1, 4), Shape.of(1, 3, 1, 2, 1)));
  }

  @Test
  void rejectsANamedAxisThatIsNotExtentOne() {
    Tensor in = Tensor.allocate("in", DataType.FLOAT32, Shape.of(1, 3));
    Tensor out = Tensor.allocate("out", DataType.FLOAT32, Shape.of(3));
    OpPrepareException e = assertThrows(OpPrepareException.class,
        () -> new Squeeze(SqueezeParams.of(1)).prepare(new Tensor[] {in}, new Tensor[] {out}));
    assertEquals("SQUEEZE: squeeze dim 1 is not an extent-1 axis of [1,3]", e.getMessage());
  }

  private static Tensor withShape(Tensor t, Shape shape) {
    return Tensor.ofBytes("expected", t.dataType(), shape, t.quantization(), t.bytes());
  }
}
