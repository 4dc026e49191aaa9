package ai.fovea.desktop.run;

import ai.fovea.desktop.bench.RandomInputs;
import ai.fovea.kernels.tensor.Tensor;
import ai.fovea.models.npy.NpyArray;
import ai.fovea.models.npy.NpyDtype;
import ai.fovea.models.npy.NpyFormatException;
import ai.fovea.models.npy.NpyReader;
import ai.fovea.sdk.engine.TensorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The input tensors for one run of a model: one {@code .npy} file per model input, checked against the input's
 * dtype and shape (nothing is converted: a float64 array for a float32 input is refused, not rounded), or
 * seeded random values ({@link RandomInputs}).
 */
public final class ModelInputs {
  private ModelInputs() {}

  /** Reads {@code files[i]} for {@code specs[i]}; throws {@link ModelInputException} naming the file and input. */
  public static Tensor[] fromNpy(List<TensorSpec> specs, List<Path> files) {
    if (files.size() != specs.size()) {
      throw new ModelInputException("the model has " + specs.size() + " input" + (specs.size() == 1 ? "" : "s")
          + " (" + describe(specs) + "), got " + files.size() + " .npy file" + (files.size() == 1 ? "" : "s"));
    }
    Tensor[] inputs = new Tensor[specs.size()];
    for (int i = 0; i < inputs.length; i++) {
      TensorSpec spec = specs.get(i);
      Path file = files.get(i);
      NpyArray array = read(file);
      NpyDtype wanted = NpyDtype.of(spec.dataType());
      if (array.dtype() != wanted || !array.shape().equals(spec.shape())) {
        throw new ModelInputException(file + " holds " + array + "; input " + i + " '" + spec.name() + "' needs "
            + wanted.descr() + spec.shape());
      }
      inputs[i] = array.toTensor(spec.name(), spec.quantization());
    }
    return inputs;
  }

  /** Seeded random values for every input; throws {@link ModelInputException} for types that are not generated. */
  public static Tensor[] random(List<TensorSpec> specs, long seed) {
    try {
      return RandomInputs.of(specs, seed);
    } catch (IllegalArgumentException e) {
      throw new ModelInputException(e.getMessage() + "; pass .npy files instead");
    }
  }

  private static NpyArray read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ModelInputException("cannot read " + file + ": " + e);
    }
    try {
      return NpyReader.read(bytes);
    } catch (NpyFormatException e) {
      throw new ModelInputException(file + " is not a usable .npy file: " + e.getMessage());
    }
  }

  private static String describe(List<TensorSpec> specs) {
    StringBuilder sb = new StringBuilder();
    for (TensorSpec s : specs) {
      sb.append(sb.length() == 0 ? "" : ", ").append(s.name()).append(' ')
          .append(NpyDtype.of(s.dataType()).descr()).append(s.shape());
    }
    return sb.toString();
  }
}
