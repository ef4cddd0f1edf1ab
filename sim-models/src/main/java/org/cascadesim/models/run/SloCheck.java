package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.scenario.SloSpec;

/**
 * Evaluates a scenario's SLO assertions against one run: each gets its measured value and a pass
 * or fail mark. Latencies are client-observed (or server-side for an endpoint) over the measured
 * period; recovery time is how long after the last fault window ends the subject's goodput takes
 * to come back: the start of the first 5 s span after the fault whose mean goodput is at least 90%
 * of the mean before the first fault (infinite when it never does). A 5 s span smooths the
 * one-second windows, whose counts are noisy. A statistic of answers (latency, success rate) of a
 * subject that answered nothing is NaN, no data, and fails whatever the assertion.
 */
public final class SloCheck {

  /** The outcome of one assertion. */
  public record Result(SloSpec slo, double value, boolean passed) {}

  /** The span over which recovered goodput is averaged. */
  public static final long RECOVERY_SPAN_NANOS = 5_000_000_000L;

  private SloCheck() {}

  /** Checks every SLO against a run; {@code faultWindows} are [from, to) pairs in nanoseconds. */
  public static List<Result> check(List<SloSpec> slos, RunSummary run, List<long[]> faultWindows) {
    List<Result> results = new ArrayList<>();
    for (SloSpec slo : slos) {
      double value = measure(slo, run, faultWindows);
      results.add(new Result(slo, value, slo.holds(value)));
    }
    return results;
  }

  /** Returns whether every result passed. */
  public static boolean allPassed(List<Result> results) {
    return results.stream().allMatch(Result::passed);
  }

  /** Returns the [from, to) windows of every fault of every dependency of a scenario. */
  public static List<long[]> faultWindows(org.cascadesim.models.scenario.ScenarioSpec spec) {
    List<long[]> windows = new ArrayList<>();
    for (var dependency : spec.dependencies().values()) {
      for (var fault : dependency.faults()) {
        windows.add(new long[] {fault.fromNanos(), fault.toNanos()});
      }
    }
    return windows;
  }

  static double measure(SloSpec slo, RunSummary run, List<long[]> faultWindows) {
    List<TrafficSummary> pool = slo.subjectKind().equals("client") ? run.clients() : run.endpoints();
    TrafficSummary t = pool.stream().filter(s -> s.name().equals(slo.subject())).findFirst().orElse(null);
    if (t == null) {
      return Double.NaN;
    }
    Histogram h = t.latency();
    boolean any = h.getTotalCount() > 0;
    return switch (slo.stat()) {
      case "p50" -> any ? h.getValueAtPercentile(50) : Double.NaN;
      case "p90" -> any ? h.getValueAtPercentile(90) : Double.NaN;
      case "p99" -> any ? h.getValueAtPercentile(99) : Double.NaN;
      case "p99.9" -> any ? h.getValueAtPercentile(99.9) : Double.NaN;
      case "max" -> any ? h.getMaxValue() : Double.NaN;
      case "avg" -> any ? h.getMean() : Double.NaN;
      case "successRate" -> t.successRate();
      case "goodput" -> t.goodputPerSecond(run.measuredNanos());
      case "errors" -> t.count(Outcome.ERROR);
      case "timeouts" -> t.count(Outcome.TIMEOUT);
      default -> recoveryNanos(run, (slo.subjectKind().equals("client") ? "client." : "endpoint.") + t.name(), faultWindows);
    };
  }

  /** Returns the recovery time after the last fault window, in nanoseconds; 0 without faults. */
  static double recoveryNanos(RunSummary run, String prefix, List<long[]> faultWindows) {
    if (faultWindows.isEmpty()) {
      return 0;
    }
    long firstFault = Long.MAX_VALUE;
    long lastEnd = 0;
    for (long[] w : faultWindows) {
      firstFault = Math.min(firstFault, w[0]);
      lastEnd = Math.max(lastEnd, w[1]);
    }
    TimeSeries series = run.timeSeries();
    if (series.column(prefix + ".outcome.ok") < 0) {
      return Double.NaN;
    }
    double[] ok = series.values(prefix + ".outcome.ok");
    long window = series.windowNanos();
    int before = (int) Math.min(ok.length, firstFault / window);
    int from = (int) (run.warmupNanos() / window);
    double sum = 0;
    int n = 0;
    for (int w = from; w < before; w++) {
      sum += ok[w];
      n++;
    }
    if (n == 0) {
      return Double.NaN;
    }
    double target = 0.9 * sum / n;
    int span = (int) Math.max(1, RECOVERY_SPAN_NANOS / window);
    int endWindow = (int) ((lastEnd + window - 1) / window);
    for (int w = endWindow; w + span <= ok.length; w++) {
      double spanSum = 0;
      for (int k = w; k < w + span; k++) {
        spanSum += ok[k];
      }
      if (spanSum / span >= target) {
        return Math.max(0, w * window - lastEnd);
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
