package ai.fovea.sdk.vision;

import ai.fovea.sdk.engine.EngineModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where a task's .tflite model comes from: a file, bytes or a buffer in memory, or a class-path resource (how
 * bundled models ship). {@link #load} reads and validates it; an unreadable source is a
 * {@link ModelLoadException}, a malformed file the reader's {@code ModelFormatException}. Immutable.
 */
public final class ModelSource {
  private final String description;
  private final Loader loader;

  private interface Loader {
    EngineModel load() throws IOException;
  }

  private ModelSource(String description, Loader loader) {
    this.description = description;
    this.loader = loader;
  }

  /** A .tflite file on disk, read when the task is created. */
  public static ModelSource file(Path path) {
    if (path == null) {
      throw new IllegalArgumentException("model path is null");
    }
    return new ModelSource("file " + path, () -> EngineModel.of(Files.readAllBytes(path)));
  }

  /** A .tflite file on disk by name. */
  public static ModelSource file(String path) {
    if (path == null) {
      throw new IllegalArgumentException("model path is null");
    }
    return file(Paths.get(path));
  }

  /** A .tflite file held in memory (copied). */
  public static ModelSource bytes(byte[] model) {
    if (model == null) {
      throw new IllegalArgumentException("model bytes are null");
    }
    byte[] copy = model.clone();
    return new ModelSource("bytes (" + copy.length + ")", () -> EngineModel.of(copy));
  }

  /** A .tflite file between the buffer's position and limit (copied now; the buffer is not changed). */
  public static ModelSource buffer(ByteBuffer model) {
    if (model == null) {
      throw new IllegalArgumentException("model buffer is null");
    }
    byte[] copy = new byte[model.remaining()];
    model.duplicate().get(copy);
    return new ModelSource("buffer (" + copy.length + " bytes)", () -> EngineModel.of(copy));
  }

  /** A class-path resource, e.g. a model bundled in a jar or an Android app's Java resources. */
  public static ModelSource resource(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("resource name is empty");
    }
    return new ModelSource("resource " + name, () -> {
      try (InputStream in = ModelSource.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("no such resource on the class path");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        for (int n; (n = in.read(chunk)) > 0; ) {
          out.write(chunk, 0, n);
        }
        return EngineModel.of(out.toByteArray());
      }
    });
  }

  /** Reads and validates the model. */
  public EngineModel load() {
    try {
      return loader.load();
    } catch (IOException e) {
      throw new ModelLoadException("cannot read model from " + description + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
