package ai.fovea.kernels.op;

import ai.fovea.kernels.tensor.Tensor;

/**
 * The contract every kernel keeps, after TFLite's Prepare/Eval split. An op is built from its parameters;
 * {@link #prepare} validates the input tensors, resizes the outputs, allocates scratch and precomputes
 * requantization multipliers; {@link #run} then computes without allocating and may be called many times,
 * until the input shapes change and {@code prepare} must run again. Inputs and outputs are in the order of
 * the TFLite operator (e.g. CONV_2D: input, filter, bias).
 */
public interface Op {
  /** Validates and sizes; throws {@link OpPrepareException} naming the bad value. */
  void prepare(Tensor[] inputs, Tensor[] outputs);

  /** The optimized form. */
  void run(Tensor[] inputs, Tensor[] outputs);

  /**
   * The plain reference form, kept forever as the oracle of the optimized one. Ops with a single form (already
   * a plain loop, such as RESHAPE) inherit this default.
   */
  default void runReference(Tensor[] inputs, Tensor[] outputs) {
    run(inputs, outputs);
  }
}
