package ai.fovea.kernels.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapeTest {
  @Test
  void countsElementsAndIndexesFromTheEnd() {
    Shape s = Shape.of(2, 3, 4);
    assertEquals(24, s.size());
    assertEquals(4, s.dim(-1));
    assertEquals(12, s.sizeFrom(1));
    assertEquals(6, s.sizeTo(2));
    assertEquals(1, Shape.scalar().size());
  }

  @Test
  void rejectsNegativeAndOverflowingShapes() {
    assertThrows(IllegalArgumentException.class, () -> Shape.of(2, -1));
    assertThrows(IllegalArgumentException.class, () -> Shape.of(1 << 16, 1 << 16));
  }

  @Test
  void resizeKeepsTheBufferWhenItFits() {
    Tensor t = Tensor.allocate("t", DataType.FLOAT32, Shape.of(4, 4));
    float[] before = t.floats();
    t.resize(Shape.of(2, 8));
    assertEquals(before, t.floats());
    t.resize(Shape.of(5, 5));
    assertEquals(25, t.floats().length);
  }
}
