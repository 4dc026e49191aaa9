package ai.fovea.sdk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JavaEngineTest {
  @Test
  void runsAModelAndCopiesOutputsOut() {
    try (EngineSession session = new JavaEngine().open(TestModels.addRelu6(), EngineOptions.defaults())) {
      assertEquals("java", session.engineName());
      assertEquals(Shape.of(1, 2, 2, 1), session.inputs().get(0).shape());
      Tensor out = session.outputs().get(0).allocate();
      session.run(new Tensor[] {Tensor.ofFloats("x", Shape.of(1, 2, 2, 1), new float[] {-20, -15.5f, -25, 1})},
          new Tensor[] {out});
      assertArrayEquals(new float[] {0, 4.5f, 5, 6}, out.floats());
    }
  }

  @Test
  void resizesAnOutputOfAnotherShape() {
    try (EngineSession session = new JavaEngine().open(TestModels.addRelu6(), EngineOptions.threads(2))) {
      Tensor out = Tensor.allocate("y", DataType.FLOAT32, Shape.of(1));
      session.run(new Tensor[] {session.inputs().get(0).allocate()}, new Tensor[] {out});
      assertEquals(Shape.of(1, 2, 2, 1), out.shape());
      assertArrayEquals(new float[] {6, 6, 6, 6}, Arrays.copyOf(out.floats(), 4));
    }
  }

  @Test
  void refusesAnOpItLacksNamingIt() {
    EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
        () -> new JavaEngine().open(TestModels.exp(), EngineOptions.defaults()));
    assertEquals(EngineUnavailableException.Reason.UNSUPPORTED_OP, e.reason());
    assertTrue(e.getMessage().contains("EXP"), e.getMessage());
    assertThrows(EngineUnavailableException.class,
        () -> new JavaEngine().capabilities().check("java", TestModels.exp()));
  }

  @Test
  void rejectsTensorsThatDoNotFitAndRunsAfterCloseFail() {
    EngineSession session = new JavaEngine().open(TestModels.addRelu6(), EngineOptions.defaults());
    Tensor out = session.outputs().get(0).allocate();
    assertThrows(IllegalArgumentException.class,
        () -> session.run(new Tensor[] {Tensor.allocate("x", DataType.FLOAT32, Shape.of(1, 4))}, new Tensor[] {out}));
    assertThrows(IllegalArgumentException.class,
        () -> session.run(new Tensor[] {session.inputs().get(0).allocate()},
            new Tensor[] {Tensor.allocate("y", DataType.INT8, Shape.of(1, 2, 2, 1))}));
    assertThrows(IllegalArgumentException.class, () -> session.run(null, new Tensor[] {out}));
    session.close();
    session.close();
    assertThrows(IllegalStateException.class,
        () -> session.run(new Tensor[] {session.inputs().get(0).allocate()}, new Tensor[] {out}));
  }

  @Test
  void declaresItsKernelsOpsAndFastTypes() {
    EngineCapabilities c = new JavaEngine().capabilities();
    assertTrue(c.operators().contains("CONV_2D") && c.operators().contains("SOFTMAX"));
    assertTrue(!c.operators().contains("EXP"));
    assertTrue(c.fastTypes().contains(DataType.INT8) && c.fastTypes().contains(DataType.FLOAT32));
  }
}
