package org.cascadesim.cli.chart;

import java.awt.Shape;
import java.awt.Stroke;
import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A sweep chart: one metric against the first varied parameter, the mean of the replications
 * with its 95% confidence interval as a vertical bar, one line per variant (and per value of the
 * other varied parameters, told apart by dash and marker). Same look and determinism rules as the
 * report charts ({@link ChartStyle}, {@link RootFormats}, ecosystem.md section 2): bundled font,
 * Locale.ROOT labels, fixed colours by variant position.
 */
public final class SweepChart {
  private SweepChart() {}

  /**
   * One line of the chart.
   *
   * @param label the legend label
   * @param variantPosition the variant's position in the sweep (base first), which picks its colour
   * @param style the line's dash and marker (0 = solid line with circles)
   * @param mean the mean per x value (NaN leaves the point out)
   * @param low the lower bound of the 95% interval per x value (NaN: no bar)
   * @param high the upper bound of the 95% interval per x value (NaN: no bar)
   */
  public record Line(String label, int variantPosition, int style, double[] mean, double[] low, double[] high) {
    /** Checks the arrays have the same length. */
    public Line {
      Objects.requireNonNull(label, "label");
      if (mean.length != low.length || mean.length != high.length) {
        throw new IllegalArgumentException("mean, low and high differ in length");
      }
    }
  }

  /** A leading number and an optional unit: {@code 20}, {@code 30/s}, {@code 250ms}, {@code 0.5}. */
  private static final Pattern NUMBER = Pattern.compile("\\s*([-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\\s*(\\S*)\\s*");

  /**
   * Builds the chart of {@code metric}.
   *
   * @param stem the file name stem
   * @param metric the metric's name, e.g. {@code client.shoppers.p99_ms}
   * @param parameter the varied key on the x axis
   * @param xValues the values of that key as written on the command line, in order
   * @param lines the lines, one mean per x value each
   * @param replications the replications per point, for the subtitle
   */
  public static ChartSpec build(String stem, String metric, String parameter, List<String> xValues, List<Line> lines,
      int replications) {
    double[] xs = numericValues(xValues);
    ValueAxis x;
    if (xs != null) {
      String unit = unitOf(xValues);
      NumberAxis axis = new NumberAxis(parameter + (unit.isEmpty() ? "" : " (" + unit + ")"));
      axis.setAutoRangeIncludesZero(false);
      axis.setNumberFormatOverride(RootFormats.plain());
      x = axis;
    } else {
      xs = new double[xValues.size()];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = i;
      }
      SymbolAxis axis = new SymbolAxis(parameter, xValues.toArray(new String[0]));
      axis.setGridBandsVisible(false);
      x = axis;
    }
    ChartStyle.axis(x);
    double span = xs.length > 1 ? xs[xs.length - 1] - xs[0] : 1;
    x.setLowerMargin(0.05);
    x.setUpperMargin(0.05);
    if (xs.length == 1 || span == 0) {
      x.setAutoRange(false);
      x.setRange(xs[0] - 1, xs[0] + 1);
    }

    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    for (Line line : lines) {
      YIntervalSeries series = new YIntervalSeries(line.label(), false, true);
      for (int i = 0; i < xs.length && i < line.mean().length; i++) {
        double m = line.mean()[i];
        if (Double.isNaN(m) || Double.isInfinite(m)) {
          continue;
        }
        double lo = Double.isNaN(line.low()[i]) ? m : line.low()[i];
        double hi = Double.isNaN(line.high()[i]) ? m : line.high()[i];
        series.add(xs[i], m, lo, hi);
      }
      dataset.addSeries(series);
    }
    NumberAxis y = new NumberAxis(metric);
    y.setAutoRangeIncludesZero(false);
    y.setAutoRangeMinimumSize(1e-6);
    y.setNumberFormatOverride(new RootFormats.NoNegativeZero(
        new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT))));
    ChartStyle.axis(y);

    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setDefaultLinesVisible(true);
    renderer.setDefaultShapesVisible(true);
    renderer.setCapLength(8);
    renderer.setErrorStroke(ChartStyle.solid(1.5f));
    renderer.setDrawSeriesLineAsPath(true);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    ChartStyle.plot(plot);
    plot.setInsets(new RectangleInsets(4, 4, 4, 24));

    JFreeChart chart = new JFreeChart(metric + " by " + parameter, ChartStyle.font(18f), plot, true);
    ChartStyle.apply(chart);
    Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
    for (int s = 0; s < lines.size(); s++) {
      Line line = lines.get(s);
      renderer.setSeriesPaint(s, ChartStyle.variantColor(line.variantPosition()));
      renderer.setSeriesStroke(s, stroke(line.style()));
      renderer.setSeriesShape(s, shapes[Math.floorMod(line.style(), shapes.length)]);
    }
    ChartStyle.subtitle(chart, String.format(Locale.ROOT,
        "mean of %d replications per point, bars: 95%% confidence interval (Student t)", replications));
    String caption = "Mean of " + metric + " over " + replications + " replications at each value of " + parameter
        + ", with its 95% confidence interval (Student t) as a vertical bar; one line per variant"
        + (lines.stream().anyMatch(l -> l.style() != 0) ? " and per value of the other varied keys" : "") + ".";
    // ChartKind lists the report's sections; a sweep chart is not in a report, and PERCENTILES
    // (a distribution chart) is the closest; the kind is not written anywhere for a sweep.
    return new ChartSpec(ChartKind.PERCENTILES, stem, caption, chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
  }

  /** Solid for style 0, then dashes of different lengths. */
  private static Stroke stroke(int style) {
    if (style == 0) {
      return ChartStyle.solid(2f);
    }
    float dash = 2f + 3f * Math.floorMod(style - 1, 4);
    return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {dash + 4f, 4f}, 0f);
  }

  /** The numbers of values that all read as a number with the same unit and strictly increase; else null. */
  static double[] numericValues(List<String> values) {
    double[] xs = new double[values.size()];
    String unit = null;
    for (int i = 0; i < xs.length; i++) {
      Matcher m = NUMBER.matcher(values.get(i));
      if (!m.matches()) {
        return null;
      }
      if (unit != null && !unit.equals(m.group(2))) {
        return null;
      }
      unit = m.group(2);
      xs[i] = Double.parseDouble(m.group(1));
      if (i > 0 && !(xs[i] > xs[i - 1])) {
        return null;
      }
    }
    return xs;
  }

  private static String unitOf(List<String> values) {
    Matcher m = NUMBER.matcher(values.get(0));
    return m.matches() ? m.group(2) : "";
  }
}
