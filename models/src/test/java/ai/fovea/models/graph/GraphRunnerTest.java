package ai.fovea.models.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import org.junit.jupiter.api.Test;

class GraphRunnerTest {
  /** A real, tiny kernel: float ADD of two same-shape tensors. */
  static final class SameShapeAdd implements Op {
    int prepares;

    @Override
    public void prepare(Tensor[] in, Tensor[] out) {
      prepares++;
      out[0].resize(in[0].shape());
    }

    @Override
    public void run(Tensor[] in, Tensor[] out) {
      float[] a = in[0].floats();
      float[] b = in[1].floats();
      float[] c = out[0].floats();
      for (int i = 0; i < in[0].size(); i++) {
        c[i] = a[i] + b[i];
      }
    }
  }

  private static TfliteModel addChain() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 3), Quantization.none());
    int k = b.addConstant("k", Shape.of(1, 3), new float[] {10, 20, 30});
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 3));
    int z = b.addTensor("z", DataType.FLOAT32, Shape.of(1, 3));
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.none(), new int[] {x, k}, new int[] {y});
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.none(), new int[] {y, k}, new int[] {z});
    b.markOutput(z);
    return TfliteReader.read(b.build());
  }

  @Test
  void runsNodesInOrderWithConstantsLoaded() {
    OpResolver resolver = OpResolver.builder().add(BuiltinOperator.ADD, (o, in, out, p) -> new SameShapeAdd()).build();
    try (GraphRunner runner = GraphRunner.builder(addChain()).resolver(resolver).build()) {
      float[] x = runner.input(0).floats();
      x[0] = 1;
      x[1] = 2;
      x[2] = 3;
      runner.run();
      assertArrayEquals(new float[] {21, 42, 63}, java.util.Arrays.copyOf(runner.output(0).floats(), 3));
    }
  }

  @Test
  void unsupportedOpFailsAtLoadNamingOpAndNode() {
    OpResolver empty = OpResolver.builder().build();
    UnsupportedOpException e =
        assertThrows(UnsupportedOpException.class, () -> GraphRunner.builder(addChain()).resolver(empty).build());
    assertTrue(e.getMessage().contains("node 0"), e.getMessage());
    assertTrue(e.getMessage().contains("ADD"), e.getMessage());
  }

  @Test
  void resizingAnInputPreparesAgainAndClosedRunnerRefusesWork() {
    SameShapeAdd[] made = new SameShapeAdd[2];
    int[] count = {0};
    OpResolver resolver = OpResolver.builder().add(BuiltinOperator.ADD, (o, in, out, p) -> {
      made[count[0]] = new SameShapeAdd();
      return made[count[0]++];
    }).build();
    GraphRunner runner = GraphRunner.builder(addChain()).resolver(resolver).threads(2).build();
    runner.resizeInput(0, Shape.of(1, 3));
    runner.run();
    assertEquals(2, made[0].prepares);
    runner.close();
    assertThrows(IllegalStateException.class, runner::run);
  }
}
