package ai.fovea.desktop.recognize;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What `./fovea recognize --task` and the demo can be asked to do; {@link #SIGNS} comes with its own issue. */
public enum RecognitionTask {
  CLASSIFY("classify"),
  DETECT("detect"),
  SIGNS("signs");

  private final String key;

  RecognitionTask(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The task named {@code key}; {@link IllegalArgumentException} listing the names otherwise. */
  public static RecognitionTask parse(String key) {
    for (RecognitionTask t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown task '" + key + "'; choose "
        + Arrays.stream(values()).map(RecognitionTask::key).collect(Collectors.joining(", ")));
  }
}
