package ai.fovea.desktop.verify.cases;

import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.Scale;
import ai.fovea.desktop.verify.Tolerance;
import ai.fovea.kernels.tensor.DataType;
import ai.fovea.kernels.tensor.Quantization;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.models.tflite.BuiltinOperator;
import ai.fovea.models.tflite.ModelBuilder;
import ai.fovea.models.tflite.OperatorOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Conformance cases of the shape family against the real interpreter: RESHAPE, SQUEEZE, TRANSPOSE, PAD, DEPTH_TO_SPACE,
 * STRIDED_SLICE, ARG_MAX, RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR over their types and options. Integer
 * outputs must be bit-exact; float outputs get the suite's 1e-5, though these ops move values or repeat
 * TFLite's float arithmetic step by step and so match bit for bit.
 *
 * <p>Left out because TFLite 2.6.2 rejects or mis-runs them (each checked against the interpreter): TRANSPOSE
 * with negative perm entries, TRANSPOSE and STRIDED_SLICE beyond 5-D, PAD beyond 5-D or with INT64 paddings (read as INT32), RESIZE_BILINEAR with
 * both align_corners and half_pixel_centers, RESIZE_NEAREST_NEIGHBOR and ARG_MAX on INT64 (and nearest on
 * INT32), ARG_MAX without options; STRIDED_SLICE shrinking an axis with a negative stride or at an index outside
 * the axis (TFLite leaves the output unwritten or reads outside the input). Slices with an empty result are left
 * out because the TFLite Java API cannot return a zero-byte output.
 */
public final class ShapeCases {
  private static final DataType[] MOVABLE = {DataType.FLOAT32, DataType.INT8, DataType.UINT8, DataType.INT32, DataType.INT64};
  private static final DataType[] RESIZABLE = {DataType.FLOAT32, DataType.INT8, DataType.UINT8};

  private ShapeCases() {}

  public static List<ConformanceCase> cases(Scale scale) {
    boolean full = scale == Scale.FULL;
    List<ConformanceCase> cases = new ArrayList<>();
    reshapes(cases, full);
    squeezes(cases, full);
    transposes(cases, full);
    pads(cases, full);
    stridedSlices(cases, full);
    argMaxes(cases, full);
    resizes(cases, full);
    depthToSpaces(cases, full);
    return cases;
  }

  private static void depthToSpaces(List<ConformanceCase> cases, boolean full) {
    int[][] shapes = full ? new int[][] {{1, 3, 4, 8}, {2, 5, 3, 12}, {1, 16, 16, 64}} : new int[][] {{1, 3, 4, 8}};
    int[] blocks = full ? new int[] {1, 2} : new int[] {2};
    for (DataType t : full ? MOVABLE : new DataType[] {DataType.FLOAT32, DataType.UINT8}) {
      for (int[] shape : shapes) {
        for (int block : blocks) {
          Shape out = Shape.of(shape[0], shape[1] * block, shape[2] * block, shape[3] / (block * block));
          cases.add(new OneOp(t, Shape.of(shape)).build("depth_to_space/" + t + "/" + Shape.of(shape) + " block "
              + block, BuiltinOperator.DEPTH_TO_SPACE, OperatorOptions.builder("DepthToSpaceOptions")
              .set("block_size", block).build(), t, out));
        }
      }
    }
    if (full) {
      cases.add(new OneOp(DataType.INT8, Shape.of(1, 2, 2, 27)).build("depth_to_space/INT8/[1,2,2,27] block 3",
          BuiltinOperator.DEPTH_TO_SPACE, OperatorOptions.builder("DepthToSpaceOptions").set("block_size", 3).build(),
          DataType.INT8, Shape.of(1, 6, 6, 3)));
    }
  }

