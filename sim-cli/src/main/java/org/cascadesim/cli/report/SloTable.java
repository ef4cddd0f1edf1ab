package org.cascadesim.cli.report;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cascadesim.models.run.SloCheck;
import org.cascadesim.models.scenario.SloSpec;

/** Prints SLO results k6-style: one line per assertion with its measured value and a pass or fail mark. */
public final class SloTable {
  private static final Set<String> ANSWER_STATS = Set.of("p50", "p90", "p99", "p99.9", "max", "avg", "successRate");

  private SloTable() {}

  /** Formats the results of one variant. */
  public static String format(String variant, List<SloCheck.Result> results) {
    StringBuilder out = new StringBuilder();
    out.append("SLO (").append(variant).append(')').append(System.lineSeparator());
    for (SloCheck.Result r : results) {
      out.append(String.format(Locale.ROOT, "  %s %-40s %-22s measured %s%n", r.passed() ? "PASS" : "FAIL",
          r.slo().subjectKind() + " " + r.slo().subject(), r.slo().text(), value(r.slo(), r.value())));
    }
    return out.toString();
  }

  /** Formats a measured value in the unit of its statistic. */
  public static String value(SloSpec slo, double v) {
    if (Double.isNaN(v)) {
      // Latencies and the success rate are NaN exactly when the subject answered no request.
      return ANSWER_STATS.contains(slo.stat()) ? "n/a (no request was answered)" : "n/a (nothing measured)";
    }
    if (Double.isInfinite(v)) {
      return "never";
    }
    if (SloSpec.isDuration(slo.stat())) {
      return Units.millis(v) + " ms";
    }
    return switch (slo.stat()) {
      case "successRate" -> String.format(Locale.ROOT, "%.3f%%", v * 100);
      case "goodput" -> String.format(Locale.ROOT, "%.2f/s", v);
      default -> String.format(Locale.ROOT, "%.0f", v);
    };
  }
}
