package org.cascadesim.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cascadesim.models.pool.PoolSaturation;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TimeSeries;
import org.cascadesim.models.scenario.ByteSizes;

/**
 * The summary's pool and goroutine lines: per connection pool its peak use and queue, refusals,
 * the worst acquire wait, and the queue's growth rate when it grew without bound ({@link
 * PoolSaturation}); per goroutine service its peak goroutines and their estimated memory.
 */
final class PoolSection {

  private static final String[] HEADER = {
    "pool", "size", "max in use", "max waiters", "acquired", "rejected", "acq. timeouts", "cancelled",
    "worst p99 wait ms"
  };

  private PoolSection() {}

  /** Appends the section when the run has pools or goroutine services; nothing otherwise. */
  static void append(StringBuilder out, RunSummary run) {
    TimeSeries ts = run.timeSeries();
    List<String> pools = PoolSaturation.pools(ts);
    if (!pools.isEmpty()) {
      List<String[]> table = new ArrayList<>();
      table.add(HEADER);
      for (String pool : pools) {
        String p = "pool." + pool + ".";
        long maxInUse = (long) max(ts, p + "inuse.max");
        long size = (long) max(ts, p + "idle.max"); // every connection is idle when the run starts
        table.add(new String[] {
          pool,
          Units.count(size),
          Units.count(maxInUse),
          Units.count((long) max(ts, p + "waiters.max")),
          Units.count((long) sum(ts, p + "acquired")),
          Units.count((long) sum(ts, p + "rejected")),
          Units.count((long) sum(ts, p + "acquire-timeouts")),
          Units.count((long) sum(ts, p + "cancelled")),
          Units.millis(max(ts, p + "acquire-wait.p99")),
        });
      }
      out.append(System.lineSeparator()).append("POOLS").append(System.lineSeparator());
      Units.appendTable(out, table);
      for (PoolSaturation.Growth g : PoolSaturation.detect(ts)) {
        out.append(String.format(Locale.ROOT,
            "pool %s SATURATED: waiters grew %.1f/s from %s to %s (peak %,.0f waiting)%n",
            g.pool(), g.perSecond(), Units.duration(g.fromNanos()), Units.duration(g.toNanos()), g.maxWaiters()));
      }
    }
    for (String column : ts.columns()) {
      if (column.startsWith("service.") && column.endsWith(".goroutines.max")) {
        String service = column.substring("service.".length(), column.length() - ".goroutines.max".length());
        String bytes = "service." + service + ".goroutine-bytes.max";
        out.append(String.format(Locale.ROOT, "service %s: at most %,d goroutines in flight%s%n", service,
            (long) max(ts, column),
            ts.column(bytes) < 0 ? "" : " (about " + ByteSizes.format((long) max(ts, bytes)) + " of goroutine memory)"));
      }
    }
  }

  private static double max(TimeSeries ts, String column) {
    if (ts.column(column) < 0) {
      return 0;
    }
    double m = 0;
    for (double v : ts.values(column)) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static double sum(TimeSeries ts, String column) {
    if (ts.column(column) < 0) {
      return 0;
    }
    double s = 0;
    for (double v : ts.values(column)) {
      s += v;
    }
    return s;
  }
}
