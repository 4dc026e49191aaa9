package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.AveragePool;
import ai.fovea.kernels.autodiff.GlobalAveragePool;
import ai.fovea.kernels.autodiff.MaxPool;
import ai.fovea.kernels.autodiff.Tape;
import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.pool.PoolParams;
import ai.fovea.models.zoo.NetworkBuilder;
import java.util.List;

/**
 * Max or average pooling with a square window, or a global average pool (window = the whole image). Global
 * pooling trains as a mean to [N, C] and exports as AVERAGE_POOL_2D to [N, 1, 1, C]; the dense layer after it
 * flattens either.
 */
final class Pooling implements Layer {
  enum Kind { MAX, AVERAGE, GLOBAL_AVERAGE }

  private final Kind kind;
  private final int window;
  private final int stride;
  private final Padding padding;

  Pooling(Kind kind, int window, int stride, Padding padding) {
    this.kind = kind;
    this.window = window;
    this.stride = stride;
    this.padding = padding;
  }

  static Pooling global() {
    return new Pooling(Kind.GLOBAL_AVERAGE, 0, 0, Padding.VALID);
  }

  @Override
  public Variable forward(Tape tape, Variable x, Pass pass) {
    if (kind == Kind.GLOBAL_AVERAGE) {
      return GlobalAveragePool.apply(tape, x);
    }
    PoolParams params = new PoolParams(padding, window, window, stride, stride, Activation.NONE);
    return kind == Kind.MAX ? MaxPool.apply(tape, x, params) : AveragePool.apply(tape, x, params);
  }

  @Override
  public List<Variable> parameters() {
    return List.of();
  }

  @Override
  public List<float[]> buffers() {
    return List.of();
  }

  @Override
  public int export(NetworkBuilder builder, int x) {
    return kind == Kind.GLOBAL_AVERAGE ? builder.globalAveragePool(x)
        : builder.pool(kind == Kind.MAX, x, window, stride, padding);
  }
}
