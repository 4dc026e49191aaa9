package ai.fovea.kernels.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.fovea.kernels.op.OpPrepareException;
import ai.fovea.kernels.tensor.Shape;
import org.junit.jupiter.api.Test;

class TapeTest {
  @Test
  void gradientsAccumulateOverEveryUseAndTheRecordIsFreedAfterBackward() {
    Variable x = Variable.parameter("x", Shape.of(2), new float[] {1f, -2f});
    Tape tape = new Tape(GradientCheck.POOL);
    Variable y = Add.apply(tape, Activations.relu(tape, x), x);
    assertEquals(2, tape.recorded());
    tape.backward(y, new float[] {1f, 1f});
    assertEquals(0, tape.recorded());
    assertArrayEquals(new float[] {2f, 1f}, x.grad());
  }

  @Test
  void recordsNothingForConstants() {
    Variable c = Variable.constant("c", Shape.of(3), new float[3]);
    Tape tape = new Tape(GradientCheck.POOL);
    Variable y = Activations.tanh(tape, c);
    assertFalse(y.requiresGrad());
    assertEquals(0, tape.recorded());
    assertThrows(IllegalStateException.class, c::grad);
  }

  @Test
  void opsRejectMissingInputsByPosition() {
    Variable x = Variable.parameter("x", Shape.of(1, 2), new float[2]);
    Tape tape = new Tape(GradientCheck.POOL);
    OpPrepareException e = assertThrows(OpPrepareException.class, () -> FullyConnected.apply(tape, x, null, null));
    assertEquals("FULLY_CONNECTED: input 1 is null", e.getMessage());
  }

  @Test
  void inferenceTapesKeepNothing() {
    Variable x = Variable.parameter("x", Shape.of(2), new float[] {1f, -2f});
    Tape tape = Tape.inference(GradientCheck.POOL);
    Variable y = Activations.relu(tape, x);
    assertArrayEquals(new float[] {1f, 0f}, y.values());
    assertEquals(0, tape.recorded());
    assertThrows(IllegalStateException.class, () -> tape.backward(y, new float[2]));
  }

  @Test
  void backwardNeedsAScalarLoss() {
    Variable x = Variable.parameter("x", Shape.of(2), new float[2]);
    Tape tape = new Tape(GradientCheck.POOL);
    Variable y = Activations.sigmoid(tape, x);
    assertThrows(IllegalArgumentException.class, () -> tape.backward(y));
  }
}
