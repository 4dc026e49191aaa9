package ai.fovea.kernels.optim;

/**
 * The learning rate as a function of the step (0-based); the trainer sets
 * {@code optimizer.setLearningRate(schedule.rate(step))} before each step. Schedules compose: warm-up wraps
 * any other.
 */
public interface LearningRateSchedule {
  float rate(int step);

  static LearningRateSchedule constant(float rate) {
    Optimizer.requireNonNegative("rate", rate);
    return step -> rate;
  }

  /** {@code base · gamma^⌊step / every⌋}. */
  static LearningRateSchedule stepDecay(float base, float gamma, int every) {
    Optimizer.requireNonNegative("base rate", base);
    Optimizer.requireNonNegative("gamma", gamma);
    if (every < 1) {
      throw new IllegalArgumentException("decay interval must be >= 1, got " + every);
    }
    return step -> (float) (base * Math.pow(gamma, step / every));
  }

  /** Half a cosine from {@code base} at step 0 to {@code floor} at {@code total}, then {@code floor}. */
  static LearningRateSchedule cosine(float base, float floor, int total) {
    Optimizer.requireNonNegative("base rate", base);
    Optimizer.requireNonNegative("floor rate", floor);
    if (total < 1) {
      throw new IllegalArgumentException("total steps must be >= 1, got " + total);
    }
    return step -> step >= total ? floor
        : (float) (floor + 0.5 * (base - floor) * (1 + Math.cos(Math.PI * step / total)));
  }

  /** Linear ramp from {@code after.rate(0) / warmupSteps} up to {@code after}, which then runs from its step 0. */
  static LearningRateSchedule warmup(int warmupSteps, LearningRateSchedule after) {
    if (warmupSteps < 1 || after == null) {
      throw new IllegalArgumentException("warm-up needs >= 1 steps and a schedule, got " + warmupSteps);
    }
    return step -> step < warmupSteps ? after.rate(0) * (step + 1) / warmupSteps : after.rate(step - warmupSteps);
  }
}
