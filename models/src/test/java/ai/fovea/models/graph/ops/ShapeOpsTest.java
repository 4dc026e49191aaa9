package ai.fovea.models.graph.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class ShapeOpsTest {
  private static GraphRunner runner(ModelBuilder b) {
    return GraphRunner.builder(TfliteReader.read(b.build())).build();
  }

  @Test
  void readsStridedSliceMasksThroughTheFile() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(2, 3), Quantization.none());
    int begin = b.addConstant("begin", Shape.of(2), Quantization.none(), new int[] {1, 0});
    int end = b.addConstant("end", Shape.of(2), Quantization.none(), new int[] {2, 0});
    int strides = b.addConstant("strides", Shape.of(2), Quantization.none(), new int[] {1, -1});
    int y = b.addTensor("y", DataType.FLOAT32, Shape.of(3));
    OperatorOptions masks = OperatorOptions.builder("StridedSliceOptions")
        .set("begin_mask", 2).set("end_mask", 2).set("shrink_axis_mask", 1).build();
    b.addOperator(BuiltinOperator.STRIDED_SLICE, masks, new int[] {x, begin, end, strides}, new int[] {y});
    b.markOutput(y);
    try (GraphRunner r = runner(b)) {
      System.arraycopy(new float[] {0, 1, 2, 3, 4, 5}, 0, r.input(0).floats(), 0, 6);
      r.run();
      assertEquals(Shape.of(3), r.output(0).shape());
      assertArrayEquals(new float[] {5, 4, 3}, Arrays.copyOf(r.output(0).floats(), 3));
    }
  }

  @Test
  void picksTheBilinearKernelByTypeAndReadsItsFlags() {
    for (DataType type : new DataType[] {DataType.INT8, DataType.UINT8}) {
      ModelBuilder b = new ModelBuilder();
      Quantization q = Quantization.perTensor(1f, 0);
      int x = b.addInput("x", type, Shape.of(1, 1, 2, 1), q);
      int size = b.addConstant("size", Shape.of(2), Quantization.none(), new int[] {1, 4});
      int y = b.addTensor("y", type, Shape.of(1, 1, 4, 1), q);
      b.addOperator(BuiltinOperator.RESIZE_BILINEAR,
          OperatorOptions.builder("ResizeBilinearOptions").set("half_pixel_centers", true).build(),
          new int[] {x, size}, new int[] {y});
      b.markOutput(y);
      try (GraphRunner r = runner(b)) {
        r.input(0).bytes()[1] = 2;
        r.run();
        // Samples at -0.25, 0.25, 0.75, 1.25 of {0, 2}: 0.5 and 1.5 round up as UINT8 (float path) and as INT8.
        assertArrayEquals(new byte[] {0, 1, 2, 2}, Arrays.copyOf(r.output(0).bytes(), 4), type.toString());
      }
    }
  }

  @Test
  void readsAbsentReshapeOptionsAsAScalarShape() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.INT64, Shape.of(1, 1), Quantization.none());
    int y = b.addTensor("y", DataType.INT64, Shape.scalar());
    b.addOperator(BuiltinOperator.RESHAPE, OperatorOptions.none(), new int[] {x}, new int[] {y});
    b.markOutput(y);
    try (GraphRunner r = runner(b)) {
      r.input(0).longs()[0] = 42;
      r.run();
      assertEquals(Shape.scalar(), r.output(0).shape());
      assertEquals(42, r.output(0).longs()[0]);
    }
  }

  @Test
  void rejectsArgMaxWithoutAnIndexOutputTypeAndResizesOfOtherTypes() {
    ModelBuilder b = new ModelBuilder();
    int x = b.addInput("x", DataType.FLOAT32, Shape.of(1, 3), Quantization.none());
    int axis = b.addConstant("axis", Shape.of(1), Quantization.none(), new int[] {1});
    int y = b.addTensor("y", DataType.INT32, Shape.of(1));
    b.addOperator(BuiltinOperator.ARG_MAX, OperatorOptions.none(), new int[] {x, axis}, new int[] {y});
    b.markOutput(y);
    UnsupportedOpException e = assertThrows(UnsupportedOpException.class, () -> runner(b));
    assertTrue(e.getMessage().contains("output_type must be INT32 or INT64"), e.getMessage());

    ModelBuilder ints = new ModelBuilder();
    int xi = ints.addInput("x", DataType.INT32, Shape.of(1, 1, 1, 1), Quantization.none());
    int size = ints.addConstant("size", Shape.of(2), Quantization.none(), new int[] {2, 2});
    int yi = ints.addTensor("y", DataType.INT32, Shape.of(1, 2, 2, 1));
    ints.addOperator(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, OperatorOptions.none(), new int[] {xi, size}, new int[] {yi});
    ints.markOutput(yi);
    assertThrows(UnsupportedOpException.class, () -> runner(ints));
  }
}
