package org.cascadesim.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cascadesim.models.breaker.BreakerState;
import org.cascadesim.models.breaker.BreakerSummary;
import org.cascadesim.models.breaker.CallResult;
import org.cascadesim.models.breaker.StuckEpisode;
import org.cascadesim.models.breaker.Transition;
import org.cascadesim.models.run.RunSummary;

/**
 * The BREAKERS section of the run summary: per breaker its state story in one line, its calls by
 * result, the calls still in flight through it, and any stuck half-open episode.
 */
public final class BreakerLines {
  private static final int SHOWN_TRANSITIONS = 6;

  private BreakerLines() {}

  /** Formats the section, or returns "" when the run has no breakers. */
  public static String format(RunSummary run) {
    if (run.breakers().isEmpty()) {
      return "";
    }
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder(nl).append("BREAKERS").append(nl);
    for (BreakerSummary b : run.breakers()) {
      out.append(line(b)).append(nl);
    }
    return out.toString();
  }

  /** The lines of one breaker. */
  static String line(BreakerSummary b) {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append(b.service()).append('/').append(b.name()).append(" (").append(b.kind()).append("): ")
        .append(story(b)).append(nl);
    List<String> counts = new ArrayList<>();
    for (CallResult r : CallResult.values()) {
      counts.add(Units.count(b.count(r)) + " " + r.label());
    }
    out.append("  calls ").append(Units.count(b.calls())).append(": ").append(String.join(", ", counts))
        .append("; in flight at the end ").append(Units.count(b.inFlight()))
        .append(" (max ").append(Units.count(b.maxInFlight())).append(')');
    for (StuckEpisode s : b.stuck()) {
      out.append(nl).append("  STUCK HALF-OPEN since ").append(Units.duration(s.halfOpenSinceNanos()))
          .append(": the trial started at ").append(Units.duration(s.trialStartNanos()))
          .append(" never answered (detected at ").append(Units.duration(s.detectedAtNanos())).append("); ")
          .append(s.openEnded() ? "still stuck at the end of the run" : "until " + Units.duration(s.endedAtNanos()))
          .append(", ").append(Units.count(s.rejectedWhileStuck())).append(" calls rejected meanwhile");
    }
    return out.toString();
  }

  private static String story(BreakerSummary b) {
    if (b.transitions().isEmpty()) {
      return "stayed " + b.finalState().label() + " the whole run (never opened)";
    }
    List<String> steps = new ArrayList<>();
    List<Transition> ts = b.transitions();
    for (int i = 0; i < Math.min(SHOWN_TRANSITIONS, ts.size()); i++) {
      Transition t = ts.get(i);
      steps.add(t.to().label() + " at " + Units.duration(t.atNanos()));
    }
    String more = ts.size() > SHOWN_TRANSITIONS ? ", ... (" + ts.size() + " transitions)" : "";
    long opens = ts.stream().filter(t -> t.to() == BreakerState.OPEN).count();
    return String.join(", ", steps) + more + String.format(Locale.ROOT, "; opened %d time%s, %s at the end",
        opens, opens == 1 ? "" : "s", b.finalState().label());
  }
}
