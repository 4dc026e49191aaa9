package ai.fovea.desktop.verify.cases;

import ai.fovea.desktop.verify.ConformanceCase;
import ai.fovea.desktop.verify.Scale;
import java.util.ArrayList;
import java.util.List;

/** Conformance cases of the elementwise family against the real interpreter. */
public final class ElementwiseCases {
  private ElementwiseCases() {}

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> cases = new ArrayList<>();
    // The family's cases are added here as its kernels are registered.
    return cases;
  }
}
