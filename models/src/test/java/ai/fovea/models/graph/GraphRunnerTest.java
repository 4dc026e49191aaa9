package ai.fovea.models.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.ModelFormatException;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.TfliteModel;
import ai.fovea.models.tflite.TfliteReader;
import java.util.Random;
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

  @Test
  void constantsOfEveryStoredTypeAreFilledFromTheirBuffers() {
    ModelBuilder b = new ModelBuilder();
    int f32 = b.addConstant("f32", Shape.of(2), new float[] {1.5f, -2f});
    int i8 = b.addConstant("i8", DataType.INT8, Shape.of(2), Quantization.perTensor(0.5f, 1), new byte[] {-3, 4});
    int u8 = b.addConstant("u8", DataType.UINT8, Shape.of(2), Quantization.perTensor(0.5f, 128),
        new byte[] {(byte) 200, 7});
    int i32 = b.addConstant("i32", Shape.of(2), Quantization.none(), new int[] {70000, -1});
    int i64 = b.addConstant("i64", Shape.of(2), new long[] {1L << 40, -5});
    int f16 = b.addHalfConstant("f16", Shape.of(2), new short[] {0x3c00, (short) 0xc000});
    for (int t : new int[] {f32, i8, u8, i32, i64, f16}) {
      b.markOutput(t);
    }
    try (GraphRunner runner = GraphRunner.builder(TfliteReader.read(b.build())).resolver(OpResolver.builder().build())
        .build()) {
      assertArrayEquals(new float[] {1.5f, -2f}, runner.output(0).floats());
      assertArrayEquals(new byte[] {-3, 4}, runner.output(1).bytes());
      assertEquals(200, runner.output(2).bytes()[0] & 0xFF);
      assertEquals(0.5f, runner.output(2).quantization().scale());
      assertArrayEquals(new int[] {70000, -1}, runner.output(3).ints());
      assertArrayEquals(new long[] {1L << 40, -5}, runner.output(4).longs());
      assertArrayEquals(new short[] {0x3c00, (short) 0xc000}, runner.output(5).halfs());
    }
  }

  @Test
  void controlFlowOperatorsAreRejectedAtLoadNamingTheNode() {
    ModelBuilder b = new ModelBuilder();
    int cond = b.addInput("cond", DataType.INT32, Shape.of(1), Quantization.none());
    int out = b.addTensor("out", DataType.INT32, Shape.of(1));
    b.addOperator(BuiltinOperator.WHILE, OperatorOptions.builder("WhileOptions").build(), new int[] {cond},
        new int[] {out});
    b.markOutput(out);
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> GraphRunner.builder(TfliteReader.read(b.build())).build());
    assertTrue(e.getMessage().contains("node 0 (WHILE): runs other subgraphs"), e.getMessage());
  }

  @Test
  void optionValuesAKernelRejectsFailAtLoadNamingTheNode() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 3), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 3));
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.builder("AddOptions").set("fused_activation_function", 99)
        .build(), new int[] {x, x}, new int[] {y});
    b.markOutput(y);
    OpResolver resolver = OpResolver.builder().add(BuiltinOperator.ADD, (o, in, out, p) -> {
      if (o.intValue("fused_activation_function") != 0) {
        throw new IllegalArgumentException("unknown fused activation " + o.intValue("fused_activation_function"));
      }
      return new SameShapeAdd();
    }).build();
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class,
        () -> GraphRunner.builder(TfliteReader.read(b.build())).resolver(resolver).build());
    assertTrue(e.getMessage().startsWith("node 0 (ADD): unknown fused activation 99"), e.getMessage());
  }

  @Test
  void prepareFailuresNameTheNode() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 6), Quantization.none());
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(4, 4));
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions").set("new_shape",
        new int[] {4, 4}).build(), new int[] {x}, new int[] {y});
    b.markOutput(y);
    OpPrepareException e = assertThrows(OpPrepareException.class,
        () -> GraphRunner.builder(TfliteReader.read(b.build())).build());
    assertTrue(e.getMessage().startsWith("node 0 (RESHAPE): "), e.getMessage());
  }

  /**
   * Byte mutants of a small float model that still read as valid models either load and run with the built-in
   * kernels or fail at load with the two typed exceptions; nothing else escapes.
   */
  @Test
  void validMutantsLoadAndRunOrFailWithTypedExceptions() {
    byte[] base = floatModel();
    Random random = new Random(99);
    int ran = 0;
    for (int i = 0; i < 1500; i++) {
      byte[] mutant = base.clone();
      for (int c = 1 + random.nextInt(3); c > 0; c--) {
        mutant[random.nextInt(mutant.length)] = (byte) random.nextInt(256);
      }
      TfliteModel m;
      try {
        m = TfliteReader.read(mutant);
      } catch (ModelFormatException e) {
        continue;
      }
      try (GraphRunner runner = GraphRunner.builder(m).build()) {
        runner.run();
        ran++;
      } catch (UnsupportedOpException | OpPrepareException e) {
        // rejected at load, as promised
      }
    }
    assertTrue(ran > 0, "no mutant ran; the test lost its power");
  }

  private static byte[] floatModel() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 4, 4, 2), Quantization.none());
    float[] weights = new float[3 * 3 * 3 * 2];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (i % 7 - 3) * 0.1f;
    }
    int w = b.addConstant("w", Shape.of(3, 3, 3, 2), weights);
    int bias = b.addConstant("b", Shape.of(3), new float[] {0.1f, -0.2f, 0.3f});
    int conv = b.addTensor("conv", DataType.FLOAT32, Shape.of(1, 2, 2, 3));
    int shape = b.addConstant("shape", Shape.of(2), Quantization.none(), new int[] {1, 12});
    int flat = b.addTensor("flat", DataType.FLOAT32, Shape.of(1, 12));
    int sum = b.addTensor("sum", DataType.FLOAT32, Shape.of(1, 12));
    b.addOperator(BuiltinOperator.CONV_2D, OperatorOptions.builder("Conv2DOptions").set("padding", 1)
        .set("stride_w", 1).set("stride_h", 1).build(), new int[] {x, w, bias}, new int[] {conv});
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.builder("ReshapeOptions").set("new_shape",
        new int[] {1, 12}).build(), new int[] {conv, shape}, new int[] {flat});
    b.addOperator(BuiltinOperator.ADD, OperatorOptions.none(), new int[] {flat, flat}, new int[] {sum});
    b.markOutput(sum);
    return b.build();
  }
}
