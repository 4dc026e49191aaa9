package ai.fovea.sdk.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Order and fallback with the real Java engine and small real engines written here: one whose platform is
 * missing, and one that opens every model but fails when it runs (from its {@code failFromRun}-th run on).
 */
class EngineSelectorTest {
  /** An engine that takes any model and copies input 0 to output 0 until its session's run number {@code failFromRun}. */
  private static final class FlakyEngine implements Engine {
    private final String name;
    private final int failFromRun;
    final AtomicInteger closedSessions = new AtomicInteger();

    FlakyEngine(String name, int failFromRun) {
      this.name = name;
      this.failFromRun = failFromRun;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public EngineCapabilities capabilities() {
      return EngineCapabilities.of(Set.of("ADD", "EXP"), EnumSet.allOf(DataType.class), EnumSet.of(DataType.FLOAT32),
          "tests");
    }

    @Override
    public void probe() {}

    @Override
    public EngineSession open(EngineModel model, EngineOptions options) {
      return new AbstractEngineSession(name, model.inputs(), model.outputs()) {
        private int runs;

        @Override
        protected void execute(Tensor[] in, Tensor[] out) {
          if (++runs >= failFromRun) {
            throw new IllegalStateException("device lost");
          }
          TensorCopy.copy(in[0], out[0]);
        }

        @Override
        protected void release() {
          closedSessions.incrementAndGet();
        }
      };
    }
  }

  private static final class MissingEngine implements Engine {
    @Override
    public String name() {
      return "gpu";
    }

    @Override
    public EngineCapabilities capabilities() {
      return EngineCapabilities.of(Set.of("ADD"), EnumSet.of(DataType.FLOAT32), EnumSet.of(DataType.FLOAT32), "tests");
    }

    @Override
    public void probe() {
      throw new EngineUnavailableException("gpu", EngineUnavailableException.Reason.PLATFORM, "no GPU on this machine");
    }

    @Override
    public EngineSession open(EngineModel model, EngineOptions options) {
      throw new AssertionError("opened although the probe failed");
    }
  }

  private static EngineModel int8Add() {
    ModelBuilder b = new ModelBuilder();
    Quantization q = Quantization.perTensor(0.5f, 0);
    int x = b.addInput("x", DataType.INT8, Shape.of(1, 4), q);
    int y = b.addTensor("y", DataType.INT8, Shape.of(1, 4), q);
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.builder("AddOptions").build(), new int[] {x, x}, new int[] {y});
    b.markOutput(y);
    return EngineModel.of(b.build());
  }

  @Test
  void autoOrderPutsEnginesWithFastKernelsForTheModelFirst() {
    EngineSelector auto = EngineSelector.auto(EngineRegistry.of(new JavaEngine(), new FlakyEngine("tflite", 99),
        new MissingEngine(), new FlakyEngine("zeta", 99)));
    assertEquals(DataType.FLOAT32, TestModels.addRelu6().computeType());
    assertEquals(List.of("gpu", "tflite", "java", "zeta"), auto.order(TestModels.addRelu6()));
    assertEquals(DataType.INT8, int8Add().computeType());
    // Only java declares fast int8 kernels here: it moves ahead of the others, which keep their order.
    assertEquals(List.of("java", "gpu", "tflite", "zeta"), auto.order(int8Add()));
  }

  @Test
  void fallsBackPastAMissingPlatformAndAFirstRunFailureAndSaysWhy() {
    FlakyEngine broken = new FlakyEngine("tflite", 1);
    EngineSelector selector = EngineSelector.auto(EngineRegistry.of(new JavaEngine(), broken, new MissingEngine()));
    try (EngineSelection s = selector.open(TestModels.addRelu6(), EngineOptions.defaults())) {
      assertEquals("java", s.engineName());
      assertEquals("java", s.session().engineName());
      List<EngineAttempt> a = s.attempts();
      assertEquals(3, a.size());
      assertEquals("gpu", a.get(0).engine());
      assertEquals(EngineUnavailableException.Reason.PLATFORM, a.get(0).reason());
      assertEquals("no GPU on this machine", a.get(0).message());
      assertEquals(EngineUnavailableException.Reason.RUN_FAILED, a.get(1).reason());
      assertTrue(a.get(1).message().contains("device lost"), a.get(1).message());
      assertEquals(EngineAttempt.Outcome.SELECTED, a.get(2).outcome());
      assertEquals(1, broken.closedSessions.get(), "the failed session is closed");
    }
  }

