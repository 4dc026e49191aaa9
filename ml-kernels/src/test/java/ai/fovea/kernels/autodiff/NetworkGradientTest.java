package ai.fovea.kernels.autodiff;

import static ai.fovea.kernels.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.fovea.kernels.conv.ConvParams;
import ai.fovea.kernels.loss.SoftmaxCrossEntropy;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.optim.Adam;
import ai.fovea.kernels.optim.Optimizer;
import ai.fovea.kernels.parallel.ComputePool;
import ai.fovea.kernels.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ops composed into a small residual network: gradients flow through shared variables and every op at once. */
class NetworkGradientTest {
  private static final ConvParams SAME = new ConvParams(Padding.SAME, 1, 1, 1, 1, Activation.NONE);
  private static final int[] LABELS = {1, 0, 2};

  /** conv → batch norm → tanh → conv, added back to the block input (a residual), pooled and classified. */
  private static Variable residualNet(Tape t, Variable x, Variable c1, BatchNorm bn, Variable c2, Variable fc) {
    Variable h = Activations.tanh(t, bn.apply(t, Conv2D.apply(t, x, c1, null, SAME), true));
    Variable block = Add.apply(t, x, Conv2D.apply(t, h, c2, null, SAME));
    Variable pooled = GlobalAveragePool.apply(t, Activations.sigmoid(t, block));
    return SoftmaxCrossEntropy.apply(t, FullyConnected.apply(t, pooled, fc, null), LABELS);
  }

  @Test
  void residualNetworkGradientsMatchCentralDifferences() {
    Random r = new Random(1);
    Variable x = uniform("x", r, 3, 4, 4, 2);
    Variable c1 = uniform("c1", r, 3, 3, 3, 2);
    Variable c2 = uniform("c2", r, 2, 3, 3, 3);
    Variable fc = uniform("fc", r, 3, 2);
    BatchNorm bn = new BatchNorm("bn", 3, 0.1f, 1e-3f);
    GradientCheck.assertGradients(t -> residualNet(t, x, c1, bn, c2, fc), x, c1, c2, fc, bn.gamma(), bn.beta());
  }

  /** Trains the residual network a few Adam steps on a pool of {@code threads} and returns every parameter. */
  private static List<float[]> train(int threads) {
    Random r = new Random(2);
    Variable x = Variable.constant("x", Shape.of(3, 4, 4, 2), uniform("x", r, 3, 4, 4, 2).values());
    Variable c1 = uniform("c1", r, 3, 3, 3, 2);
    Variable c2 = uniform("c2", r, 2, 3, 3, 3);
    Variable fc = uniform("fc", r, 3, 2);
    BatchNorm bn = new BatchNorm("bn", 3, 0.1f, 1e-3f);
    Optimizer adam = new Adam(List.of(c1, c2, fc, bn.gamma(), bn.beta()), 0.01f);
    try (ComputePool pool = new ComputePool(threads)) {
      Tape tape = new Tape(pool);
      for (int step = 0; step < 5; step++) {
        adam.zeroGrad();
        tape.backward(residualNet(tape, x, c1, bn, c2, fc));
        adam.step();
      }
    }
    List<float[]> values = new ArrayList<>();
    for (Variable p : adam.parameters()) {
      values.add(p.values());
    }
    values.add(bn.runningMean());
    values.add(bn.runningVariance());
    return values;
  }

  @Test
  void trainingIsBitIdenticalForAnyThreadCount() {
    // Every output element is summed by one thread in a fixed order, so the split cannot change a bit.
    List<float[]> serial = train(1);
    List<float[]> parallel = train(3);
    for (int i = 0; i < serial.size(); i++) {
      assertArrayEquals(serial.get(i), parallel.get(i));
    }
  }
}