  private static void reshapes(List<ConformanceCase> cases, boolean full) {
    for (DataType t : full ? MOVABLE : new DataType[] {DataType.FLOAT32, DataType.INT8}) {
      boolean quick = !full;
      cases.add(new OneOp(t, Shape.of(2, 3, 4)).ints(4, -1)
          .build("reshape/" + t + "/shape input with -1", BuiltinOperator.RESHAPE, reshapeOptions(), t, Shape.of(4, 6)));
      if (quick && t == DataType.FLOAT32) {
        continue;
      }
      cases.add(new OneOp(t, Shape.of(2, 3, 4))
          .build("reshape/" + t + "/new_shape option", BuiltinOperator.RESHAPE, reshapeOptions(3, -1, 2), t, Shape.of(3, 4, 2)));
      if (quick) {
        continue;
      }
      cases.add(new OneOp(t, Shape.of(1, 1, 1))
          .build("reshape/" + t + "/legacy [0] is a scalar", BuiltinOperator.RESHAPE, reshapeOptions(0), t, Shape.scalar()));
      cases.add(new OneOp(t, Shape.of(4, 6)).longs(24)
          .build("reshape/" + t + "/INT64 shape input falls back to the option", BuiltinOperator.RESHAPE,
              reshapeOptions(2, 12), t, Shape.of(2, 12)));
    }
  }

  private static OperatorOptions reshapeOptions(int... newShape) {
    return OperatorOptions.builder("ReshapeOptions").set("new_shape", newShape).build();
  }

  private static void squeezes(List<ConformanceCase> cases, boolean full) {
    for (DataType t : full ? MOVABLE : new DataType[] {DataType.UINT8}) {
      cases.add(new OneOp(t, Shape.of(1, 3, 1, 2, 1)).build("squeeze/" + t + "/every extent-1 axis",
          BuiltinOperator.SQUEEZE, OperatorOptions.builder("SqueezeOptions").build(), t, Shape.of(3, 2)));
      cases.add(new OneOp(t, Shape.of(1, 3, 1, 2, 1)).build("squeeze/" + t + "/dims 0,-1",
          BuiltinOperator.SQUEEZE, OperatorOptions.builder("SqueezeOptions").set("squeeze_dims", new int[] {0, -1}).build(),
          t, Shape.of(3, 1, 2)));
    }
  }

  private static void transposes(List<ConformanceCase> cases, boolean full) {
    int[] dims = {2, 3, 4, 5, 3};
    Random random = new Random(39);
    for (DataType t : full ? MOVABLE : new DataType[0]) {
      for (int rank = 1; rank <= 5; rank++) {
        int[] shape = Arrays.copyOf(dims, rank);
        List<int[]> perms = new ArrayList<>();
        perms.add(identity(rank));
        perms.add(reversed(rank));
        perms.add(rotated(rank));
        perms.add(shuffled(rank, random));
        if (rank == 4) {
          perms.add(new int[] {0, 3, 1, 2});
          perms.add(new int[] {0, 2, 3, 1});
        }
        for (int[] perm : perms) {
          cases.add(transpose(t, shape, perm));
        }
      }
    }
    if (!full) {
      cases.add(transpose(DataType.FLOAT32, new int[] {2, 3, 4, 5}, new int[] {0, 3, 1, 2}));
      cases.add(transpose(DataType.INT8, new int[] {2, 3, 4}, new int[] {2, 1, 0}));
      cases.add(transpose(DataType.INT64, new int[] {2, 3, 4, 5, 3}, new int[] {3, 0, 4, 2, 1}));
    }
  }

