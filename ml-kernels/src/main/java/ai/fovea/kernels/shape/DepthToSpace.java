package ai.fovea.kernels.shape;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import ai.fovea.kernels.tensor.Tensor;

/**
 * DEPTH_TO_SPACE (NHWC) for every element type: input {@code [N, H, W, C·b²]} becomes {@code [N, H·b, W·b, C]},
 * output pixel {@code (h·b + dy, w·b + dx)} taking channels {@code [(dy·b + dx)·C, (dy·b + dx + 1)·C)} of input
 * pixel {@code (h, w)}. Values move unchanged, so quantized input and output must share scale and zero point,
 * as TFLite requires. Copies whole runs of C elements.
 */
public final class DepthToSpace implements Op {
  private static final String OP = "DEPTH_TO_SPACE";
  private final int block;
  private Elements elements;

  public DepthToSpace(int blockSize) {
    if (blockSize < 1) {
      throw new IllegalArgumentException(OP + ": block_size must be >= 1, got " + blockSize);
    }
    this.block = blockSize;
  }

  @Override
  public void prepare(Tensor[] inputs, Tensor[] outputs) {
    if (inputs.length != 1 || outputs.length != 1 || inputs[0] == null) {
      throw new OpPrepareException(OP, "takes 1 input and 1 output");
    }
    Tensor in = inputs[0];
    Tensor out = outputs[0];
    if (in.shape().rank() != 4) {
      throw new OpPrepareException(OP, "input must be 4-D NHWC, got " + in.shape());
    }
    if (in.dataType() != out.dataType()) {
      throw new OpPrepareException(OP, "output type " + out.dataType() + " differs from input type " + in.dataType());
    }
    if (in.dataType().isByte() && !in.quantization().equals(out.quantization())) {
      throw new OpPrepareException(OP, "input and output quantization must be equal, got " + in.quantization()
          + " and " + out.quantization());
    }
    elements = Elements.of(in.dataType(), OP);
    int channels = in.shape().dim(3);
    if (channels % (block * block) != 0) {
      throw new OpPrepareException(OP, "input depth " + channels + " is not a multiple of block_size² = "
          + block * block);
    }
    long height = (long) in.shape().dim(1) * block;
    long width = (long) in.shape().dim(2) * block;
    if (height > Integer.MAX_VALUE || width > Integer.MAX_VALUE) {
      throw new OpPrepareException(OP, "output of " + in.shape() + " with block " + block + " is too large");
    }
    out.resize(Shape.of(in.shape().dim(0), (int) height, (int) width, channels / (block * block)));
  }

  @Override
  public void run(Tensor[] inputs, Tensor[] outputs) {
    Shape s = inputs[0].shape();
    int batches = s.dim(0);
    int height = s.dim(1);
    int width = s.dim(2);
    int depth = s.dim(3) / (block * block);
    Object src = elements.array(inputs[0]);
    Object dst = elements.array(outputs[0]);
    int dstPos = 0;
    for (int n = 0; n < batches; n++) {
      for (int h = 0; h < height; h++) {
        for (int dy = 0; dy < block; dy++) {
          for (int w = 0; w < width; w++) {
            int srcPos = (((n * height + h) * width + w) * block + dy) * block * depth;
            // The b runs of dx for this (h, dy, w) are adjacent in both tensors: one copy of b·C elements.
            elements.copy(src, srcPos, 1, dst, dstPos, 1, block * depth);
            dstPos += block * depth;
          }
        }
      }
    }
  }
}
