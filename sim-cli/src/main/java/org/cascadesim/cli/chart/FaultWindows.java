package org.cascadesim.cli.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cascadesim.cli.report.Units;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.DependencySpec;
import org.cascadesim.models.scenario.DistributionSpec;
import org.cascadesim.models.scenario.ErrorRateFault;
import org.cascadesim.models.scenario.ExponentialDist;
import org.cascadesim.models.scenario.FaultSpec;
import org.cascadesim.models.scenario.HangFault;
import org.cascadesim.models.scenario.LatencyFault;
import org.cascadesim.models.scenario.LogNormalDist;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.UniformDist;

/**
 * The fault windows of a scenario as labelled intervals for shading time charts: every fault of
 * every dependency, in file order, labelled with the dependency and the effect
 * ({@code provider: latency 2 s}).
 */
final class FaultWindows {
  private FaultWindows() {}

  /**
   * One shaded interval.
   *
   * @param fromNanos start of the window
   * @param toNanos end of the window
   * @param label what happens in it
   */
  record Window(long fromNanos, long toNanos, String label) {}

  /** Returns every fault window of the scenario's dependencies, in file order. */
  static List<Window> of(ScenarioSpec scenario) {
    List<Window> windows = new ArrayList<>();
    for (Map.Entry<String, DependencySpec> dependency : scenario.dependencies().entrySet()) {
      for (FaultSpec fault : dependency.getValue().faults()) {
        windows.add(new Window(fault.fromNanos(), fault.toNanos(), dependency.getKey() + ": " + effect(fault)));
      }
    }
    return windows;
  }

  /** Describes what a fault does in a few words. */
  static String effect(FaultSpec fault) {
    if (fault instanceof LatencyFault latency) {
      return "latency " + distribution(latency.latency());
    }
    if (fault instanceof ErrorRateFault errors) {
      return "error rate " + percent(errors.errorRate()) + "%";
    }
    if (fault instanceof HangFault) {
      return "hangs";
    }
    return "fault";
  }

  /** Formats a fraction as a percentage with up to four significant digits ({@code 0.125} -> {@code 12.5}). */
  static String percent(double fraction) {
    return new BigDecimal(fraction * 100).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** Describes a distribution briefly: the value of a constant, the centre of the others. */
  static String distribution(DistributionSpec dist) {
    if (dist instanceof ConstantDist c) {
      return Units.duration(c.valueNanos());
    }
    if (dist instanceof LogNormalDist l) {
      return "median " + Units.duration(l.medianNanos()) + ", p99 " + Units.duration(l.p99Nanos());
    }
    if (dist instanceof ExponentialDist e) {
      return "mean " + Units.duration(e.meanNanos());
    }
    if (dist instanceof UniformDist u) {
      return Units.duration(u.minNanos()) + " to " + Units.duration(u.maxNanos());
    }
    return "changed";
  }
}
