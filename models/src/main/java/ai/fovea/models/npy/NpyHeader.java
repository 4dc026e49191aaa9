package ai.fovea.models.npy;

import ai.fovea.kernels.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The header dictionary of a {@code .npy} file, a Python literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}: parsed strictly (exactly these three
 * keys, in any order, either quote style, Python 2's {@code 3L} integers) and formatted exactly as NumPy
 * formats it, so files we write are byte-identical to {@code np.save}'s.
 */
final class NpyHeader {
  /** NumPy's own limit on dimensions (NPY_MAXDIMS in NumPy 2). */
  static final int MAX_RANK = 64;
  /** NumPy pads the header after the shape so that the first axis can grow to this many digits in place. */
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;

  final String descr;
  final boolean fortranOrder;
  final int[] shape;

  private NpyHeader(String descr, boolean fortranOrder, int[] shape) {
    this.descr = descr;
    this.fortranOrder = fortranOrder;
    this.shape = shape;
  }

  static NpyHeader of(NpyDtype dtype, Shape shape) {
    return new NpyHeader(dtype.descr(), false, shape.toArray());
  }

  /** The dictionary as NumPy writes it (keys sorted, trailing ", "), including its growth padding. */
  String format() {
    StringBuilder sb = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
        .append(fortranOrder ? "True" : "False").append(", 'shape': (");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    sb.append(shape.length == 1 ? ",), }" : "), }");
    if (shape.length > 0) {
      int growthAxis = fortranOrder ? shape.length - 1 : 0;
      for (int i = String.valueOf(shape[growthAxis]).length(); i < GROWTH_AXIS_MAX_DIGITS; i++) {
        sb.append(' '); // not String.repeat: Android has it only from API 33
      }
    }
    return sb.toString();
  }

  /** Parses the header text (without the padding rules: any trailing whitespace is accepted). */
  static NpyHeader parse(String text) {
    return new Parser(text).header();
  }

  /** A reader of the one dictionary shape NumPy writes; every failure names the position and what was wrong. */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    NpyHeader header() {
      String descr = null;
      Boolean fortranOrder = null;
      int[] shape = null;
      expect('{');
      while (true) {
        skipSpace();
        if (peek() == '}') {
          pos++;
          break;
        }
        String key = string();
        expect(':');
        skipSpace();
        switch (key) {
          case "descr":
            checkUnique(key, descr);
            if (peek() == '[') {
              throw new NpyFormatException("structured dtypes (a list of fields in 'descr') are not supported");
            }
            descr = string();
            break;
          case "fortran_order":
            checkUnique(key, fortranOrder);
            fortranOrder = bool();
            break;
          case "shape":
            checkUnique(key, shape);
            shape = shape();
            break;
          default:
            throw new NpyFormatException("header has an unexpected key '" + key
                + "'; expected exactly 'descr', 'fortran_order' and 'shape'");
        }
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else if (peek() != '}') {
          throw error("',' or '}'");
        }
      }
      skipSpace();
      if (pos != s.length()) {
        throw error("the end of the header after the dictionary");
      }
      if (descr == null || fortranOrder == null || shape == null) {
        throw new NpyFormatException("header lacks the key '" + (descr == null ? "descr"
            : fortranOrder == null ? "fortran_order" : "shape") + "'");
      }
      return new NpyHeader(descr, fortranOrder, shape);
    }

    private void checkUnique(String key, Object previous) {
      if (previous != null) {
        throw new NpyFormatException("header has the key '" + key + "' twice");
      }
    }

    private String string() {
      char quote = peek();
      if (quote != '\'' && quote != '"') {
        throw error("a quoted string");
      }
      int end = s.indexOf(quote, pos + 1);
      if (end < 0) {
        throw new NpyFormatException("header string at offset " + pos + " is not closed");
      }
      String value = s.substring(pos + 1, end);
      if (value.indexOf('\\') >= 0) {
        throw new NpyFormatException("header string '" + value + "' has escapes; NumPy writes none");
      }
      pos = end + 1;
      skipSpace();
      return value;
    }

    private boolean bool() {
      if (s.startsWith("True", pos)) {
        pos += 4;
        return true;
      }
      if (s.startsWith("False", pos)) {
        pos += 5;
        return false;
      }
      throw error("True or False for 'fortran_order'");
    }

    private int[] shape() {
      if (peek() != '(') {
        throw error("a tuple of integers for 'shape'");
      }
      pos++;
      List<Integer> dims = new ArrayList<>();
      boolean comma = false;
      while (true) {
        skipSpace();
        if (peek() == ')') {
          pos++;
          break;
        }
        if (!dims.isEmpty() && !comma) {
          throw error("',' between dimensions");
        }
        dims.add(dimension(dims.size()));
        if (dims.size() > MAX_RANK) {
          throw new NpyFormatException("shape has more than " + MAX_RANK + " dimensions");
        }
        skipSpace();
        comma = peek() == ',';
        if (comma) {
          pos++;
        }
      }
      if (dims.size() == 1 && !comma) {
        throw new NpyFormatException("'shape' is (" + dims.get(0) + ") without a comma: an integer, not a tuple");
      }
      return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private int dimension(int axis) {
      int start = pos;
      if (peek() == '-') {
        throw new NpyFormatException("shape dimension " + axis + " is negative");
      }
      long value = 0;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') { // ASCII only, not Unicode digits
        value = value * 10 + (s.charAt(pos++) - '0');
        if (value > Integer.MAX_VALUE) {
          throw new NpyFormatException("shape dimension " + axis + " is larger than 2^31-1");
        }
      }
      if (pos == start) {
        throw error("an integer dimension");
      }
      if (peek() == 'L' || peek() == 'l') {
        pos++; // Python 2's long literal, as old NumPy versions wrote it.
      }
      return (int) value;
    }

    private void expect(char c) {
      skipSpace();
      if (peek() != c) {
        throw error("'" + c + "'");
      }
      pos++;
    }

    private void skipSpace() {
      while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\n'
          || s.charAt(pos) == '\r')) {
        pos++;
      }
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private NpyFormatException error(String expected) {
      String found = pos >= s.length() ? "the end of the header"
          : "'" + s.substring(pos, Math.min(s.length(), pos + 12)).replace("\n", "\\n") + "'";
      return new NpyFormatException("header offset " + pos + ": expected " + expected + ", found " + found);
    }
  }
}
