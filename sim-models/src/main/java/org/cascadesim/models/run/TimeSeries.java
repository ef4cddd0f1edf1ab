package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.core.metrics.LatencyRecorder;
import org.cascadesim.core.metrics.MetricRegistry;
import org.cascadesim.core.metrics.TimeWeightedGauge;

/**
 * Every metric of a run in fixed windows of simulated time, one column per series: counters as
 * counts per window, gauges as their time-average and maximum, latencies as count, p50, p99 and
 * max in nanoseconds. Columns follow the registry's order, so the table's shape is stable.
 *
 * @param windowNanos the width of a window
 * @param columns the column names
 * @param rows one row per window, one value per column
 */
public record TimeSeries(long windowNanos, List<String> columns, List<double[]> rows) {

  /** Builds the table for windows [0, windowCount) of a registry at time {@code nowNanos}. */
  public static TimeSeries of(MetricRegistry registry, int windowCount, long nowNanos) {
    List<String> columns = new ArrayList<>();
    List<double[]> data = new ArrayList<>();
    for (String name : registry.names()) {
      Object metric = registry.find(name);
      if (metric instanceof Counter c) {
        columns.add(name);
        data.add(toDouble(c.perWindow(), windowCount));
      } else if (metric instanceof TimeWeightedGauge g) {
        columns.add(name + ".mean");
        data.add(pad(g.windowMeans(nowNanos), windowCount));
        columns.add(name + ".max");
        data.add(toDouble(g.windowMaxima(nowNanos), windowCount));
      } else if (metric instanceof LatencyRecorder l) {
        LatencyRecorder.WindowStats w = l.windows(windowCount);
        double[] count = new double[windowCount];
        double[] p50 = new double[windowCount];
        double[] p99 = new double[windowCount];
        double[] max = new double[windowCount];
        for (int i = 0; i < Math.min(windowCount, w.size()); i++) {
          count[i] = w.count(i);
          p50[i] = w.p50(i);
          p99[i] = w.p99(i);
          max[i] = w.max(i);
        }
        columns.add(name + ".count");
        data.add(count);
        columns.add(name + ".p50");
        data.add(p50);
        columns.add(name + ".p99");
        data.add(p99);
        columns.add(name + ".max");
        data.add(max);
      }
    }
    List<double[]> rows = new ArrayList<>(windowCount);
    for (int r = 0; r < windowCount; r++) {
      double[] row = new double[columns.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = data.get(c)[r];
      }
      rows.add(row);
    }
    return new TimeSeries(windowNanos(registry), Collections.unmodifiableList(columns), Collections.unmodifiableList(rows));
  }

  /** Returns the index of a column, or -1. */
  public int column(String name) {
    return columns.indexOf(name);
  }

  /** Returns one column as an array, one value per window. */
  public double[] values(String name) {
    int c = column(name);
    if (c < 0) {
      throw new IllegalArgumentException("no time series named " + name);
    }
    double[] values = new double[rows.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = rows.get(r)[c];
    }
    return values;
  }

  private static long windowNanos(MetricRegistry registry) {
    return registry.windowNanos();
  }

  private static double[] toDouble(long[] values, int n) {
    double[] out = new double[n];
    for (int i = 0; i < Math.min(n, values.length); i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static double[] pad(double[] values, int n) {
    double[] out = new double[n];
    System.arraycopy(values, 0, out, 0, Math.min(n, values.length));
    return out;
  }
}
