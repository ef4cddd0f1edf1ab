package org.cascadesim.cli.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.cli.report.Units;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TrafficSummary;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Latency by percentile on the logarithmic "inverse quantile" axis, x = 1/(1-q), labelled 90%,
 * 99%, 99.9%, like the HdrHistogram plotter (ecosystem.md sections 1.1 and 2), one line per variant.
 */
final class PercentileChart {
  private PercentileChart() {}

  /** Percentile steps per half distance, as the {@code .hgrm} output of HdrHistogram uses. */
  static final int TICKS_PER_HALF_DISTANCE = 5;

  /**
   * Builds the chart of one client or endpoint.
   *
   * @param kind {@code client} or {@code endpoint}
   * @param name the component's name
   */
  static ChartSpec build(ReportData data, String kind, String name) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    double minMs = Double.POSITIVE_INFINITY;
    double maxMs = 0;
    double maxX = 1;
    List<Color> colours = new ArrayList<>();
    List<Double> maxima = new ArrayList<>();
    for (int i = 0; i < data.runs().size(); i++) {
      RunSummary run = data.runs().get(i);
      TrafficSummary books = Plots.find(run, kind, name);
      if (books == null || books.latency().getTotalCount() == 0) {
        continue;
      }
      Histogram h = books.latency();
      XYSeries series = new XYSeries(run.variant() + " (" + Units.count(h.getTotalCount()) + " answers)", false, true);
      for (double[] point : points(h)) {
        series.add(point[0], point[1]);
        maxX = Math.max(maxX, point[0]);
        minMs = Math.min(minMs, point[1]);
      }
      double max = h.highestEquivalentValue(h.getMaxValue()) / 1e6;
      if (max <= 0) {
        continue;
      }
      maxMs = Math.max(maxMs, max);
      minMs = Math.min(minMs, max);
      maxima.add(max);
      colours.add(ChartStyle.variantColor(i));
      dataset.addSeries(series);
    }
    // Every percentile above the last step equals the maximum: draw it flat to the axis end, as
    // the plotter's last row (percentile 100) implies.
    double end = upperBound(maxX);
    for (int s = 0; s < dataset.getSeriesCount(); s++) {
      dataset.getSeries(s).add(end, maxima.get(s));
    }
    LogAxis x = new LogAxis("Percentile (logarithmic: each tick ten times rarer)");
    x.setBase(10);
    x.setTickUnit(new NumberTickUnit(1));
    x.setMinorTickMarksVisible(false);
    x.setNumberFormatOverride(RootFormats.inverseQuantile());
    Plots.setDecadeRange(x, 1, end);
    ChartStyle.axis(x);
    LogAxis y = Plots.logAxis("Latency (ms, log scale)", minMs, maxMs);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    ChartStyle.plot(plot);
    plot.setInsets(new RectangleInsets(4, 4, 4, 24));

    String who = kind + " " + name;
    JFreeChart chart = new JFreeChart("Latency by percentile: " + who, ChartStyle.font(18f), plot, true);
    ChartStyle.apply(chart);
    for (int s = 0; s < colours.size(); s++) {
      renderer.setSeriesPaint(s, colours.get(s));
      renderer.setSeriesStroke(s, ChartStyle.solid(2f));
    }
    ChartStyle.subtitle(chart, "client".equals(kind)
        ? "latency from the intended send time, every answer (errors and timeouts included)"
        : "latency inside the endpoint, every answer (errors included)");
    String caption = "Latency of " + who + " by percentile, one line per variant. The x axis stretches"
        + " the tail: 90%, 99%, 99.9%, each tick ten times rarer than the one before; the y axis is"
        + " logarithmic too. " + ("client".equals(kind)
            ? "Client latency counts from the intended send time, so waiting behind a stalled"
              + " system counts (no coordinated omission)."
            : "Endpoint latency counts from the request's arrival at the service.")
        + " Answers in zero time (immediate rejections) cannot show on the log scale: a line starts"
        + " at the first percentile above zero.";
    return new ChartSpec(ChartKind.PERCENTILES, ChartKind.PERCENTILES.slug() + "-" + kind + "-" + name, caption,
        chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
  }

  /**
   * The percentile spectrum of a histogram as points (x = 1/(1-q), y = latency in ms) at the
   * steps of HdrHistogram's {@code outputPercentileDistribution}, stopping before q = 1 and
   * leaving out zero latencies, which a logarithmic axis cannot show.
   */
  static List<double[]> points(Histogram h) {
    List<double[]> points = new ArrayList<>();
    for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
      double percentile = v.getPercentileLevelIteratedTo();
      if (percentile >= 100) {
        break;
      }
      double ms = v.getValueIteratedTo() / 1e6;
      if (ms <= 0) {
        continue; // answered in zero time (an immediate rejection): no place on a log axis
      }
      points.add(new double[] {RootFormats.inverseQuantileOf(percentile), ms});
    }
    return points;
  }

  /** The axis end: a whole decade past the last point, at least 99.99% (10^4) and at most 10^7. */
  static double upperBound(double maxX) {
    int decade = (int) Math.ceil(Math.log10(Math.max(maxX, 1)) - 1e-9);
    return Math.pow(10, Math.min(7, Math.max(4, decade)));
  }
}
