package ai.fovea.sdk.task.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BoxTest {
  @Test
  void iouOfOverlappingBoxesIsIntersectionOverUnion() {
    Box a = Box.of(0, 0, 10, 10);
    Box b = Box.of(5, 0, 15, 10);
    // Intersection 5x10 = 50, union 100 + 100 - 50 = 150.
    assertEquals(50, a.intersectionArea(b), 0);
    assertEquals(1 / 3f, a.iou(b), 1e-7f);
    assertEquals(a.iou(b), b.iou(a), 0);
    assertEquals(1, a.iou(a), 0);
    // (1,1)-(11,11) against (0,0)-(10,10): 81 / 119.
    assertEquals(81f / 119f, a.iou(Box.of(1, 1, 11, 11)), 1e-7f);
  }

  @Test
  void disjointTouchingAndEmptyBoxesHaveNoOverlap() {
    Box a = Box.of(0, 0, 10, 10);
    assertEquals(0, a.iou(Box.of(20, 20, 30, 30)), 0);
    assertEquals(0, a.iou(Box.of(10, 0, 20, 10)), 0);
    Box empty = Box.of(5, 5, 5, 8);
    assertEquals(0, empty.area(), 0);
    assertEquals(0, a.iou(empty), 0);
    Box inverted = Box.of(8, 8, 2, 2);
    assertEquals(0, inverted.area(), 0);
    assertEquals(0, a.iou(inverted), 0);
    assertEquals(0, inverted.iou(inverted), 0);
  }

  @Test
  void geometryAndClipping() {
    Box b = Box.ofCenter(5, 4, 6, 2);
    assertEquals(Box.of(2, 3, 8, 5), b);
    assertEquals(6, b.width(), 0);
    assertEquals(2, b.height(), 0);
    assertEquals(12, b.area(), 0);
    assertEquals(Box.of(4, 6, 16, 10), b.scale(2, 2));
    assertEquals(Box.of(2, 3, 4, 4), b.clip(Box.of(0, 0, 4, 4)));
    Box outside = b.clip(Box.of(10, 10, 20, 20));
    assertEquals(0, outside.area(), 0);
  }

  @Test
  void rejectsNonFiniteEdges() {
    assertThrows(IllegalArgumentException.class, () -> Box.of(Float.NaN, 0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Box.of(0, 0, Float.POSITIVE_INFINITY, 1));
  }
}
