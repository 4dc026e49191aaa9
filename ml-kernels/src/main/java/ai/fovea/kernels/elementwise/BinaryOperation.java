package ai.fovea.kernels.elementwise;

/** The arithmetic of TFLite's ADD, SUB and MUL. */
public enum BinaryOperation {
  ADD,
  SUB,
  MUL;

  float apply(float a, float b) {
    switch (this) {
      case ADD:
        return a + b;
      case SUB:
        return a - b;
      default:
        return a * b;
    }
  }

  int apply(int a, int b) {
    switch (this) {
      case ADD:
        return a + b;
      case SUB:
        return a - b;
      default:
        return a * b;
    }
  }
}
