package org.cascadesim.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.Saturation;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.TimelineSpec;

/**
 * The one-screen text summary of a run, wrk2 style: per client, endpoint and dependency the
 * requests, outcomes, goodput and latency percentiles in milliseconds.
 */
public final class SummaryTable {

  private static final String[] HEADER = {
    "name", "requests", "ok", "error", "timeout", "rejected", "other", "in-flight", "goodput/s",
    "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms"
  };

  private SummaryTable() {}

  /** Formats the whole summary of one run, with the default timeline lines. */
  public static String format(RunSummary run) {
    return format(run, TimelineSpec.DEFAULTS);
  }

  /** Formats the whole summary of one run; its cascade timeline is checked against {@code timeline}. */
  public static String format(RunSummary run, TimelineSpec timeline) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "scenario %s, variant %s, seed %d, %s simulated, %,d events%n",
        run.scenario(), run.variant(), run.seed(), Units.duration(run.durationNanos()), run.stop().eventsExecuted()));
    if (run.stop().hitLimit()) {
      out.append("STOPPED EARLY at ").append(Units.duration(run.stop().timeNanos())).append(": ")
          .append(run.stop().detail()).append(System.lineSeparator());
    }
    out.append(Saturation.describe(run));
    section(out, "CLIENTS (latency from the intended send time)", run.clients(), run.measuredNanos());
    section(out, "ENDPOINTS (server side, from arrival at the service)", run.endpoints(), run.measuredNanos());
    section(out, "DEPENDENCIES", run.dependencies(), run.measuredNanos());
    PoolSection.append(out, run);
    out.append(RetryLines.format(run));
    out.append(BreakerLines.format(run));
    out.append(TimelineLines.format(run, timeline));
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<TrafficSummary> rows, long durationNanos) {
    if (rows.isEmpty()) {
      return;
    }
    List<String[]> table = new ArrayList<>();
    table.add(HEADER);
    for (TrafficSummary t : rows) {
      Histogram h = t.latency();
      boolean any = h.getTotalCount() > 0;
      long other = t.count(Outcome.SHORT_CIRCUITED) + t.count(Outcome.CONFLICT) + t.count(Outcome.DEGRADED);
      table.add(new String[] {
        t.target().isEmpty() ? t.name() : t.name() + " -> " + t.target(),
        Units.count(t.offered()),
        Units.count(t.count(Outcome.OK)),
        Units.count(t.count(Outcome.ERROR)),
        Units.count(t.count(Outcome.TIMEOUT)),
        Units.count(t.count(Outcome.REJECTED)),
        Units.count(other),
        Units.count(t.inFlight()),
        String.format(Locale.ROOT, "%.1f", t.goodputPerSecond(durationNanos)),
        any ? Units.millis(h.getValueAtPercentile(50)) : "-",
        any ? Units.millis(h.getValueAtPercentile(90)) : "-",
        any ? Units.millis(h.getValueAtPercentile(99)) : "-",
        any ? Units.millis(h.getValueAtPercentile(99.9)) : "-",
        any ? Units.millis(h.getMaxValue()) : "-",
      });
    }
    out.append(System.lineSeparator()).append(title).append(System.lineSeparator());
    Units.appendTable(out, table);
  }
}
