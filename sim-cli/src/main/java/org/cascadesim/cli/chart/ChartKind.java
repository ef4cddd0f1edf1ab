package org.cascadesim.cli.chart;

/** The four kinds of chart of a report (issue 4), in the order the report shows them. */
public enum ChartKind {
  /** Latency by percentile on the inverse-quantile axis, one line per variant. */
  PERCENTILES("percentiles", "Latency distribution"),
  /** p50 and p99 per window over simulated time, fault windows shaded. */
  LATENCY_OVER_TIME("latency-over-time", "Latency over time"),
  /** Answers per second by outcome over simulated time, one panel per variant. */
  OUTCOMES("outcomes", "Outcomes per second"),
  /** Every component gauge over simulated time, one panel per gauge, one line per variant. */
  RESOURCES("resources", "Resources over time");

  private final String slug;
  private final String heading;

  ChartKind(String slug, String heading) {
    this.slug = slug;
    this.heading = heading;
  }

  /** The file-name prefix of charts of this kind ({@code latency-over-time}). */
  public String slug() {
    return slug;
  }

  /** The section heading of this kind in the HTML report. */
  public String heading() {
    return heading;
  }
}
