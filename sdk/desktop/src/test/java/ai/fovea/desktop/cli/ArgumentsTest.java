package ai.fovea.desktop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  private static Arguments parse(String... args) {
    return Arguments.parse(args, Set.of("--threads", "--filter"), Set.of("--quick"));
  }

  @Test
  void separatesOptionsFlagsAndPositionalWords() {
    Arguments a = parse("model.tflite", "--threads", "4", "--quick", "second");
    assertEquals(List.of("model.tflite", "second"), a.positional());
    assertEquals(4, a.intOption("--threads", 1, 1));
    assertTrue(a.flag("--quick"));
    assertEquals("all", a.option("--filter", "all"));
    Arguments none = parse();
    assertFalse(none.flag("--quick"));
    assertEquals(2, none.intOption("--threads", 2, 1));
  }

  @Test
  void keepsEveryValueOfARepeatedOption() {
    Arguments a = parse("--filter", "a", "m.tflite", "--filter", "b");
    assertEquals(List.of("a", "b"), a.values("--filter"));
    assertEquals("b", a.option("--filter", null));
    assertEquals(List.of(), a.values("--threads"));
  }

  @Test
  void rejectsUnknownOptionsMissingValuesAndBadNumbersNamingThem() {
    assertEquals("unknown option --thread", assertThrows(UsageException.class, () -> parse("--thread", "2")).getMessage());
    assertEquals("--filter needs a value", assertThrows(UsageException.class, () -> parse("--filter")).getMessage());
    assertEquals("--threads must be at least 1, got 0",
        assertThrows(UsageException.class, () -> parse("--threads", "0").intOption("--threads", 2, 1)).getMessage());
    assertEquals("--threads takes a whole number, got '2.5'",
        assertThrows(UsageException.class, () -> parse("--threads", "2.5").intOption("--threads", 2, 1)).getMessage());
  }
}
