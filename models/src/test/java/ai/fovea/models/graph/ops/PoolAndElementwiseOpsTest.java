package ai.fovea.models.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.graph.GraphRunner;
import ai.fovea.models.graph.UnsupportedOpException;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import ai.fovea.models.tflite.TfliteReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The pool and element-wise registrations read their options through the file and pick kernels by type. */
class PoolAndElementwiseOpsTest {
  private static GraphRunner runner(ModelBuilder b) {
    return GraphRunner.builder(TfliteReader.read(b.build())).build();
  }

  @Test
  void meanReadsKeepDimsAndItsConstantAxes() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 2, 2, 1), Quantization.none());
    int axes = b.addConstant("axes", Shape.of(2), Quantization.none(), new int[] {1, 2});
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(1, 1, 1, 1));
    b.addOperator(BuiltinOperator.MEAN, OperatorOptions.builder("ReducerOptions").set("keep_dims", true).build(),
        new int[] {x, axes}, new int[] {y});
    b.markOutput(y);
    try (GraphRunner r = runner(b)) {
      System.arraycopy(new float[] {1, 2, 3, 6}, 0, r.input(0).floats(), 0, 4);
      r.run();
      assertEquals(Shape.of(1, 1, 1, 1), r.output(0).shape());
      assertEquals(3f, r.output(0).floats()[0]);
    }
  }

  @Test
  void concatenationReadsItsAxisAndRejectsAFusedActivation() {
    for (Activation act : new Activation[] {Activation.NONE, Activation.RELU}) {
      ModelBuilder b = new ModelBuilder();
      Quantization q = Quantization.perTensor(0.5f, 1);
      int x = b.addInput("x", DataType.UINT8, Shape.of(2, 1), q);
      int z = b.addInput("z", DataType.UINT8, Shape.of(2, 2), q);
      int y = b.addTensor("y", DataType.UINT8, Shape.of(2, 3), q);
      b.addOperator(BuiltinOperator.CONCATENATION, OperatorOptions.builder("ConcatenationOptions").set("axis", -1)
          .set("fused_activation_function", act.tfliteCode()).build(), new int[] {x, z}, new int[] {y});
      b.markOutput(y);
      if (act != Activation.NONE) {
        assertThrows(UnsupportedOpException.class, () -> runner(b));
        continue;
      }
      try (GraphRunner r = runner(b)) {
        r.input(0).bytes()[1] = 9;
        r.input(1).bytes()[3] = 7;
        r.run();
        assertArrayEquals(new byte[] {0, 0, 0, 9, 0, 7}, Arrays.copyOf(r.output(0).bytes(), 6));
      }
    }
  }

  @Test
  void arithmeticWithoutOptionsFusesNothingAndPicksTheInt32Kernel() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.INT32, Shape.of(2), Quantization.none());
    int z = b.addConstant("z", Shape.of(1), Quantization.none(), new int[] {-10});
    int y = b.addTensor("y", DataType.INT32, Shape.of(2));
    b.addOperator(BuiltinOperator.MUL, OperatorOptions.none(), new int[] {x, z}, new int[] {y});
    b.markOutput(y);
    try (GraphRunner r = runner(b)) {
      System.arraycopy(new int[] {3, -4}, 0, r.input(0).ints(), 0, 2);
      r.run();
      assertArrayEquals(new int[] {-30, 40}, Arrays.copyOf(r.output(0).ints(), 2));
    }
  }

  @Test
  void poolsPickTheByteKernelAndRejectUnsupportedTypes() {
    for (DataType type : new DataType[] {DataType.INT8, DataType.INT32}) {
      ModelBuilder b = new ModelBuilder();
      Quantization q = type == DataType.INT8 ? Quantization.perTensor(1f, 0) : Quantization.none();
      int x = b.addInput("x", type, Shape.of(1, 2, 2, 1), q);
      int y = b.addTensor("y", type, Shape.of(1, 1, 1, 1), q);
      b.addOperator(BuiltinOperator.MAX_POOL_2D, OperatorOptions.builder("Pool2DOptions").set("padding", 1)
          .set("stride_w", 2).set("stride_h", 2).set("filter_width", 2).set("filter_height", 2).build(),
          new int[] {x}, new int[] {y});
      b.markOutput(y);
      if (type == DataType.INT32) {
        assertThrows(UnsupportedOpException.class, () -> runner(b));
        continue;
      }
      try (GraphRunner r = runner(b)) {
        System.arraycopy(new byte[] {-5, 3, -1, 2}, 0, r.input(0).bytes(), 0, 4);
        r.run();
        assertEquals(3, r.output(0).bytes()[0]);
      }
    }
  }
}
