package ai.fovea.desktop.data;

import ai.fovea.models.data.LabeledImages;
import java.util.List;

/**
 * A labelled image dataset ready for training: its training images, its test (held-out) images, the class names
 * by label, and where it came from (shown in reports). Made by {@link Datasets}.
 *
 * @param name short name, as {@code ./fovea train} spells it (e.g. {@code fashion-mnist})
 * @param train training images (split a validation part off these, never off {@code test})
 * @param test held-out images used only for the final accuracy
 * @param classNames class name of each label, index = label
 * @param source where the files came from, in words (package, version, path, checksum)
 * @param licence the data's licence
 */
public record Dataset(String name, LabeledImages train, LabeledImages test, List<String> classNames, String source,
    String licence) {
  public Dataset {
    classNames = List.copyOf(classNames);
  }
}
