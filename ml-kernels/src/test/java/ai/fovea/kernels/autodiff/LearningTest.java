package ai.fovea.kernels.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.conv.ConvParams;
import ai.fovea.kernels.init.Initializer;
import ai.fovea.kernels.loss.SoftmaxCrossEntropy;
import ai.fovea.kernels.op.Activation;
import ai.fovea.kernels.op.Padding;
import ai.fovea.kernels.optim.Adam;
import ai.fovea.kernels.optim.Optimizer;
import ai.fovea.kernels.optim.Sgd;
import ai.fovea.kernels.pool.PoolParams;
import ai.fovea.kernels.tensor.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whole training loops on seeded synthetic problems: if any forward, backward or update breaks, accuracy drops. */
class LearningTest {
  /** Points in [−1, 1]² away from the axes; the class is XOR of the signs, which no linear model separates. */
  private static float[] xorPoints(Random random, int n, int[] labels) {
    float[] x = new float[2 * n];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < 2; d++) {
        float v = 0.1f + 0.9f * random.nextFloat();
        x[2 * i + d] = random.nextBoolean() ? v : -v;
      }
      labels[i] = (x[2 * i] > 0) == (x[2 * i + 1] > 0) ? 0 : 1;
    }
    return x;
  }

  private static double accuracy(Variable logits, int[] labels) {
    int classes = logits.shape().dim(1);
    float[] z = logits.values();
    int correct = 0;
    for (int b = 0; b < labels.length; b++) {
      int best = 0;
      for (int j = 1; j < classes; j++) {
        if (z[b * classes + j] > z[b * classes + best]) {
          best = j;
        }
      }
      correct += best == labels[b] ? 1 : 0;
    }
    return (double) correct / labels.length;
  }

  @Test
  void twoLayerPerceptronLearnsXor() {
    Random random = new Random(11);
    int n = 256;
    int[] trainLabels = new int[n];
    Variable train = Variable.constant("x", Shape.of(n, 2), xorPoints(random, n, trainLabels));
    int[] testLabels = new int[n];
    Variable test = Variable.constant("x", Shape.of(n, 2), xorPoints(random, n, testLabels));
    Variable w1 = Initializer.HE_NORMAL.parameter("w1", Shape.of(16, 2), random);
    Variable b1 = Variable.parameter("b1", Shape.of(16), new float[16]);
    Variable w2 = Initializer.GLOROT_UNIFORM.parameter("w2", Shape.of(2, 16), random);
    Variable b2 = Variable.parameter("b2", Shape.of(2), new float[2]);
    Optimizer adam = new Adam(List.of(w1, b1, w2, b2), 0.05f);
    Tape tape = new Tape(GradientCheck.POOL);
    for (int step = 0; step < 200; step++) {
      Variable hidden = Activations.relu(tape, FullyConnected.apply(tape, train, w1, b1));
      Variable loss = SoftmaxCrossEntropy.apply(tape, FullyConnected.apply(tape, hidden, w2, b2), trainLabels);
      adam.zeroGrad();
      tape.backward(loss);
      adam.step();
    }
    Tape eval = Tape.inference(GradientCheck.POOL);
    Variable hidden = Activations.relu(eval, FullyConnected.apply(eval, test, w1, b1));
    Variable logits = FullyConnected.apply(eval, hidden, w2, b2);
    double acc = accuracy(logits, testLabels);
    assertTrue(acc >= 0.97, "held-out accuracy " + acc);
  }

  /** 8×8 images of one horizontal (class 0) or vertical (class 1) bar at a random place, plus noise. */
  private static float[] bars(Random random, int n, int[] labels) {
    float[] x = new float[n * 64];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(2);
      int at = random.nextInt(8);
      for (int p = 0; p < 64; p++) {
        boolean on = labels[i] == 0 ? p / 8 == at : p % 8 == at;
        x[i * 64 + p] = (on ? 1f : 0f) + 0.2f * (float) random.nextGaussian();
      }
    }
    return x;
  }

  @Test
  void smallConvolutionalNetLearnsBarOrientation() {
    Random random = new Random(12);
    int batch = 32;
    Variable filter = Initializer.HE_NORMAL.parameter("conv", Shape.of(4, 3, 3, 1), random);
    Variable convBias = Variable.parameter("conv_bias", Shape.of(4), new float[4]);
    Variable w = Initializer.GLOROT_UNIFORM.parameter("fc", Shape.of(2, 64), random);
    Variable b = Variable.parameter("fc_bias", Shape.of(2), new float[2]);
    ConvParams same = new ConvParams(Padding.SAME, 1, 1, 1, 1, Activation.NONE);
    PoolParams halve = new PoolParams(Padding.VALID, 2, 2, 2, 2, Activation.NONE);
    Optimizer sgd = new Sgd(List.of(filter, convBias, w, b), 0.05f, 0.9f, true, 0f);
    Tape tape = new Tape(GradientCheck.POOL);
    for (int step = 0; step < 60; step++) {
      int[] labels = new int[batch];
      Variable images = Variable.constant("images", Shape.of(batch, 8, 8, 1), bars(random, batch, labels));
      Variable conv = Activations.relu(tape, Conv2D.apply(tape, images, filter, convBias, same));
      Variable features = MaxPool.apply(tape, conv, halve);
      Variable loss = SoftmaxCrossEntropy.apply(tape, FullyConnected.apply(tape, Reshape.flatten(tape, features), w, b),
          labels);
      sgd.zeroGrad();
      tape.backward(loss);
      sgd.step();
    }
    int[] labels = new int[256];
    Variable images = Variable.constant("images", Shape.of(256, 8, 8, 1), bars(random, 256, labels));
    Tape eval = Tape.inference(GradientCheck.POOL);
    Variable features = MaxPool.apply(eval, Activations.relu(eval, Conv2D.apply(eval, images, filter, convBias, same)),
        halve);
    double acc = accuracy(FullyConnected.apply(eval, Reshape.flatten(eval, features), w, b), labels);
    assertTrue(acc >= 0.97, "held-out accuracy " + acc);
  }
}
