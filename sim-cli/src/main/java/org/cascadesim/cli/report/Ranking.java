package org.cascadesim.cli.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.cascadesim.models.run.NetGoodput;
import org.cascadesim.models.run.RunSummary;

/**
 * The RANKING block of {@code sim compare}: every run ordered by the objective {@link NetGoodput}
 * (successful client answers per second less duplicate side effects per second), best first, with
 * each run's change against the first run (the base), so a scenario whose variants are single
 * fixes answers "which fix first".
 */
public final class Ranking {
  private Ranking() {}

  /** One ranked run. */
  record Entry(RunSummary run, NetGoodput objective) {}

  /** Returns the runs ordered by net goodput, best first; ties keep the order they were run in. */
  static List<Entry> rank(List<RunSummary> runs) {
    List<Entry> entries = new ArrayList<>();
    for (RunSummary run : runs) {
      entries.add(new Entry(run, NetGoodput.of(run)));
    }
    entries.sort(Comparator.comparingDouble((Entry e) -> e.objective().value()).reversed());
    return entries;
  }

  /** Formats the ranking, or empty text for fewer than two runs. */
  public static String format(List<RunSummary> runs) {
    if (runs.size() < 2) {
      return "";
    }
    double base = NetGoodput.of(runs.get(0)).value();
    List<String[]> table = new ArrayList<>();
    table.add(new String[] {"rank", "variant", "net/s", "ok/s", "duplicates/s", "vs " + runs.get(0).variant()});
    int rank = 1;
    for (Entry e : rank(runs)) {
      NetGoodput g = e.objective();
      double delta = g.value() - base;
      table.add(new String[] {
        Integer.toString(rank++),
        e.run().variant(),
        String.format(Locale.ROOT, "%.2f", g.value()),
        String.format(Locale.ROOT, "%.2f", g.okPerSecond()),
        String.format(Locale.ROOT, "%.2f", g.duplicatesPerSecond()),
        e.run() == runs.get(0) ? "-" : String.format(Locale.ROOT, "%+.2f/s", delta),
      });
    }
    StringBuilder out = new StringBuilder();
    out.append(System.lineSeparator())
        .append("RANKING by net goodput = successful client answers/s - duplicate side effects/s (higher is better)")
        .append(System.lineSeparator());
    Units.appendTable(out, table);
    for (RunSummary run : runs) {
      long offered = 0;
      long unanswered = 0;
      for (var client : run.clients()) {
        offered += client.offered();
        unanswered += client.inFlight();
      }
      if (offered > 0 && unanswered * 10 > offered) { // more than 10%: far beyond the few in progress
        out.append(String.format(Locale.ROOT,
            "note: %s ends with %,d of %,d client requests (%.0f%%) still unanswered: no rate, percentile"
                + " or success rate counts them, so this ranking cannot tell waiting from failing (a variant"
                + " that hangs its callers can rank above one that fails them fast); compare in-flight too%n",
            run.variant(), unanswered, offered, 100.0 * unanswered / offered));
      }
    }
    return out.toString();
  }
}
