package org.cascadesim.cli.chart;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TrafficSummary;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.RangeType;

/** Axes, shading and legends shared by the chart kinds, all in {@link RootFormats}. */
final class Plots {
  private Plots() {}

  /** Light grey behind the warm-up, which measurements exclude. */
  private static final Color WARMUP = new Color(0, 0, 0, 18);
  /** Light red behind fault windows. */
  private static final Color FAULT = new Color(214, 39, 40, 38);

  /** The simulated-time axis in seconds from 0 to the longest run: a number axis, no dates or zones. */
  static NumberAxis timeAxis(ReportData data) {
    NumberAxis axis = new NumberAxis("Simulated time (s)");
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    axis.setNumberFormatOverride(RootFormats.plain());
    axis.setAutoRange(false);
    axis.setRange(0, Math.max(1e-9, seconds(longestRunNanos(data))));
    ChartStyle.axis(axis);
    return axis;
  }

  /** A linear value axis for non-negative values, from zero, with Locale.ROOT labels. */
  static NumberAxis valueAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(true);
    axis.setAutoRangeMinimumSize(1);
    // Counts, rates and times are never negative: a flat zero series draws as [0, 1], not around 0.
    axis.setRangeType(RangeType.POSITIVE);
    axis.setNumberFormatOverride(RootFormats.plain());
    ChartStyle.axis(axis);
    return axis;
  }

  /**
   * A base-10 logarithmic axis with one labelled tick per decade, its range widened to whole
   * decades around [min, max] so at least two ticks always show.
   */
  static LogAxis logAxis(String label, double min, double max) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setTickUnit(new NumberTickUnit(1));
    axis.setMinorTickMarksVisible(false);
    axis.setNumberFormatOverride(RootFormats.decades());
    double[] range = decades(min, max);
    setDecadeRange(axis, range[0], range[1]);
    ChartStyle.axis(axis);
    return axis;
  }

  /**
   * Sets a log axis to [lower, upper], widened by a hair so the end ticks survive rounding: the
   * axis computes ticks as 10^k from logarithms, and 10^-1 can come out a little below 0.1.
   */
  static void setDecadeRange(LogAxis axis, double lower, double upper) {
    double lo = lower * (1 - 1e-9);
    axis.setSmallestValue(lo);
    axis.setAutoRange(false);
    axis.setRange(lo, upper * (1 + 1e-9));
  }

  /**
   * Returns [10^floor(log10 min), 10^ceil(log10 max)], at least one decade wide; [0.1, 10] when
   * there is no positive value.
   */
  static double[] decades(double min, double max) {
    if (!(min > 0) || !(max > 0) || Double.isInfinite(max)) {
      return new double[] {0.1, 10};
    }
    int lo = (int) Math.floor(Math.log10(min) + 1e-9);
    int hi = (int) Math.ceil(Math.log10(max) - 1e-9);
    if (hi <= lo) {
      hi = lo + 1;
    }
    return new double[] {Math.pow(10, lo), Math.pow(10, hi)};
  }

  /**
   * Shades the warm-up and every fault window of the base scenario behind a time plot; labels go
   * on the plot only when {@code labelled}, staggered so nearby windows do not overwrite each other.
   */
  static void shadeWindows(XYPlot plot, ReportData data, boolean labelled) {
    double total = Math.max(1e-9, seconds(longestRunNanos(data)));
    List<double[]> placed = new ArrayList<>();
    long warmup = data.scenario().warmupNanos();
    if (warmup > 0) {
      ChartStyle.shade(plot, 0, seconds(warmup), WARMUP, labelled ? "warm-up" : null, 0);
    }
    for (FaultWindows.Window w : FaultWindows.of(data.scenario())) {
      double from = seconds(w.fromNanos());
      // About 7 px per character on an 850 px wide plot.
      double labelSpan = total * (w.label().length() * 7.0 + 8) / 850.0;
      int row = 0;
      for (double[] p : placed) {
        if (from < p[0] + p[1] && p[0] < from + labelSpan) {
          row = Math.max(row, (int) p[2] + 1);
        }
      }
      placed.add(new double[] {from, labelSpan, row});
      ChartStyle.shade(plot, from, seconds(w.toNanos()), FAULT, labelled ? w.label() : null, row);
    }
  }

  /** A legend of one coloured line per variant, in run order. */
  static LegendItemCollection variantLegend(ReportData data) {
    LegendItemCollection items = new LegendItemCollection();
    for (int i = 0; i < data.runs().size(); i++) {
      LegendItem item = new LegendItem(data.runs().get(i).variant());
      item.setLine(new Line2D.Double(-8, 0, 8, 0));
      item.setLinePaint(ChartStyle.variantColor(i));
      item.setLineStroke(ChartStyle.solid(3f));
      item.setLineVisible(true);
      item.setShapeVisible(false);
      item.setLabelFont(ChartStyle.font(12f));
      items.add(item);
    }
    return items;
  }

  /** Nanoseconds to seconds. */
  static double seconds(long nanos) {
    return nanos / 1e9;
  }

  /** The longest simulated duration among the runs (the scenario's when there is none). */
  static long longestRunNanos(ReportData data) {
    long longest = data.scenario().durationNanos();
    for (RunSummary run : data.runs()) {
      longest = Math.max(longest, run.durationNanos());
    }
    return longest;
  }

  /** Names of every client, then every endpoint, then every dependency, over all runs in run order. */
  static List<String> names(ReportData data, String kind) {
    List<String> names = new ArrayList<>();
    for (RunSummary run : data.runs()) {
      for (TrafficSummary t : books(run, kind)) {
        if (!names.contains(t.name())) {
          names.add(t.name());
        }
      }
    }
    return names;
  }

  /** The books of a component of a run by kind and name, or null when that run has none. */
  static TrafficSummary find(RunSummary run, String kind, String name) {
    for (TrafficSummary t : books(run, kind)) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  private static List<TrafficSummary> books(RunSummary run, String kind) {
    return switch (kind) {
      case "client" -> run.clients();
      case "endpoint" -> run.endpoints();
      case "dependency" -> run.dependencies();
      default -> throw new IllegalArgumentException("unknown kind " + kind);
    };
  }
}
