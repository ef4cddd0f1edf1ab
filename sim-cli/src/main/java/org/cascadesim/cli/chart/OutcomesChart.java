package org.cascadesim.cli.chart;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.cli.report.Units;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TimeSeries;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Answers per second to one client by outcome, stacked, one panel per variant on a shared time
 * axis and a shared rate scale, so variants compare at a glance; outcome colours are fixed and
 * each panel's axis label carries its variant's colour.
 */
final class OutcomesChart {
  private OutcomesChart() {}

  /** Height of one variant's panel in pixels. */
  static final int PANEL_HEIGHT = 200;

  /** Builds the chart of one client. */
  static ChartSpec build(ReportData data, String client) {
    String prefix = "client." + client + ".outcome.";
    List<Outcome> shown = outcomesSeen(data, prefix);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(Plots.timeAxis(data));
    combined.setGap(12);
    double top = 0;
    List<NumberAxis> axes = new ArrayList<>();
    List<XYAreaRenderer> renderers = new ArrayList<>();
    long windowNanos = 1_000_000_000L;
    for (int i = 0; i < data.runs().size(); i++) {
      RunSummary run = data.runs().get(i);
      TimeSeries ts = run.timeSeries();
      windowNanos = ts.windowNanos();
      double perSecond = 1e9 / ts.windowNanos();
      // Stacked by hand: series k is the sum of the first k+1 outcomes, one filled polygon each;
      // the plot draws the last (largest) first, so every band shows above the one below it.
      XYSeriesCollection dataset = new XYSeriesCollection();
      double[] total = new double[ts.rows().size()];
      for (Outcome outcome : shown) {
        XYSeries series = new XYSeries(outcome.label(), false, true);
        boolean present = ts.column(prefix + outcome.label()) >= 0;
        double[] counts = present ? ts.values(prefix + outcome.label()) : new double[ts.rows().size()];
        for (int w = 0; w < counts.length; w++) {
          total[w] += counts[w] * perSecond;
          series.add(Plots.seconds(w * ts.windowNanos()), total[w]);
        }
        dataset.addSeries(series);
      }
      for (double t : total) {
        top = Math.max(top, t);
      }
      NumberAxis y = Plots.valueAxis(run.variant() + " (answers/s)");
      y.setLabelPaint(ChartStyle.variantColor(i));
      XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA);
      renderer.setOutline(false);
      XYPlot panel = new XYPlot(dataset, null, y, renderer);
      panel.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
      ChartStyle.plot(panel);
      Plots.shadeWindows(panel, data, i == 0);
      TimelineMarkers.mark(panel, data, i);
      combined.add(panel, 1);
      axes.add(y);
      renderers.add(renderer);
    }
    combined.setFixedLegendItems(legend(shown));
    String window = Units.duration(windowNanos);
    JFreeChart chart = new JFreeChart("Outcomes per second: client " + client, ChartStyle.font(18f), combined, true);
    ChartStyle.apply(chart);
    for (int i = 0; i < axes.size(); i++) {
      NumberAxis y = axes.get(i);
      ChartStyle.axis(y);
      y.setLabelPaint(ChartStyle.variantColor(i));
      y.setAutoRange(false);
      y.setRange(0, top > 0 ? top * 1.05 : 1);
      for (int s = 0; s < shown.size(); s++) {
        renderers.get(i).setSeriesPaint(s, ChartStyle.outcomeColor(shown.get(s)));
      }
    }
    ChartStyle.subtitle(chart, "answers per second by outcome, stacked, per " + window + " window; one panel per variant");
    String caption = "Answers per second to client " + client + " by outcome (stacked, "
        + window + " windows), one panel per variant on the same scale; the panel's axis label has"
        + " the variant's colour. Outcome colours are the same in every chart: ok green, error red,"
        + " timeout orange, rejected purple.";
    int height = 150 + PANEL_HEIGHT * Math.max(1, data.runs().size());
    return new ChartSpec(ChartKind.OUTCOMES, ChartKind.OUTCOMES.slug() + "-client-" + client, caption, chart,
        ChartStyle.WIDTH, height);
  }

  /** The outcomes any variant recorded for the client, in the enum's order; {@code ok} at least. */
  static List<Outcome> outcomesSeen(ReportData data, String prefix) {
    List<Outcome> seen = new ArrayList<>();
    for (Outcome outcome : Outcome.values()) {
      boolean any = outcome == Outcome.OK;
      for (RunSummary run : data.runs()) {
        TimeSeries ts = run.timeSeries();
        if (ts.column(prefix + outcome.label()) >= 0) {
          for (double v : ts.values(prefix + outcome.label())) {
            any |= v > 0;
          }
        }
      }
      if (any) {
        seen.add(outcome);
      }
    }
    return seen;
  }

  private static LegendItemCollection legend(List<Outcome> shown) {
    LegendItemCollection items = new LegendItemCollection();
    for (Outcome outcome : shown) {
      LegendItem item = new LegendItem(outcome.label(), ChartStyle.outcomeColor(outcome));
      item.setLabelFont(ChartStyle.font(12f));
      items.add(item);
    }
    return items;
  }
}
