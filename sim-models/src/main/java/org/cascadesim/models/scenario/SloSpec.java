package org.cascadesim.models.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One service-level assertion of a scenario, checked after every run by {@code run --check} and
 * {@code compare --check} (exit code 99 when one fails, the k6 thresholds convention): a statistic
 * of a client or an endpoint compared with a threshold, e.g. {@code {client: shoppers, p99: "<
 * 500ms"}}.
 *
 * @param subjectKind {@code client} or {@code endpoint}
 * @param subject the client's name or the endpoint's {@code "<service> <path>"}
 * @param stat one of {@link #STATS}
 * @param op one of {@code < <= > >= ==}
 * @param threshold the threshold in the statistic's unit: nanoseconds for latencies and recovery
 *     time, a fraction for successRate, requests per second for goodput, a count for counts
 * @param text the assertion as written, for messages
 */
public record SloSpec(String subjectKind, String subject, String stat, String op, double threshold, String text) {

  /** The statistics an SLO can assert. */
  public static final List<String> STATS =
      List.of("p50", "p90", "p99", "p99.9", "max", "avg", "successRate", "goodput", "errors", "timeouts", "recoveryTime");

  /** The comparison operators. */
  public static final List<String> OPS = List.of("<=", ">=", "==", "<", ">");

  /** Validates. */
  public SloSpec {
    Objects.requireNonNull(subject, "subject");
    if (!STATS.contains(stat)) {
      throw new IllegalArgumentException("unknown statistic " + stat);
    }
    if (!OPS.contains(op)) {
      throw new IllegalArgumentException("unknown operator " + op);
    }
  }

  /** Returns whether the statistic is a duration (its threshold carries a time unit). */
  public static boolean isDuration(String stat) {
    return stat.matches("p[0-9.]+|max|avg|recoveryTime");
  }

  /** Returns whether a measured value satisfies the assertion. */
  public boolean holds(double value) {
    if (Double.isNaN(value)) {
      return false;
    }
    return switch (op) {
      case "<" -> value < threshold;
      case "<=" -> value <= threshold;
      case ">" -> value > threshold;
      case ">=" -> value >= threshold;
      default -> value == threshold;
    };
  }

  /** Returns the subject and statistic, e.g. {@code client shoppers p99}. */
  public String label() {
    return String.format(Locale.ROOT, "%s %s %s", subjectKind, subject, stat);
  }
}
