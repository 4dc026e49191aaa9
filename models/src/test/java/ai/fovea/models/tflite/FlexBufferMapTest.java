package ai.fovea.models.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlexBuffersBuilder;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our FlexBuffer map reader against buffers written by flatbuffers-java's own FlexBuffersBuilder (an independent
 * implementation), and against damaged buffers, which must be {@link ModelFormatException}s and nothing else.
 */
class FlexBufferMapTest {
  private static byte[] sample(int flags) {
    FlexBuffersBuilder fbb = new FlexBuffersBuilder(ByteBuffer.allocate(64), flags);
    int map = fbb.startMap();
    fbb.putInt("small", 7);
    fbb.putInt("negative", -300);
    fbb.putInt("big", 5_000_000_000L);
    fbb.putFloat("half", 0.5f);
    fbb.putFloat("third", 1.0 / 3);
    fbb.putBoolean("yes", true);
    fbb.putBoolean("no", false);
    fbb.putString("name", "ssd");
    int vector = fbb.startVector();
    fbb.putInt(1);
    fbb.putInt(2);
    fbb.endVector("list", vector, true, false);
    fbb.endMap(null, map);
    ByteBuffer bb = fbb.finish();
    byte[] bytes = new byte[bb.remaining()];
    bb.get(bytes);
    return bytes;
  }

  @Test
  void readsScalarsWrittenByTheFlatBuffersBuilder() {
    for (int flags : new int[] {FlexBuffersBuilder.BUILDER_FLAG_NONE, FlexBuffersBuilder.BUILDER_FLAG_SHARE_ALL}) {
      FlexBufferMap m = FlexBufferMap.read(sample(flags), "test");
      assertEquals(Set.of("small", "negative", "big", "half", "third", "yes", "no", "name", "list"),
          m.keys());
      assertEquals(7, m.intValue("small"));
      assertEquals(-300, m.intValue("negative"));
      assertEquals(0.5f, m.floatValue("half"));
      assertEquals((float) (1.0 / 3), m.floatValue("third"));
      assertEquals(7f, m.floatValue("small"));
      assertEquals(0, m.intValue("half"), "AsInt32 of a float truncates");
      assertTrue(m.boolValue("yes"));
      assertFalse(m.boolValue("no"));
      assertTrue(m.boolValue("small"), "AsBool of a non-zero integer");
      assertTrue(m.keys().contains("list") && !m.has("list"), "a vector is a key without a scalar value");
      ModelFormatException e = assertThrows(ModelFormatException.class, () -> m.intValue("big"));
      assertTrue(e.getMessage().contains("does not fit an int"), e.getMessage());
      e = assertThrows(ModelFormatException.class, () -> m.intValue("name"));
      assertTrue(e.getMessage().contains("\"ssd\""), e.getMessage());
      e = assertThrows(ModelFormatException.class, () -> m.floatValue("list"));
      assertTrue(e.getMessage().contains("non-scalar"), e.getMessage());
      e = assertThrows(ModelFormatException.class, () -> m.intValue("missing"));
      assertTrue(e.getMessage().startsWith("test: no 'missing'"), e.getMessage());
    }
  }

  @Test
  void rejectsBuffersThatAreNotAMap() {
    FlexBuffersBuilder fbb = new FlexBuffersBuilder(ByteBuffer.allocate(16), FlexBuffersBuilder.BUILDER_FLAG_NONE);
    fbb.putInt(42);
    ByteBuffer bb = fbb.finish();
    byte[] scalar = new byte[bb.remaining()];
    bb.get(scalar);
    assertTrue(assertThrows(ModelFormatException.class, () -> FlexBufferMap.read(scalar, "x")).getMessage()
        .contains("not a map"));
    assertThrows(ModelFormatException.class, () -> FlexBufferMap.read(new byte[0], "x"));
    assertThrows(ModelFormatException.class, () -> FlexBufferMap.read(null, "x"));
    assertThrows(ModelFormatException.class, () -> FlexBufferMap.read(new byte[] {0, 0x24, 3}, "x"));
  }

  @Test
  void truncatedAndMutatedBuffersAreModelFormatExceptionsOnly() {
    byte[] good = sample(FlexBuffersBuilder.BUILDER_FLAG_NONE);
    for (int length = 0; length < good.length; length++) {
      byte[] cut = Arrays.copyOfRange(good, good.length - length, good.length);
      readAllOrReject(cut);
      readAllOrReject(Arrays.copyOf(good, length));
    }
    Random random = new Random(7);
    for (int trial = 0; trial < 20_000; trial++) {
      byte[] bad = good.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
      }
      readAllOrReject(bad);
    }
  }

  /** Reads every key as int, float and bool: each either gives a value or a ModelFormatException. */
  private static void readAllOrReject(byte[] buffer) {
    FlexBufferMap m;
    try {
      m = FlexBufferMap.read(buffer, "fuzz");
    } catch (ModelFormatException e) {
      return;
    }
    for (String key : m.keys()) {
      try {
        m.intValue(key);
        m.floatValue(key);
        m.boolValue(key);
      } catch (ModelFormatException e) {
        // a typed refusal is fine
      }
    }
  }
}
