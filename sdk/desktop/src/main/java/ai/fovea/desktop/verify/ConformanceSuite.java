package ai.fovea.desktop.verify;

import ai.fovea.desktop.verify.cases.ActivationCases;
import ai.fovea.desktop.verify.cases.ConvCases;
import ai.fovea.desktop.verify.cases.DetectionCases;
import ai.fovea.desktop.verify.cases.ElementwiseCases;
import ai.fovea.desktop.verify.cases.ModelCases;
import ai.fovea.desktop.verify.cases.PoolCases;
import ai.fovea.desktop.verify.cases.QuantCases;
import ai.fovea.desktop.verify.cases.ShapeCases;
import java.util.ArrayList;
import java.util.List;

/** Every conformance case, gathered from one case list per op family plus whole models. */
public final class ConformanceSuite {
  private ConformanceSuite() {}

  public static List<ConformanceCase> cases(Scale scale) {
    List<ConformanceCase> all = new ArrayList<>();
    all.addAll(ConvCases.cases(scale));
    all.addAll(PoolCases.cases(scale));
    all.addAll(ElementwiseCases.cases(scale));
    all.addAll(ShapeCases.cases(scale));
    all.addAll(ActivationCases.cases(scale));
    all.addAll(QuantCases.cases(scale));
    all.addAll(DetectionCases.cases(scale));
    all.addAll(ModelCases.cases(scale));
    return all;
  }
}