  @Test
  void recordsTheEnginesAfterTheSelectedOneAsNotTried() {
    EngineSelector selector = EngineSelector.ordered(EngineRegistry.of(new JavaEngine(), new FlakyEngine("tflite", 99)),
        List.of("java", "tflite"));
    try (EngineSelection s = selector.open(TestModels.addRelu6(), EngineOptions.defaults())) {
      assertEquals("java", s.engineName());
      assertEquals(EngineAttempt.Outcome.NOT_TRIED, s.attempts().get(1).outcome());
      assertEquals("tflite: not tried: java comes first", s.attempts().get(1).toString());
      // The verification run fed zeros: relu6(0 + [10, 20, 30, 40]).
      assertArrayEquals(new float[] {6, 6, 6, 6}, s.verifiedOutputs()[0].floats());
    }
  }

  @Test
  void fallsBackWhenTheSelectedEngineFailsLater() {
    FlakyEngine flaky = new FlakyEngine("tflite", 3);
    EngineSelector selector = EngineSelector.ordered(EngineRegistry.of(new JavaEngine(), flaky),
        List.of("tflite", "java"));
    EngineSelection s = selector.open(TestModels.addRelu6(), EngineOptions.defaults());
    assertEquals("tflite", s.engineName());
    Tensor in = Tensor.ofFloats("x", Shape.of(1, 2, 2, 1), new float[] {1, 2, 3, 4});
    Tensor out = s.session().outputs().get(0).allocate();
    s.session().run(new Tensor[] {in}, new Tensor[] {out});
    EngineUnavailableException lost = assertThrows(EngineUnavailableException.class,
        () -> s.session().run(new Tensor[] {in}, new Tensor[] {out}));
    try (EngineSelection next = s.fallBack(lost)) {
      assertEquals(1, flaky.closedSessions.get());
      assertEquals("java", next.engineName());
      assertEquals(EngineUnavailableException.Reason.RUN_FAILED, next.attempts().get(0).reason());
      next.session().run(new Tensor[] {in}, new Tensor[] {out});
      assertArrayEquals(new float[] {6, 6, 6, 6}, out.floats());
    }
  }

  @Test
  void reportsEveryReasonWhenNoEngineCanRunTheModel() {
    EngineSelector selector = EngineSelector.ordered(EngineRegistry.of(new JavaEngine()), List.of("java", "tflite"));
    NoEngineException e = assertThrows(NoEngineException.class,
        () -> selector.open(TestModels.exp(), EngineOptions.defaults()));
    assertEquals(2, e.attempts().size());
    assertEquals(EngineUnavailableException.Reason.UNSUPPORTED_OP, e.attempts().get(0).reason());
    assertEquals(EngineUnavailableException.Reason.PLATFORM, e.attempts().get(1).reason());
    assertTrue(e.getMessage().contains("java: unsupported op: does not implement EXP"), e.getMessage());
    assertTrue(e.getMessage().contains("tflite: platform: not installed in this runtime (installed: java)"),
        e.getMessage());
  }

  @Test
  void parsesUserOptions() {
    EngineRegistry r = EngineRegistry.of(new JavaEngine());
    assertTrue(EngineSelector.parse(r, "auto").isAuto());
    assertEquals(List.of("tflite", "java"), EngineSelector.parse(r, "tflite, java").order(TestModels.exp()));
    assertThrows(IllegalArgumentException.class, () -> EngineSelector.parse(r, ""));
    assertThrows(IllegalArgumentException.class, () -> EngineSelector.parse(r, "java,,tflite"));
    assertThrows(IllegalArgumentException.class, () -> EngineSelector.parse(r, "Java"));
  }

  @Test
  void theInstalledRegistryAlwaysHasTheJavaEngine() {
    assertTrue(EngineRegistry.installed().names().contains("java"));
  }
}
