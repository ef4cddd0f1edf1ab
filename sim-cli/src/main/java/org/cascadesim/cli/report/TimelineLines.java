package org.cascadesim.cli.report;

import java.util.List;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.Timeline;
import org.cascadesim.models.scenario.TimelineSpec;

/**
 * The TIMELINE section of {@code sim run}: the run's cascade timeline ({@link Timeline}), one line
 * per moment in time order, so the reader sees what saturated first and what followed.
 */
public final class TimelineLines {
  private TimelineLines() {}

  /** Formats the timeline of {@code run} against {@code lines}; empty text when nothing crossed a line. */
  public static String format(RunSummary run, TimelineSpec lines) {
    Timeline timeline = Timeline.of(run, lines);
    if (timeline.isEmpty()) {
      return "";
    }
    List<Timeline.Moment> moments = timeline.moments();
    StringBuilder out = new StringBuilder();
    out.append(System.lineSeparator()).append("TIMELINE (first moment each mechanism crossed its line)")
        .append(System.lineSeparator());
    int kindWidth = 0;
    int subjectWidth = 0;
    for (Timeline.Moment m : moments) {
      kindWidth = Math.max(kindWidth, m.kind().label().length());
      subjectWidth = Math.max(subjectWidth, m.subject().length());
    }
    for (Timeline.Moment m : moments) {
      String at = Units.duration(m.atNanos());
      out.append(String.format(java.util.Locale.ROOT, "  %8s  %-" + kindWidth + "s  %-" + subjectWidth + "s  %s%n",
          at, m.kind().label(), m.subject(), m.detail()));
    }
    return out.toString();
  }
}
