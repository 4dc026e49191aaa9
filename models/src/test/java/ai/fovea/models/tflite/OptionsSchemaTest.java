package ai.fovea.models.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptionsSchemaTest {
  @Test
  void unsetFieldsReadAsSchemaDefaults() {
    OperatorOptions conv = OperatorOptions.builder("Conv2DOptions").set("stride_w", 2).build();
    assertEquals(2, conv.intValue("stride_w"));
    assertEquals(0, conv.intValue("stride_h"));
    assertEquals(1, conv.intValue("dilation_w_factor"));
    assertEquals(1, conv.intValue("dilation_h_factor"));
    assertTrue(OperatorOptions.builder("AddOptions").build().boolValue("pot_scale_int16"));
    assertEquals(0f, OperatorOptions.builder("LeakyReluOptions").build().floatValue("alpha"));
    assertArrayEquals(new int[0], OperatorOptions.builder("SqueezeOptions").build().intsValue("squeeze_dims"));
  }

  @Test
  void unknownFieldsAndWrongKindsAreRejected() {
    OperatorOptions pool = OperatorOptions.builder("Pool2DOptions").build();
    assertThrows(IllegalArgumentException.class, () -> pool.intValue("stride"));
    assertThrows(IllegalArgumentException.class, () -> pool.floatValue("stride_w"));
    assertThrows(IllegalArgumentException.class, () -> OperatorOptions.none().intValue("padding"));
    assertThrows(IllegalArgumentException.class, () -> OperatorOptions.builder("Conv2DOptions").set("padding", 300));
  }

  @Test
  void fieldIdsAndUnionNumbersFollowTheSchema() {
    // Spot checks against TF 2.6 schema.fbs: union positions and field positions (deprecated slots count).
    assertEquals(1, OptionsSchema.table("Conv2DOptions").unionType);
    assertEquals(5, OptionsSchema.table("Pool2DOptions").unionType);
    assertEquals(8, OptionsSchema.table("FullyConnectedOptions").unionType);
    assertEquals(27, OptionsSchema.table("ReducerOptions").unionType);
    assertEquals(49, OptionsSchema.table("TransposeConvOptions").unionType);
    assertEquals(74, OptionsSchema.table("ResizeNearestNeighborOptions").unionType);
    assertEquals(91, OptionsSchema.table("HardSwishOptions").unionType);
    assertEquals(99, OptionsSchema.table("DensifyOptions").unionType);
    assertEquals(2, OptionsSchema.table("ResizeBilinearOptions").field("align_corners").id);
    assertEquals(4, OptionsSchema.table("ResizeBilinearOptions").slotCount());
    assertEquals(5, OptionsSchema.table("Conv2DOptions").field("dilation_h_factor").id);
    assertEquals(4, OptionsSchema.table("DepthwiseConv2DOptions").field("fused_activation_function").id);
    assertEquals(4, OptionsSchema.table("StridedSliceOptions").field("shrink_axis_mask").id);
  }

  @Test
  void everyOperatorsTableIsKnownAndCodesAreUnique() {
    java.util.Set<Integer> codes = new java.util.HashSet<>();
    for (BuiltinOperator op : BuiltinOperator.values()) {
      if (op.optionsTable() != null) {
        assertNotNull(OptionsSchema.table(op.optionsTable()), op.name());
      }
      assertTrue(codes.add(op.code()), "duplicate code " + op.code());
      assertEquals(op, BuiltinOperator.fromCode(op.code()));
    }
    assertEquals(124, BuiltinOperator.DENSIFY.code());
    assertEquals(117, BuiltinOperator.HARD_SWISH.code());
    assertEquals(97, BuiltinOperator.RESIZE_NEAREST_NEIGHBOR.code());
  }

  @Test
  void onlyControlFlowTablesReferToSubgraphs() {
    assertTrue(OptionsSchema.table("WhileOptions").refersToSubgraphs());
    assertTrue(OptionsSchema.table("CallOnceOptions").refersToSubgraphs());
    assertFalse(OptionsSchema.table("Conv2DOptions").refersToSubgraphs());
  }

  @Test
  void deprecatedByteHoldsCodesUpTo127() {
    assertEquals(126, BuiltinOperator.deprecatedCodeFor(126));
    assertEquals(127, BuiltinOperator.deprecatedCodeFor(200));
    assertEquals(200, BuiltinOperator.effectiveCode(127, 200));
    assertEquals(3, BuiltinOperator.effectiveCode(3, 0));
  }
}
