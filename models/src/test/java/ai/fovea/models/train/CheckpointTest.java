package ai.fovea.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  private static byte[] file;
  private static Checkpoint checkpoint;

  @BeforeAll
  static void trainOneEpoch() {
    List<Checkpoint> saved = new ArrayList<>();
    TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(16).seed(5).build();
    Trainer.builder(config).tags("dataset=synthetic\n").checkpoints(saved::add).build()
        .train(Architecture.RESNET.build(12, 12, 1, 4, 0.5f, 1), SyntheticImages.make(64, 1),
            SyntheticImages.make(16, 2));
    checkpoint = saved.get(1);
    file = bytes(checkpoint);
  }

  static byte[] bytes(Checkpoint c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      c.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Checkpoint roundTrip(Checkpoint c) {
    try {
      return Checkpoint.read(new ByteArrayInputStream(bytes(c)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Checkpoint read(byte[] bytes) throws IOException {
    return Checkpoint.read(new ByteArrayInputStream(bytes));
  }

  @Test
  void roundTripKeepsEverything() throws IOException {
    Checkpoint back = read(file);
    assertEquals(2, back.epochsDone());
    assertEquals(checkpoint.networkName(), back.networkName());
    assertTrue(back.config().sameRunAs(checkpoint.config()));
    assertEquals("dataset=synthetic\n", back.tags());
    assertEquals(checkpoint.normalization(), back.normalization());
    for (int i = 0; i < 2; i++) {
      assertTrue(back.history().get(i).sameResultAs(checkpoint.history().get(i)));
      assertEquals(checkpoint.history().get(i).seconds, back.history().get(i).seconds);
    }
    assertEquals(file.length, bytes(back).length);
    assertTrue(Arrays.equals(file, bytes(back)));
  }

  @Test
  void everyTruncationIsRejected() {
    for (int length = 0; length < file.length; length += Math.max(1, file.length / 97)) {
      byte[] cut = Arrays.copyOf(file, length);
      assertThrows(CheckpointFormatException.class, () -> read(cut), "length " + length);
    }
  }

  @Test
  void flippedBytesFailTheChecksum() {
    for (int at : new int[] {12, file.length / 3, file.length / 2, file.length - 9}) {
      byte[] bad = file.clone();
      bad[at] ^= 0x10;
      CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> read(bad), "byte " + at);
      assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }
  }

  @Test
  void badMagicAndVersionAreNamed() {
    byte[] magic = file.clone();
    magic[0] = 'X';
    assertTrue(assertThrows(CheckpointFormatException.class, () -> read(magic)).getMessage().contains("magic"));
    byte[] version = file.clone();
    version[11] = 9;
    assertTrue(assertThrows(CheckpointFormatException.class, () -> read(version)).getMessage().contains("version"));
    byte[] first = file.clone();
    first[11] = 1; // version 1 held one scalar mean and std: not read
    assertTrue(assertThrows(CheckpointFormatException.class, () -> read(first)).getMessage()
        .contains("version 1 is not supported"));
  }

  @Test
  void restoringIntoAnotherNetworkIsRejected() throws IOException {
    Checkpoint back = read(file);
    assertThrows(CheckpointFormatException.class,
        () -> back.restoreWeights(Architecture.VGG.build(12, 12, 1, 4, 0.5f, 1)));
    assertThrows(CheckpointFormatException.class,
        () -> back.restoreWeights(Architecture.RESNET.build(12, 12, 1, 4, 1f, 1)));
  }
}
