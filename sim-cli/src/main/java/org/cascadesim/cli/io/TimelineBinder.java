package org.cascadesim.cli.io;

import java.util.Map;
import org.cascadesim.models.scenario.Durations;
import org.cascadesim.models.scenario.TimelineSpec;

/**
 * Binds the scenario's optional {@code timeline:} map of cascade-timeline lines ({@code loopLag:
 * 50ms}, {@code poolWaiters: 5}, ...); a missing key keeps its default of {@link
 * TimelineSpec#DEFAULTS}. Every problem is reported with its location, like the rest of the file.
 */
final class TimelineBinder {

  private TimelineBinder() {}

  static TimelineSpec bind(Node node, java.util.List<Problem> problems) {
    TimelineSpec d = TimelineSpec.DEFAULTS;
    if (node == null) {
      return d;
    }
    if (!(node instanceof Node.MapNode map)) {
      problems.add(Problem.at(node.location(), "timeline",
          "expected a map of thresholds such as {loopLag: 100ms, poolWaiters: 10}, got " + node.describe()));
      return d;
    }
    long loopLag = d.loopLagNanos();
    double poolWaiters = d.poolWaiters();
    double timeoutRate = d.clientTimeoutRate();
    double amplification = d.retryAmplification();
    double inFlight = d.inFlight();
    double collapse = d.collapseFraction();
    double recovery = d.recoveryFraction();
    long baseline = d.baselineNanos();
    int sustain = d.sustainWindows();
    int before = problems.size();
    for (Map.Entry<String, Node.Entry> e : map.entries().entrySet()) {
      String key = e.getKey();
      String path = "timeline." + key;
      Node value = e.getValue().value();
      switch (key) {
        case "loopLag" -> loopLag = duration(value, path, problems, loopLag);
        case "baseline" -> baseline = duration(value, path, problems, baseline);
        case "poolWaiters" -> poolWaiters = number(value, path, problems, poolWaiters, 0, false, Double.MAX_VALUE);
        case "inFlight" -> inFlight = number(value, path, problems, inFlight, 0, false, Double.MAX_VALUE);
        case "clientTimeoutRate" -> timeoutRate = number(value, path, problems, timeoutRate, 0, false, 1);
        case "retryAmplification" -> amplification = number(value, path, problems, amplification, 1, false, Double.MAX_VALUE);
        case "collapseBelow" -> {
          collapse = number(value, path, problems, collapse, 0, false, 1);
          if (collapse >= 1) {
            problems.add(Problem.at(value.location(), path, "must be below 1 (a fraction of the baseline goodput)"));
          }
        }
        case "recoverAbove" -> recovery = number(value, path, problems, recovery, 0, false, 1);
        case "sustain" -> sustain = (int) number(value, path, problems, sustain, 0, true, 1000);
        default -> problems.add(Problem.at(e.getValue().keyLocation(), path,
            SpecBinder.unknownKey(key, TimelineSpec.KEYS)));
      }
    }
    if (problems.size() == before && recovery <= collapse) {
      Node.Entry at = map.entries().containsKey("recoverAbove") ? map.entries().get("recoverAbove")
          : map.entries().get("collapseBelow");
      problems.add(Problem.at(at.value().location(), "timeline.recoverAbove", "must be above collapseBelow (recoverAbove "
          + plain(recovery) + " <= collapseBelow " + plain(collapse) + "): goodput between them would count as"
          + " collapsed and recovered at once"));
    }
    if (problems.size() > before) {
      return d;
    }
    return new TimelineSpec(loopLag, poolWaiters, timeoutRate, amplification, inFlight, collapse, recovery, baseline,
        sustain);
  }

  private static long duration(Node value, String path, java.util.List<Problem> problems, long fallback) {
    if (!(value instanceof Node.ScalarNode s) || s.kind() != Node.Kind.STRING) {
      problems.add(Problem.at(value.location(), path, "expected a duration such as 100ms, got " + value.describe()));
      return fallback;
    }
    try {
      long nanos = Durations.parseNanos(s.text());
      if (nanos <= 0) {
        problems.add(Problem.at(value.location(), path, "must be longer than 0s"));
        return fallback;
      }
      return nanos;
    } catch (IllegalArgumentException ex) {
      problems.add(Problem.at(value.location(), path, ex.getMessage()));
      return fallback;
    }
  }

  /** Reads a number strictly above {@code min} and at most {@code max}; whole numbers only if {@code whole}. */
  private static double number(Node value, String path, java.util.List<Problem> problems, double fallback, double min,
      boolean whole, double max) {
    if (!(value instanceof Node.ScalarNode s)
        || !(s.kind() == Node.Kind.INTEGER || (!whole && s.kind() == Node.Kind.DECIMAL))) {
      problems.add(Problem.at(value.location(), path,
          "expected " + (whole ? "a whole number" : "a number") + ", got " + value.describe()));
      return fallback;
    }
    double v = Double.parseDouble(s.text());
    if (!(v > min && v <= max)) {
      problems.add(Problem.at(value.location(), path, "must be above " + plain(min)
          + (max < 1e300 ? " and at most " + plain(max) : "") + " (was " + s.text() + ")"));
      return fallback;
    }
    return v;
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
