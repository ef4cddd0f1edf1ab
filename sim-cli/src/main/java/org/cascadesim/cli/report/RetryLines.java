package org.cascadesim.cli.report;

import java.util.Locale;
import org.cascadesim.models.run.RetryReport;
import org.cascadesim.models.run.RunSummary;

/**
 * The retry and idempotency lines of the terminal summary: retry amplification per retrying
 * layer, what each idempotency store did, and duplicate side effects (extra charges), which are a
 * result as important as latency.
 */
public final class RetryLines {
  private RetryLines() {}

  /** Returns the lines for a run, or an empty string when it has no retries, stores or side effects. */
  public static String format(RunSummary run) {
    RetryReport r = run.retries();
    StringBuilder out = new StringBuilder();
    String nl = System.lineSeparator();
    if (!r.layers().isEmpty()) {
      out.append(nl).append("RETRIES (attempts per logical request)").append(nl);
      for (RetryReport.Layer l : r.layers()) {
        out.append(String.format(Locale.ROOT, "  %s: %s requests, %s attempts, amplification %.2fx, %s refused by budget, %s exhausted%n",
            l.layer(), Units.count(l.requests()), Units.count(l.attempts()), l.amplification(),
            Units.count(l.budgetRefused()), Units.count(l.exhausted())));
      }
    }
    for (RetryReport.Store s : r.stores()) {
      out.append(String.format(Locale.ROOT, "IDEMPOTENCY %s (%s): %s replayed, %s conflicts (409), %s unique violations%n",
          s.name(), s.mode(), Units.count(s.replays()), Units.count(s.conflicts()), Units.count(s.uniqueViolations())));
    }
    for (RetryReport.SideEffects e : r.sideEffects()) {
      out.append(String.format(Locale.ROOT, "SIDE EFFECTS %s (%s): %s performed for %s keys; DUPLICATES: %s extra, %s keys more than once%s%n",
          e.dependency(), e.kind(), Units.count(e.effects()), Units.count(e.keys()), Units.count(e.duplicates()),
          Units.count(e.keysDuplicated()), e.unkeyed() > 0 ? ", " + Units.count(e.unkeyed()) + " without a key (unchecked)" : ""));
    }
    return out.toString();
  }
}
