package ai.fovea.desktop.report;

import ai.fovea.models.classic.BaselineResult;
import ai.fovea.models.data.LabeledImages;
import ai.fovea.models.train.EpochRecord;
import ai.fovea.models.train.Predictions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run's report shows: how it was made (command, hyper-parameters, data), what happened
 * (per-epoch history), and how the result did on the test set (one or more named evaluations, e.g. the float
 * model and its int8 export; the first one is the primary, whose confusion matrix and misclassified images are
 * drawn), beside the classic baselines on the same split. Immutable; built with {@link #builder}.
 */
public final class TrainingReport {
  /** One evaluation of a model on the test set, e.g. "float (ours)" or "int8 (TFLite 2.6.2)". */
  public static final class Evaluation {
    private final String name;
    private final Predictions predictions;

    Evaluation(String name, Predictions predictions) {
      this.name = name;
      this.predictions = predictions;
    }

    public String name() {
      return name;
    }

    public Predictions predictions() {
      return predictions;
    }
  }

  private final String title;
  private final String command;
  private final Map<String, String> hyperParameters;
  private final Map<String, String> data;
  private final List<EpochRecord> history;
  private final List<String> classNames;
  private final List<Evaluation> evaluations;
  private final LabeledImages testImages;
  private final List<BaselineResult> baselines;
  private final List<String> notes;

  private TrainingReport(Builder b) {
    this.title = b.title;
    this.command = b.command;
    this.hyperParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.hyperParameters));
    this.data = Collections.unmodifiableMap(new LinkedHashMap<>(b.data));
    this.history = List.copyOf(b.history);
    this.classNames = List.copyOf(b.classNames);
    this.evaluations = List.copyOf(b.evaluations);
    this.testImages = b.testImages;
    this.baselines = List.copyOf(b.baselines);
    this.notes = List.copyOf(b.notes);
  }

  /** {@code title} names the run, e.g. {@code vgg on fashion-mnist}. */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  public String title() {
    return title;
  }

  /** The command that reproduces the run, or null. */
  public String command() {
    return command;
  }

  public Map<String, String> hyperParameters() {
    return hyperParameters;
  }

  public Map<String, String> data() {
    return data;
  }

  public List<EpochRecord> history() {
    return history;
  }

  public List<String> classNames() {
    return classNames;
  }

  /** The test-set evaluations; the first is the primary one. */
  public List<Evaluation> evaluations() {
    return evaluations;
  }

  /** The test images the evaluations were made on (pixels in [0, 1]). */
  public LabeledImages testImages() {
    return testImages;
  }

  public List<BaselineResult> baselines() {
    return baselines;
  }

  public List<String> notes() {
    return notes;
  }

  /** Collects a report's parts; {@link #build} checks they fit together. */
  public static final class Builder {
    private final String title;
    private String command;
    private final Map<String, String> hyperParameters = new LinkedHashMap<>();
    private final Map<String, String> data = new LinkedHashMap<>();
    private final List<EpochRecord> history = new ArrayList<>();
    private final List<String> classNames = new ArrayList<>();
    private final List<Evaluation> evaluations = new ArrayList<>();
    private LabeledImages testImages;
    private final List<BaselineResult> baselines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Builder(String title) {
      if (title == null || title.isBlank()) {
        throw new IllegalArgumentException("a report needs a title");
      }
      this.title = title;
    }

    public Builder command(String command) {
      this.command = command;
      return this;
    }

    /** Adds one hyper-parameter row (kept in insertion order). */
    public Builder hyperParameter(String name, Object value) {
      hyperParameters.put(requireText("hyper-parameter name", name), String.valueOf(value));
      return this;
    }

    /** Adds one row describing the data (split sizes, source, normalization, augmentation). */
    public Builder data(String name, Object value) {
      data.put(requireText("data row name", name), String.valueOf(value));
      return this;
    }

    public Builder history(List<EpochRecord> records) {
      history.clear();
      history.addAll(records);
      return this;
    }

    public Builder classNames(List<String> names) {
      classNames.clear();
      classNames.addAll(names);
      return this;
    }

    /**
     * The first evaluation added is the primary one (confusion matrix, misclassified grid) and must cover every
     * test image; later ones may cover only the first images of the test set (their name should say so).
     */
    public Builder evaluation(String name, Predictions predictions) {
      if (predictions == null) {
        throw new IllegalArgumentException("evaluation " + name + " has no predictions");
      }
      evaluations.add(new Evaluation(requireText("evaluation name", name), predictions));
      return this;
    }

    public Builder testImages(LabeledImages images) {
      this.testImages = images;
      return this;
    }

    public Builder baselines(List<BaselineResult> results) {
      baselines.clear();
      baselines.addAll(results);
      return this;
    }

    /** A sentence for the report's notes (what was not done, subsamples, caveats). */
    public Builder note(String note) {
      notes.add(requireText("note", note));
      return this;
    }

    public TrainingReport build() {
      if (history.isEmpty()) {
        throw new IllegalStateException("report " + title + " has no epochs");
      }
      if (evaluations.isEmpty() || testImages == null) {
        throw new IllegalStateException("report " + title + " needs a test evaluation and the test images");
      }
      int classes = evaluations.get(0).predictions.classes();
      if (classNames.size() != classes) {
        throw new IllegalStateException(classes + " classes but " + classNames.size() + " class names");
      }
      if (evaluations.get(0).predictions.count() != testImages.count()) {
        throw new IllegalStateException("the primary evaluation " + evaluations.get(0).name + " has "
            + evaluations.get(0).predictions.count() + " predictions for " + testImages.count() + " test images");
      }
      for (Evaluation e : evaluations) {
        if (e.predictions.classes() != classes || e.predictions.count() > testImages.count()) {
          throw new IllegalStateException("evaluation " + e.name + " has " + e.predictions.count() + " predictions over "
              + e.predictions.classes() + " classes; expected at most " + testImages.count() + " over " + classes);
        }
      }
      return new TrainingReport(this);
    }

    private static String requireText(String what, String text) {
      if (text == null || text.isBlank()) {
        throw new IllegalArgumentException(what + " is empty");
      }
      return text;
    }
  }
}
