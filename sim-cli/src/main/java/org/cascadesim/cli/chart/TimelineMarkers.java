package org.cascadesim.cli.chart;

import java.awt.BasicStroke;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.Timeline;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;

/**
 * Marks the moments of the cascade timeline ({@link Timeline}) on a time chart: one thin dotted
 * vertical line per moment in the colour of its variant, behind the data, unlabelled (the
 * timeline table of the report names them).
 */
final class TimelineMarkers {
  private static final BasicStroke DOTTED =
      new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);

  private TimelineMarkers() {}

  /** Marks the moments of every run of {@code data}. */
  static void markAll(XYPlot plot, ReportData data) {
    for (int i = 0; i < data.runs().size(); i++) {
      mark(plot, data, i);
    }
  }

  /** Marks the moments of run {@code index} of {@code data}. */
  static void mark(XYPlot plot, ReportData data, int index) {
    RunSummary run = data.runs().get(index);
    for (Timeline.Moment m : Timeline.of(run, data.timeline()).moments()) {
      ValueMarker marker = new ValueMarker(Plots.seconds(m.atNanos()), ChartStyle.variantColor(index), DOTTED);
      plot.addDomainMarker(marker, Layer.BACKGROUND);
    }
  }
}
