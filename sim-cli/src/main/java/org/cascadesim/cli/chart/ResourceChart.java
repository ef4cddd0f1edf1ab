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
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The gauges of one component over simulated time (queue, busy workers, in flight, and whatever
 * later components register): one panel per gauge, one line per variant, the time-weighted mean
 * per window solid and the window maximum dashed; a component's wait times (event-loop lag, pool
 * and acquire waits) get a panel each too, their p99 solid and their maximum dashed.
 */
final class ResourceChart {
  private ResourceChart() {}

  /** Height of one gauge's panel in pixels. */
  static final int PANEL_HEIGHT = 190;

  /** Builds the chart of one component from its gauges. */
  static ChartSpec build(ReportData data, String component, List<GaugeColumns.Gauge> gauges) {
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(Plots.timeAxis(data));
    combined.setGap(12);
    List<NumberAxis> axes = new ArrayList<>();
    List<XYLineAndShapeRenderer> renderers = new ArrayList<>();
    List<List<Color>> paints = new ArrayList<>();
    List<List<Stroke>> strokes = new ArrayList<>();
    long windowNanos = 1_000_000_000L;
    for (int g = 0; g < gauges.size(); g++) {
      GaugeColumns.Gauge gauge = gauges.get(g);
      GaugeColumns.Unit unit = GaugeColumns.unitOf(gauge);
      XYSeriesCollection dataset = new XYSeriesCollection();
      List<Color> panelPaints = new ArrayList<>();
      List<Stroke> panelStrokes = new ArrayList<>();
      for (int i = 0; i < data.runs().size(); i++) {
        RunSummary run = data.runs().get(i);
        TimeSeries ts = run.timeSeries();
        if (ts.column(gauge.meanColumn()) < 0 || ts.column(gauge.maxColumn()) < 0) {
          continue;
        }
        windowNanos = ts.windowNanos();
        Color colour = ChartStyle.variantColor(i);
        dataset.addSeries(series(run.variant() + " mean", ts, gauge.meanColumn(), unit.factor()));
        panelPaints.add(colour);
        panelStrokes.add(ChartStyle.solid(2f));
        dataset.addSeries(series(run.variant() + " max", ts, gauge.maxColumn(), unit.factor()));
        panelPaints.add(ChartStyle.withAlpha(colour, 110));
        panelStrokes.add(ChartStyle.dashed(1f));
      }
      NumberAxis y = gauge.component().startsWith("breaker.") && gauge.metric().endsWith(".state")
          ? breakerStateAxis(gauge.shortName())
          : Plots.valueAxis(gauge.shortName() + " (" + unit.label() + ")");
      XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
      renderer.setDrawSeriesLineAsPath(true);
      XYPlot panel = new XYPlot(dataset, null, y, renderer);
      ChartStyle.plot(panel);
      Plots.shadeWindows(panel, data, g == 0);
      combined.add(panel, 1);
      axes.add(y);
      renderers.add(renderer);
      paints.add(panelPaints);
      strokes.add(panelStrokes);
    }
    combined.setFixedLegendItems(Plots.variantLegend(data));
    String who = GaugeColumns.display(component);
    String window = Units.duration(windowNanos);
    JFreeChart chart = new JFreeChart("Resources over time: " + who, ChartStyle.font(18f), combined, true);
    ChartStyle.apply(chart);
    for (int g = 0; g < axes.size(); g++) {
      ChartStyle.axis(axes.get(g));
      for (int s = 0; s < paints.get(g).size(); s++) {
        renderers.get(g).setSeriesPaint(s, paints.get(g).get(s));
        renderers.get(g).setSeriesStroke(s, strokes.get(g).get(s));
      }
    }
    boolean waits = gauges.stream().anyMatch(GaugeColumns.Gauge::waitTime);
    ChartStyle.subtitle(chart, "per " + window + " window: time-weighted mean solid, maximum dashed"
        + (waits ? " (wait times in ms: p99 solid, maximum dashed)" : "") + "; one colour per variant");
    List<String> names = new ArrayList<>();
    for (GaugeColumns.Gauge gauge : gauges) {
      names.add(gauge.shortName());
    }
    String caption = "Gauges of " + who + " (" + String.join(", ", names) + ") per " + window
        + " window of simulated time: the time-weighted mean (solid) and the maximum (dashed)"
        + (waits ? "; for wait times such as the event-loop lag, the p99 (solid) and the maximum (dashed) in ms" : "")
        + ", one colour per variant. Red bands are the fault windows of the base scenario, grey the warm-up.";
    int height = 150 + PANEL_HEIGHT * Math.max(1, gauges.size());
    return new ChartSpec(ChartKind.RESOURCES, ChartKind.RESOURCES.slug() + "-" + component, caption, chart,
        ChartStyle.WIDTH, height);
  }

  /**
   * The axis of a breaker's state gauge (0 closed, 1 half-open, 2 open; Breaker's gauge), named by
   * state: a window's time-weighted mean between two ticks is the share of time in each.
   */
  private static NumberAxis breakerStateAxis(String label) {
    SymbolAxis axis = new SymbolAxis(label, new String[] {"closed", "half-open", "open"});
    axis.setRange(-0.1, 2.1);
    axis.setGridBandsVisible(false);
    ChartStyle.axis(axis);
    return axis;
  }

  private static XYSeries series(String key, TimeSeries ts, String column, double factor) {
    XYSeries series = new XYSeries(key, false, true);
    double[] values = ts.values(column);
    for (int w = 0; w < values.length; w++) {
      series.add(Plots.seconds(w * ts.windowNanos()), values[w] * factor);
    }
    return series;
  }
}
