package org.cascadesim.cli.chart;

import java.awt.Color;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.cli.report.Units;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TimeSeries;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * p50 and p99 latency of one client per window of simulated time, one pair of lines per variant
 * (p99 solid, p50 dashed), with the warm-up and the base scenario's fault windows shaded.
 */
final class LatencyOverTimeChart {
  private LatencyOverTimeChart() {}

  /** Builds the chart of one client. */
  static ChartSpec build(ReportData data, String client) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    List<Color> paints = new ArrayList<>();
    List<Stroke> strokes = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    String prefix = "client." + client + ".latency";
    long windowNanos = 1_000_000_000L;
    for (int i = 0; i < data.runs().size(); i++) {
      RunSummary run = data.runs().get(i);
      TimeSeries ts = run.timeSeries();
      if (ts.column(prefix + ".count") < 0) {
        continue;
      }
      windowNanos = ts.windowNanos();
      double[] count = ts.values(prefix + ".count");
      for (String stat : new String[] {"p99", "p50"}) {
        double[] values = ts.values(prefix + "." + stat);
        XYSeries series = new XYSeries(run.variant() + " " + stat, false, true);
        for (int w = 0; w < values.length; w++) {
          double x = Plots.seconds(w * ts.windowNanos());
          if (count[w] > 0 && values[w] > 0) {
            double ms = values[w] / 1e6;
            series.add(x, ms);
            min = Math.min(min, ms);
            max = Math.max(max, ms);
          } else {
            series.add(x, (Number) null);
          }
        }
        dataset.addSeries(series);
        paints.add(ChartStyle.variantColor(i));
        strokes.add(stat.equals("p99") ? ChartStyle.solid(2f) : ChartStyle.dashed(1.5f));
      }
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    LogAxis y = Plots.logAxis("Latency (ms, log scale)", min, max);
    XYPlot plot = new XYPlot(dataset, Plots.timeAxis(data), y, renderer);
    ChartStyle.plot(plot);
    Plots.shadeWindows(plot, data, true);
    TimelineMarkers.markAll(plot, data);

    String window = Units.duration(windowNanos);
    JFreeChart chart = new JFreeChart("Latency over time: client " + client, ChartStyle.font(18f), plot, true);
    ChartStyle.apply(chart);
    for (int s = 0; s < paints.size(); s++) {
      renderer.setSeriesPaint(s, paints.get(s));
      renderer.setSeriesStroke(s, strokes.get(s));
    }
    ChartStyle.subtitle(chart, "p99 solid, p50 dashed, per " + window + " window of answers; shaded: warm-up (grey), faults (red)");
    String caption = "p99 (solid) and p50 (dashed) latency of client " + client + " per " + window
        + " window of simulated time, over the answers received in that window, one colour per"
        + " variant. Red bands are the fault windows of the base scenario, grey the warm-up. Gaps"
        + " mark windows without answers, or whose percentile is zero (immediate rejections), which"
        + " the log scale cannot show.";
    return new ChartSpec(ChartKind.LATENCY_OVER_TIME, ChartKind.LATENCY_OVER_TIME.slug() + "-client-" + client,
        caption, chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
  }
}