  private static ConformanceCase transpose(DataType t, int[] shape, int[] perm) {
    int[] out = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      out[i] = shape[perm[i] < 0 ? perm[i] + shape.length : perm[i]];
    }
    return new OneOp(t, Shape.of(shape)).ints(perm).build("transpose/" + t + "/" + Shape.of(shape) + " perm "
        + Arrays.toString(perm), BuiltinOperator.TRANSPOSE, OperatorOptions.builder("TransposeOptions").build(), t, Shape.of(out));
  }

  private static void pads(List<ConformanceCase> cases, boolean full) {
    int[] dims = {2, 3, 4, 3, 2};
    Random random = new Random(41);
    for (DataType t : full ? MOVABLE : new DataType[0]) {
      for (int rank = 1; rank <= 5; rank++) {
        int[] shape = Arrays.copyOf(dims, rank);
        int[] everyAxis = new int[2 * rank];
        int[] lastAxisOnly = new int[2 * rank];
        for (int i = 0; i < 2 * rank; i++) {
          everyAxis[i] = random.nextInt(3);
        }
        lastAxisOnly[2 * rank - 2] = 1;
        lastAxisOnly[2 * rank - 1] = 2;
        cases.add(pad(t, shape, everyAxis));
        cases.add(pad(t, shape, lastAxisOnly));
        if (rank == 4) {
          cases.add(pad(t, shape, new int[] {0, 0, 1, 2, 2, 1, 0, 0})); // image style, TFLite's own fast path
        }
      }
    }
    if (!full) {
      cases.add(pad(DataType.FLOAT32, new int[] {2, 3, 4, 3}, new int[] {0, 0, 1, 2, 2, 1, 0, 0}));
      cases.add(pad(DataType.INT8, new int[] {2, 3, 4}, new int[] {1, 0, 2, 1, 0, 2}));
      cases.add(pad(DataType.UINT8, new int[] {2, 3, 4, 3, 2}, new int[] {1, 1, 0, 2, 1, 0, 0, 1, 2, 0}));
    }
  }

  private static ConformanceCase pad(DataType t, int[] shape, int[] paddings) {
    int[] out = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      out[i] = shape[i] + paddings[2 * i] + paddings[2 * i + 1];
    }
    // The output's zero point differs from the input's: values are copied as stored, the padding is the output's 0.
    Quantization outQ = t == DataType.INT8 ? Quantization.perTensor(0.1f, 17)
        : t == DataType.UINT8 ? Quantization.perTensor(0.1f, 201) : Quantization.none();
    return new OneOp(t, Shape.of(shape)).ints(Shape.of(shape.length, 2), paddings).build(
        "pad/" + t + "/" + Shape.of(shape) + " paddings " + Arrays.toString(paddings), BuiltinOperator.PAD,
        OperatorOptions.builder("PadOptions").build(), t, Shape.of(out), outQ);
  }

  /** One slice: the input shape, begin/end/strides and the masks (begin, end, ellipsis, new axis, shrink). */
  private static final class Slice {
    final String what;
    final int[] shape;
    final int[] begin;
    final int[] end;
    final int[] strides;
    final int[] masks;

    Slice(String what, int[] shape, int[] begin, int[] end, int[] strides, int... masks) {
      this.what = what;
      this.shape = shape;
      this.begin = begin;
      this.end = end;
      this.strides = strides;
      this.masks = masks.length == 0 ? new int[5] : masks;
    }
  }

  private static final Slice[] SLICES = {
    new Slice("x[1:3]", new int[] {5}, new int[] {1}, new int[] {3}, new int[] {1}),
    new Slice("x[::-1] by masks", new int[] {5}, new int[] {0}, new int[] {0}, new int[] {-1}, 1, 1, 0, 0, 0),
    new Slice("x[-4:-1]", new int[] {6}, new int[] {-4}, new int[] {-1}, new int[] {1}),
    new Slice("x[-9:99] clamps", new int[] {5}, new int[] {-9}, new int[] {99}, new int[] {1}),
    new Slice("x[7:-9:-1] clamps backwards", new int[] {4}, new int[] {7}, new int[] {-9}, new int[] {-1}),
    new Slice("x[:, 1::2, 2::3]", new int[] {2, 7, 9}, new int[] {0, 1, 2}, new int[] {2, 7, 9}, new int[] {1, 2, 3}),
    new Slice("x[1, :, -1] shrinks", new int[] {2, 3, 4}, new int[] {1, 0, -1}, new int[] {2, 3, 0}, new int[] {1, 1, 1},
        0, 0, 0, 0, 5),
    new Slice("x[:, -1] shrinks with end ignored", new int[] {2, 3}, new int[] {0, -1}, new int[] {0, 0}, new int[] {1, 1},
        1, 1, 0, 0, 2),
    new Slice("x[::-2, 3:0:-1, ::-3]", new int[] {4, 5, 6}, new int[] {0, 3, 0}, new int[] {0, 0, 0}, new int[] {-2, -1, -3},
        5, 5, 0, 0, 0),
    new Slice("x[..., 1:3]", new int[] {2, 3, 4}, new int[] {0, 1}, new int[] {0, 3}, new int[] {1, 1}, 0, 0, 1, 0, 0),
    new Slice("x[..., -1]", new int[] {2, 3, 4}, new int[] {0, -1}, new int[] {0, 0}, new int[] {1, 1}, 0, 0, 1, 0, 2),
    new Slice("x[1:, ..., ::2]", new int[] {3, 2, 2, 5}, new int[] {1, 0, 0}, new int[] {3, 0, 5}, new int[] {1, 1, 2},
        0, 0, 2, 0, 0),
    new Slice("x[newaxis, 1:, ::2]", new int[] {3, 4}, new int[] {0, 1, 0}, new int[] {0, 0, 0}, new int[] {1, 1, 2},
        0, 6, 0, 1, 0),
    new Slice("x[:, newaxis, ..., 0]", new int[] {2, 3, 4}, new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 1},
        new int[] {1, 1, 1, 1}, 1, 1, 4, 2, 8),
    new Slice("5-D x[:, :, ::-1, 1:, ::2]", new int[] {2, 1, 3, 2, 4}, new int[] {0, 0, -1, 1, 0}, new int[] {2, 1, -4, 2, 4},
        new int[] {1, 1, -1, 1, 2}),
    new Slice("fewer entries than axes", new int[] {3, 4, 2}, new int[] {1}, new int[] {3}, new int[] {1}),
  };

  private static void stridedSlices(List<ConformanceCase> cases, boolean full) {
    for (DataType t : full ? MOVABLE : new DataType[] {DataType.FLOAT32}) {
      for (Slice s : SLICES) {
        cases.add(slice(t, s));
      }
    }
    if (!full) {
      cases.add(slice(DataType.INT8, SLICES[8]));
      cases.add(slice(DataType.UINT8, SLICES[13]));
      return;
    }
    // Seeded random slices, non-empty by construction: per axis pick the first element, the stride and how many
    // elements to take, then write begin and end in one of the forms TFLite reads the same way (from the back,
    // past the axis where that clamps to the same stop, or masked).
    Random random = new Random(43);
    for (int k = 0; k < 60; k++) {
      int rank = 1 + random.nextInt(4);
      int[] shape = new int[rank];
      int[] begin = new int[rank];
      int[] end = new int[rank];
      int[] strides = new int[rank];
      int[] masks = new int[5];
      for (int i = 0; i < rank; i++) {
        int n = 1 + random.nextInt(6);
        int stride = (1 + random.nextInt(3)) * (random.nextInt(3) == 0 ? -1 : 1);
        int first = random.nextInt(n);
        int room = stride > 0 ? (n - 1 - first) / stride + 1 : first / -stride + 1;
        int count = 1 + random.nextInt(room);
        int stop = first + count * stride;
        shape[i] = n;
        strides[i] = stride;
        begin[i] = random.nextBoolean() ? first : first - n;
        if (stop >= n) {
          end[i] = n + random.nextInt(4); // clamps to n
        } else if (stop < 0) {
          end[i] = -n - 1 - random.nextInt(4); // clamps to -1
        } else {
          end[i] = stop > 0 && random.nextBoolean() ? stop - n : stop;
        }
        if (first == (stride > 0 ? 0 : n - 1) && random.nextInt(3) == 0) {
          masks[0] |= 1 << i;
          begin[i] = random.nextInt(9) - 4; // ignored under the mask
        }
        if (count == room && random.nextInt(3) == 0) {
          masks[1] |= 1 << i;
          end[i] = random.nextInt(9) - 4; // ignored under the mask
        }
        if (count == 1 && stride > 0 && random.nextInt(3) == 0) {
          masks[4] |= 1 << i;
        }
      }
      cases.add(slice(k % 2 == 0 ? DataType.FLOAT32 : DataType.INT8,
          new Slice("random " + k, shape, begin, end, strides, masks)));
    }
  }

  private static ConformanceCase slice(DataType t, Slice s) {
    OperatorOptions options = OperatorOptions.builder("StridedSliceOptions").set("begin_mask", s.masks[0])
        .set("end_mask", s.masks[1]).set("ellipsis_mask", s.masks[2]).set("new_axis_mask", s.masks[3])
        .set("shrink_axis_mask", s.masks[4]).build();
    // The output shape declared here is a placeholder: both engines size outputs when they prepare the node.
    return new OneOp(t, Shape.of(s.shape)).ints(s.begin).ints(s.end).ints(s.strides).build("strided_slice/" + t + "/"
        + s.what + " " + Shape.of(s.shape), BuiltinOperator.STRIDED_SLICE, options, t, Shape.of(s.shape));
  }

  private static void argMaxes(List<ConformanceCase> cases, boolean full) {
    DataType[] inputs = {DataType.FLOAT32, DataType.INT8, DataType.UINT8, DataType.INT32};
    int[][] shapes = {{7}, {2, 7}, {2, 3, 4, 5}};
    for (DataType t : inputs) {
      for (DataType out : new DataType[] {DataType.INT32, DataType.INT64}) {
        for (int[] shape : shapes) {
          for (int axis : new int[] {0, shape.length - 1, -1, -shape.length}) {
            boolean quick = t == DataType.FLOAT32 && out == DataType.INT32 && shape.length == 4 && axis == 3
                || t == DataType.UINT8 && out == DataType.INT64 && shape.length == 2 && axis == 0
                || t == DataType.INT32 && shape.length == 4 && axis == -shape.length;
            if (full || quick) {
              cases.add(argMax(t, out, shape, axis, (axis & 1) == 0 ? DataType.INT32 : DataType.INT64));
            }
          }
        }
      }
    }
  }

  private static ConformanceCase argMax(DataType t, DataType out, int[] shape, int axis, DataType axisType) {
    int a = axis < 0 ? axis + shape.length : axis;
    int[] outShape = new int[shape.length - 1];
    for (int i = 0, k = 0; i < shape.length; i++) {
      if (i != a) {
        outShape[k++] = shape[i];
      }
    }
    OneOp op = new OneOp(t, Shape.of(shape));
    op = axisType == DataType.INT64 ? op.longs(axis) : op.ints(axis);
    return op.build("arg_max/" + t + "->" + out + "/" + Shape.of(shape) + " axis " + axis + " (" + axisType + ")",
        BuiltinOperator.ARG_MAX, OperatorOptions.builder("ArgMaxOptions").set("output_type", out.tfliteCode()).build(),
        out, Shape.of(outShape), Quantization.none());
  }

  private static void resizes(List<ConformanceCase> cases, boolean full) {
    // {batch, height, width, depth, new height, new width}
    int[][] sizes = {
      {1, 4, 5, 3, 8, 10}, // 2x: TFLite's float fast path
      {1, 4, 5, 3, 7, 3}, // up and down, non-integer
      {2, 3, 3, 8, 24, 24}, // 8x with depth 8: TFLite's uint8 fixed-point path when half-pixel
      {1, 1, 1, 2, 3, 2},
      {1, 6, 4, 1, 2, 9},
      {2, 1, 2, 1, 1, 82}, // 2 -> 82: TFLite's fixed-point nearest rule for uint8 picks differently at 41
    };
    boolean[][] flags = {{false, false}, {true, false}, {false, true}, {true, true}};
    for (DataType t : RESIZABLE) {
      for (int[] s : sizes) {
        for (boolean[] f : flags) {
          boolean bilinearQuick = t == DataType.FLOAT32 && s[4] == 8 && !f[0] && !f[1]
              || t == DataType.INT8 && s[4] == 7 && f[1] && !f[0]
              || t == DataType.UINT8 && s[4] == 24 && f[1] && !f[0];
          boolean nearestQuick = t == DataType.UINT8 && s[5] == 82 && !f[0] && !f[1]
              || t == DataType.FLOAT32 && s[4] == 7 && f[0] && !f[1]
              || t == DataType.INT8 && s[4] == 2 && f[0] && f[1];
          if (!(f[0] && f[1]) && (full || bilinearQuick)) { // TFLite's bilinear rejects both options at once
            cases.add(resize(BuiltinOperator.RESIZE_BILINEAR, "ResizeBilinearOptions", t, s, f));
          }
          if (full || nearestQuick) {
            cases.add(resize(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, "ResizeNearestNeighborOptions", t, s, f));
          }
        }
      }
    }
  }

  private static ConformanceCase resize(BuiltinOperator op, String table, DataType t, int[] s, boolean[] flags) {
    OperatorOptions options = OperatorOptions.builder(table).set("align_corners", flags[0])
        .set("half_pixel_centers", flags[1]).build();
    String name = op.name().toLowerCase() + "/" + t + "/" + Shape.of(s[0], s[1], s[2], s[3]) + " to " + s[4] + "x" + s[5]
        + (flags[0] ? " align_corners" : "") + (flags[1] ? " half_pixel_centers" : "");
    return new OneOp(t, Shape.of(s[0], s[1], s[2], s[3])).ints(s[4], s[5])
        .build(name, op, options, t, Shape.of(s[0], s[4], s[5], s[3]));
  }

  private static int[] identity(int rank) {
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = i;
    }
    return p;
  }

  private static int[] reversed(int rank) {
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = rank - 1 - i;
    }
    return p;
  }

  private static int[] rotated(int rank) {
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = (i + 1) % rank;
    }
    return p;
  }

  private static int[] shuffled(int rank, Random random) {
    int[] p = identity(rank);
    for (int i = rank - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int x = p[i];
      p[i] = p[j];
      p[j] = x;
    }
    return p;
  }

  /** A single-op model: one data input (quantized for 8-bit types) followed by constant index inputs. */
  private static final class OneOp {
    private final ModelBuilder b = new ModelBuilder();
    private final List<Integer> inputs = new ArrayList<>();
    private final Quantization inputQuantization;

    OneOp(DataType type, Shape shape) {
      inputQuantization = type == DataType.INT8 ? Quantization.perTensor(0.05f, -3)
          : type == DataType.UINT8 ? Quantization.perTensor(0.05f, 130) : Quantization.none();
      inputs.add(b.addInput("x", type, shape, inputQuantization));
    }

    OneOp ints(int... values) {
      return ints(Shape.of(values.length), values);
    }

    OneOp ints(Shape shape, int... values) {
      inputs.add(b.addConstant("c" + inputs.size(), shape, Quantization.none(), values));
      return this;
    }

    OneOp longs(long... values) {
      inputs.add(b.addConstant("c" + inputs.size(), Shape.of(values.length), values));
      return this;
    }

    /** The case, with the output in the input's quantization (these ops never requantize). */
    ConformanceCase build(String name, BuiltinOperator op, OperatorOptions options, DataType outType, Shape outShape) {
      return build(name, op, options, outType, outShape, inputQuantization);
    }

    ConformanceCase build(String name, BuiltinOperator op, OperatorOptions options, DataType outType, Shape outShape,
        Quantization outQuantization) {
      int y = b.addTensor("y", outType, outShape, outQuantization);
      b.addOperator(op, options, inputs.stream().mapToInt(Integer::intValue).toArray(), new int[] {y});
      b.markOutput(y);
      return ConformanceCase.of(name, b.build(),
          outType == DataType.FLOAT32 ? Tolerance.float32() : Tolerance.exact());
    }
  }
}
