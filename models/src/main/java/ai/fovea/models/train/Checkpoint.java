package ai.fovea.models.train;

import ai.fovea.kernels.autodiff.Variable;
import ai.fovea.kernels.optim.Optimizer;
import ai.fovea.models.data.Normalization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Everything a training run needs to continue exactly where it stopped: parameters, batch-norm statistics,
 * optimizer state and step count, epochs done, the input normalization, the history so far and the
 * configuration (whose seed fixes every later epoch's randomness, see {@link Trainer}). Free-form {@code tags}
 * (Properties text) say how to rebuild the network (the CLI stores dataset, architecture and width).
 *
 * <p>Format, big-endian: magic {@code FOVEACKP}, int version (2), UTF network name, UTF configuration, UTF tags, int
 * epochs done, int optimizer steps, int channel count and per channel a float mean and a float std, int record count
 * and per record an int epoch and seven doubles, int array count and per array a UTF name, int length and the
 * floats, then the CRC-32 of all preceding bytes as a long. Reading checks the magic, version, checksum and every
 * count against the file and throws {@link CheckpointFormatException} (version 1, with one scalar mean and std, is
 * not read); restoring checks every array's name and length against the network.
 */
public final class Checkpoint {
  static final int VERSION = 2;
  private static final byte[] MAGIC = {'F', 'O', 'V', 'E', 'A', 'C', 'K', 'P'};
  private static final int MAX_BYTES = Integer.MAX_VALUE - 64;

  private final String networkName;
  private final TrainingConfig config;
  private final String tags;
  private final int epochsDone;
  private final int steps;
  private final Normalization normalization;
  private final List<EpochRecord> history;
  private final List<String> names;
  private final List<float[]> arrays;

  private Checkpoint(String networkName, TrainingConfig config, String tags, int epochsDone, int steps,
      Normalization normalization, List<EpochRecord> history, List<String> names, List<float[]> arrays) {
    this.networkName = networkName;
    this.config = config;
    this.tags = tags;
    this.epochsDone = epochsDone;
    this.steps = steps;
    this.normalization = normalization;
    this.history = List.copyOf(history);
    this.names = List.copyOf(names);
    this.arrays = arrays;
  }

  /** A snapshot (copies) of the network, optimizer and run state after {@code history.size()} epochs. */
  static Checkpoint capture(Network network, Optimizer optimizer, TrainingConfig config, String tags,
      Normalization normalization, List<EpochRecord> history) {
    List<String> names = new ArrayList<>();
    List<float[]> arrays = new ArrayList<>();
    collect(network, optimizer, names, arrays);
    List<float[]> copies = new ArrayList<>();
    for (float[] a : arrays) {
      copies.add(a.clone());
    }
    return new Checkpoint(network.name(), config, tags == null ? "" : tags, history.size(), optimizer.steps(),
        normalization, history, names, copies);
  }

  /** The live arrays a checkpoint holds for this network and optimizer, in file order, with their names. */
  private static void collect(Network network, Optimizer optimizer, List<String> names, List<float[]> arrays) {
    for (Variable p : network.parameters()) {
      names.add(p.name());
      arrays.add(p.values());
    }
    List<float[]> buffers = network.buffers();
    for (int i = 0; i < buffers.size(); i++) {
      names.add("buffer/" + i);
      arrays.add(buffers.get(i));
    }
    List<float[]> state = optimizer.state();
    for (int i = 0; i < state.size(); i++) {
      names.add("optimizer/" + i);
      arrays.add(state.get(i));
    }
  }

  /** Writes this checkpoint's values into the network and optimizer (which must match it array for array). */
  void restoreInto(Network network, Optimizer optimizer) {
    if (!network.name().equals(networkName)) {
      throw new CheckpointFormatException("checkpoint is for network '" + networkName + "', not '"
          + network.name() + "'");
    }
    List<String> liveNames = new ArrayList<>();
    List<float[]> live = new ArrayList<>();
    collect(network, optimizer, liveNames, live);
    if (!liveNames.equals(names)) {
      throw new CheckpointFormatException("checkpoint holds " + names.size() + " arrays that do not match the "
          + liveNames.size() + " of network '" + network.name() + "' with optimizer " + config.optimizer.id());
    }
    for (int i = 0; i < live.size(); i++) {
      if (live.get(i).length != arrays.get(i).length) {
        throw new CheckpointFormatException("array " + names.get(i) + " has " + arrays.get(i).length
            + " values; the network needs " + live.get(i).length);
      }
    }
    for (int i = 0; i < live.size(); i++) {
      System.arraycopy(arrays.get(i), 0, live.get(i), 0, live.get(i).length);
    }
    optimizer.restoreSteps(steps);
  }

  /** Copies the parameters and batch-norm statistics (not the optimizer state) into {@code network}. */
  public void restoreWeights(Network network) {
    List<float[]> live = new ArrayList<>();
    for (Variable p : network.parameters()) {
      live.add(p.values());
    }
    live.addAll(network.buffers());
    if (!network.name().equals(networkName) || live.size() > arrays.size()) {
      throw new CheckpointFormatException("checkpoint is for network '" + networkName + "', not '"
          + network.name() + "'");
    }
    for (int i = 0; i < live.size(); i++) {
      if (live.get(i).length != arrays.get(i).length) {
        throw new CheckpointFormatException("array " + names.get(i) + " has " + arrays.get(i).length
            + " values; the network needs " + live.get(i).length);
      }
      System.arraycopy(arrays.get(i), 0, live.get(i), 0, live.get(i).length);
    }
  }

  public String networkName() {
    return networkName;
  }

  public TrainingConfig config() {
    return config;
  }

  /** Free-form Properties text given by whoever started the run. */
  public String tags() {
    return tags;
  }

  public int epochsDone() {
    return epochsDone;
  }

  public Normalization normalization() {
    return normalization;
  }

  public List<EpochRecord> history() {
    return Collections.unmodifiableList(history);
  }

  public void write(OutputStream out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(bytes);
    data.write(MAGIC);
    data.writeInt(VERSION);
    data.writeUTF(networkName);
    data.writeUTF(config.toText());
    data.writeUTF(tags);
    data.writeInt(epochsDone);
    data.writeInt(steps);
    float[] mean = normalization.mean();
    float[] std = normalization.std();
    data.writeInt(mean.length);
    for (int c = 0; c < mean.length; c++) {
      data.writeFloat(mean[c]);
      data.writeFloat(std[c]);
    }
    data.writeInt(history.size());
    for (EpochRecord r : history) {
      data.writeInt(r.epoch);
      for (double v : new double[] {r.trainLoss, r.trainAccuracy, r.validationLoss, r.validationAccuracy,
          r.learningRate, r.seconds, r.samplesPerSecond}) {
        data.writeDouble(v);
      }
    }
    data.writeInt(arrays.size());
    for (int i = 0; i < arrays.size(); i++) {
      data.writeUTF(names.get(i));
      float[] a = arrays.get(i);
      data.writeInt(a.length);
      for (float v : a) {
        data.writeFloat(v);
      }
    }
    data.flush();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    data.writeLong(crc.getValue());
    data.flush();
    bytes.writeTo(out);
  }

  /** Reads and validates a checkpoint; never returns a partial one. */
  public static Checkpoint read(InputStream in) throws IOException {
    byte[] file = readAll(in);
    if (file.length < MAGIC.length + 4 + 8) {
      throw new CheckpointFormatException("not a Fovea checkpoint: " + file.length + " bytes is too short");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (file[i] != MAGIC[i]) {
        throw new CheckpointFormatException("not a Fovea checkpoint: bad magic");
      }
    }
    DataInputStream data = new DataInputStream(new ByteArrayInputStream(file, MAGIC.length, file.length));
    int version = data.readInt();
    if (version != VERSION) {
      throw new CheckpointFormatException("checkpoint version " + version + " is not supported (expected "
          + VERSION + ")");
    }
    CRC32 crc = new CRC32();
    crc.update(file, 0, file.length - 8);
    long stored = new DataInputStream(new ByteArrayInputStream(file, file.length - 8, 8)).readLong();
    if (stored != crc.getValue()) {
      throw new CheckpointFormatException("checkpoint is corrupt: checksum mismatch");
    }
    try {
      return parse(data, file.length);
    } catch (EOFException e) {
      throw new CheckpointFormatException("checkpoint is truncated", e);
    } catch (IllegalArgumentException e) {
      throw new CheckpointFormatException("checkpoint has a bad value: " + e.getMessage(), e);
    }
  }

  private static Checkpoint parse(DataInputStream data, int fileLength) throws IOException {
    String networkName = data.readUTF();
    TrainingConfig config = TrainingConfig.fromText(data.readUTF());
    String tags = data.readUTF();
    int epochsDone = data.readInt();
    int steps = data.readInt();
    float[] mean = new float[count(data, fileLength, 8, "normalization channel")];
    float[] std = new float[mean.length];
    for (int c = 0; c < mean.length; c++) {
      mean[c] = data.readFloat();
      std[c] = data.readFloat();
    }
    Normalization normalization = Normalization.of(mean, std);
    int records = count(data, fileLength, 60, "history");
    if (epochsDone != records || steps < 0) {
      throw new CheckpointFormatException("checkpoint says " + epochsDone + " epochs done but holds " + records
          + " history records (" + steps + " steps)");
    }
    List<EpochRecord> history = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      int epoch = data.readInt();
      double[] v = new double[7];
      for (int j = 0; j < v.length; j++) {
        v[j] = data.readDouble();
      }
      history.add(new EpochRecord(epoch, v[0], v[1], v[2], v[3], v[4], v[5], v[6]));
    }
    int count = count(data, fileLength, 6, "arrays");
    List<String> names = new ArrayList<>();
    List<float[]> arrays = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(data.readUTF());
      float[] a = new float[count(data, fileLength, 4, "values of " + names.get(i))];
      for (int j = 0; j < a.length; j++) {
        a[j] = data.readFloat();
      }
      arrays.add(a);
    }
    if (data.available() != 8) {
      throw new CheckpointFormatException("checkpoint has " + (data.available() - 8) + " unexpected trailing bytes");
    }
    return new Checkpoint(networkName, config, tags, epochsDone, steps, normalization, history, names, arrays);
  }

  /** A count that the rest of the file can hold at {@code bytesEach} bytes per item. */
  private static int count(DataInputStream data, int fileLength, int bytesEach, String what) throws IOException {
    int n = data.readInt();
    if (n < 0 || (long) n * bytesEach > data.available()) {
      throw new CheckpointFormatException("checkpoint's " + what + " count " + n + " does not fit the "
          + fileLength + "-byte file");
    }
    return n;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > MAX_BYTES) {
        throw new CheckpointFormatException("checkpoint larger than 2 GiB");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
