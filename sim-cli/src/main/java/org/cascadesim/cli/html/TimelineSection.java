package org.cascadesim.cli.html;

import org.cascadesim.cli.report.ReportData;
import org.cascadesim.cli.report.Units;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.Timeline;

/**
 * The "Cascade timeline" section of report.html: for every run, the first moment each mechanism
 * crossed its line ({@link Timeline}), in time order, as the charts mark them.
 */
final class TimelineSection {
  private TimelineSection() {}

  /** Appends the section; runs without a moment say so in one line. */
  static void append(StringBuilder out, ReportData data) {
    out.append("<section id=\"timeline\">\n<h2>Cascade timeline</h2>\n")
        .append("<p class=\"note\">The first moment each mechanism crossed its line, earliest first; the")
        .append(" time charts mark these moments with dotted vertical lines in the variant's colour.</p>\n");
    for (RunSummary run : data.runs()) {
      Timeline timeline = Timeline.of(run, data.timeline());
      out.append("<h3>").append(Html.escape(run.variant())).append("</h3>\n");
      if (timeline.isEmpty()) {
        out.append("<p class=\"note\">No mechanism crossed its line.</p>\n");
        continue;
      }
      out.append("<table>\n<thead><tr><th>time</th><th>mechanism</th><th>subject</th><th>detail</th></tr></thead>\n<tbody>\n");
      for (Timeline.Moment m : timeline.moments()) {
        out.append("<tr><td>").append(Html.escape(Units.duration(m.atNanos()))).append("</td><td>")
            .append(Html.escape(m.kind().label())).append("</td><td>").append(Html.escape(m.subject()))
            .append("</td><td>").append(Html.escape(m.detail())).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("</section>\n");
  }
}
