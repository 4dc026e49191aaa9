package ai.fovea.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {
  @Test
  void eraseProbabilityRoundTripsThroughText() {
    TrainingConfig config = TrainingConfig.builder().augmentation(2, true).erasing(0.25f).build();
    TrainingConfig back = TrainingConfig.fromText(config.toText());
    assertEquals(0.25f, back.erase);
    assertEquals(config.toText(), back.toText());
    assertTrue(back.sameRunAs(config));
    assertFalse(back.sameRunAs(TrainingConfig.builder().augmentation(2, true).build()));
    assertEquals(0f, TrainingConfig.builder().build().erase);
  }

  @Test
  void rejectsEraseOutsideZeroToOneAndTextWithoutIt() {
    for (float p : new float[] {-0.1f, 1.5f, Float.NaN}) {
      assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingConfig.builder().erasing(p))
          .getMessage().contains(String.valueOf(p)));
    }
    String withoutErase = TrainingConfig.builder().build().toText().replaceAll("(?m)^erase=.*\n", "");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingConfig.fromText(withoutErase))
        .getMessage().contains("'erase'"));
  }
}
