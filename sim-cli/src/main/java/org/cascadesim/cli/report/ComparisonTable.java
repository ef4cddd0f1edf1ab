package org.cascadesim.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TrafficSummary;

/**
 * The side-by-side comparison of variants run with the same seed, one screen for a typical
 * scenario: one block per client and endpoint with one row per variant (requests, the outcomes
 * that occur, goodput, p50/p90/p99/p99.9/max in ms), then for each variant a line with its ratio
 * to the first run, the base ({@code p99 5.00 s -> 233 ms (x0.047)}). Outcome columns that are
 * zero in every row of a block are left out; dependencies are left out (they are in
 * {@code sim run} and summary.json). The layout follows wrk2's summary (ecosystem.md 1.3).
 */
public final class ComparisonTable {

  private ComparisonTable() {}

  /** Formats the comparison of {@code runs}; the first run is the baseline of the ratios. */
  public static String format(List<RunSummary> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare");
    }
    RunSummary base = runs.get(0);
    StringBuilder out = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (RunSummary run : runs) {
      names.add(run.variant());
    }
    out.append(String.format(Locale.ROOT, "scenario %s, seed %d, %s simulated; %s%s%n",
        base.scenario(), base.seed(), Units.duration(base.durationNanos()), String.join(" vs ", names),
        runs.size() > 1 ? " with the same random streams" : ""));
    for (RunSummary run : runs) {
      if (run.stop().hitLimit()) {
        out.append(run.variant()).append(" STOPPED EARLY at ").append(Units.duration(run.stop().timeNanos()))
            .append(": ").append(run.stop().detail()).append(System.lineSeparator());
      }
    }
    for (int i = 0; i < base.clients().size(); i++) {
      block(out, "CLIENT", "latency ms from the intended send time", runs, i, true);
    }
    for (int i = 0; i < base.endpoints().size(); i++) {
      block(out, "ENDPOINT", "latency ms from arrival at the service", runs, i, false);
    }
    out.append(Ranking.format(runs));
    return out.toString();
  }

  private static void block(StringBuilder out, String kind, String note, List<RunSummary> runs, int index,
      boolean client) {
    TrafficSummary first = (client ? runs.get(0).clients() : runs.get(0).endpoints()).get(index);
    List<TrafficSummary> rows = new ArrayList<>();
    for (RunSummary run : runs) {
      TrafficSummary match = null;
      for (TrafficSummary t : client ? run.clients() : run.endpoints()) {
        if (t.name().equals(first.name())) {
          match = t;
        }
      }
      rows.add(match);
    }
    String name = first.target().isEmpty() ? first.name() : first.name() + " -> " + first.target();
    List<Outcome> outcomes = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      boolean any = outcome == Outcome.OK;
      for (TrafficSummary t : rows) {
        any |= t != null && t.count(outcome) > 0;
      }
      if (any) {
        outcomes.add(outcome);
      }
    }
    List<String> header = new ArrayList<>(List.of("variant", "requests"));
    for (Outcome outcome : outcomes) {
      header.add(outcome.label());
    }
    header.addAll(List.of("in-flight", "goodput/s", "p50", "p90", "p99", "p99.9", "max"));
    List<String[]> table = new ArrayList<>();
    table.add(header.toArray(new String[0]));
    for (int r = 0; r < rows.size(); r++) {
      TrafficSummary t = rows.get(r);
      List<String> cells = new ArrayList<>();
      cells.add(runs.get(r).variant());
      if (t == null) {
        while (cells.size() < header.size()) {
          cells.add("-");
        }
      } else {
        cells.add(Units.count(t.offered()));
        for (Outcome outcome : outcomes) {
          cells.add(Units.count(t.count(outcome)));
        }
        cells.add(Units.count(t.inFlight()));
        cells.add(String.format(Locale.ROOT, "%.1f", t.goodputPerSecond(runs.get(r).measuredNanos())));
        Histogram h = t.latency();
        boolean any = h.getTotalCount() > 0;
        for (double p : new double[] {50, 90, 99, 99.9}) {
          cells.add(any ? Units.millis(h.getValueAtPercentile(p)) : "-");
        }
        cells.add(any ? Units.millis(h.getMaxValue()) : "-");
      }
      table.add(cells.toArray(new String[0]));
    }
    out.append(System.lineSeparator()).append(kind).append(' ').append(name).append(" (").append(note).append(')')
        .append(System.lineSeparator());
    Units.appendTable(out, table);
    for (int r = 1; r < rows.size(); r++) {
      if (rows.get(r) != null) {
        out.append("  ").append(runs.get(r).variant()).append(" vs ").append(runs.get(0).variant()).append(": ")
            .append(versus(first, rows.get(r), runs.get(0).measuredNanos(), runs.get(r).measuredNanos()))
            .append(System.lineSeparator());
      }
    }
  }

  /** The ratio line of one variant against the base: p99, p50, goodput and failed answers. */
  static String versus(TrafficSummary base, TrafficSummary other, long baseNanos, long otherNanos) {
    List<String> parts = new ArrayList<>();
    parts.add(latencyChange("p99", base.latency(), other.latency(), 99));
    parts.add(latencyChange("p50", base.latency(), other.latency(), 50));
    double g0 = base.goodputPerSecond(baseNanos);
    double g1 = other.goodputPerSecond(otherNanos);
    parts.add(String.format(Locale.ROOT, "goodput %.1f/s -> %.1f/s%s", g0, g1, times(g1, g0)));
    long f0 = base.answered() - base.count(Outcome.OK);
    long f1 = other.answered() - other.count(Outcome.OK);
    parts.add("failed " + Units.count(f0) + " -> " + Units.count(f1));
    return String.join(", ", parts);
  }

  private static String latencyChange(String label, Histogram base, Histogram other, double percentile) {
    String before = base.getTotalCount() > 0 ? Units.latency(base.getValueAtPercentile(percentile)) : "-";
    String after = other.getTotalCount() > 0 ? Units.latency(other.getValueAtPercentile(percentile)) : "-";
    if (base.getTotalCount() == 0 || other.getTotalCount() == 0) {
      return label + " " + before + " -> " + after;
    }
    return label + " " + before + " -> " + after
        + times(other.getValueAtPercentile(percentile), base.getValueAtPercentile(percentile));
  }

  private static String times(double value, double base) {
    return base > 0 ? " (x" + Units.ratio(value / base) + ")" : "";
  }
}
