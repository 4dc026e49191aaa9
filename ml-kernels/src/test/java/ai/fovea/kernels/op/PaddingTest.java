package ai.fovea.kernels.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaddingTest {
  @Test
  void sameKeepsCeilOfInputOverStrideAndPadsMoreAtTheEnd() {
    assertEquals(4, Padding.SAME.outputSize(7, 3, 2, 1));
    assertEquals(1, Padding.SAME.paddingBefore(7, 3, 2, 1));
    assertEquals(0, Padding.SAME.paddingBefore(8, 2, 2, 1));
    assertEquals(2, Padding.SAME.paddingBefore(10, 3, 1, 2));
  }

  @Test
  void validUsesTheDilatedFilterExtent() {
    assertEquals(3, Padding.VALID.outputSize(7, 3, 2, 1));
    assertEquals(6, Padding.VALID.outputSize(10, 3, 1, 2));
    assertEquals(0, Padding.VALID.paddingBefore(10, 3, 1, 2));
  }
}
