package ai.fovea.models.train;

import java.util.Random;

/**
 * What kind of forward pass runs: training (batch statistics, dropout drawn from a seeded random source) or
 * inference (running statistics, no dropout).
 */
final class Pass {
  static final Pass INFERENCE = new Pass(false, null);
  final boolean training;
  final Random random;

  private Pass(boolean training, Random random) {
    this.training = training;
    this.random = random;
  }

  static Pass training(Random random) {
    if (random == null) {
      throw new IllegalArgumentException("a training pass needs a random source");
    }
    return new Pass(true, random);
  }
}
