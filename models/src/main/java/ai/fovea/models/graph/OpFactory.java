package ai.fovea.models.graph;

import ai.fovea.kernels.op.Op;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.tflite.OperatorOptions;

/**
 * Builds the kernel for one node from its options and tensors (constants already hold their data; an omitted
 * optional input is null), choosing the float or quantized class by tensor type. Throws
 * {@link UnsupportedOpException} (or IllegalArgumentException for option values the kernel rejects) for a
 * combination it cannot run. The arrays are as long as the node's lists in the file, which may be shorter than the
 * op needs: {@link GraphRunner} reports a factory indexing past them as an unsupported node.
 */
public interface OpFactory {
  Op create(OperatorOptions options, Tensor[] inputs, Tensor[] outputs, ComputePool pool);
}
