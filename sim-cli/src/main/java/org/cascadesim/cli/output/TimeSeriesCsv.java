package org.cascadesim.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.cascadesim.models.run.TimeSeries;

/**
 * A run's time series as CSV (RFC 4180 quoting, {@code \n} line ends; an undefined value is an empty field): one row per window of simulated
 * time, {@code time_s} (the window's start) then every column of {@link TimeSeries} in its order.
 * Latency columns (a recorder's {@code .count}, {@code .p50}, {@code .p99}, {@code .max} group)
 * are converted from ns to ms and renamed with their unit ({@code client.web.latency.p99_ms});
 * counters are counts per window, gauges the window's time-weighted mean and maximum. Numbers are
 * plain decimals with at most 6 places, so the same run gives the same bytes. Grafana's Infinity
 * data source reads it as is.
 */
public final class TimeSeriesCsv {
  private static final String[] LATENCY_SUFFIXES = {".count", ".p50", ".p99", ".max"};

  private TimeSeriesCsv() {}

  /** Formats the whole table. */
  public static String format(TimeSeries series) {
    List<String> columns = series.columns();
    boolean[] latency = latencyColumns(columns);
    StringBuilder out = new StringBuilder();
    out.append("time_s");
    for (int c = 0; c < columns.size(); c++) {
      String name = columns.get(c);
      if (latency[c] && !name.endsWith(".count")) {
        name = name + "_ms";
      }
      out.append(',').append(field(name));
    }
    out.append('\n');
    for (int r = 0; r < series.rows().size(); r++) {
      double[] row = series.rows().get(r);
      out.append(number(BigDecimal.valueOf(series.windowNanos()).multiply(BigDecimal.valueOf(r)).movePointLeft(9)));
      for (int c = 0; c < row.length; c++) {
        double value = row[c];
        out.append(',');
        if (Double.isNaN(value) || Double.isInfinite(value)) {
          continue;
        }
        if (latency[c] && !columns.get(c).endsWith(".count")) {
          out.append(number(new BigDecimal(value).movePointLeft(6)));
        } else {
          out.append(number(new BigDecimal(value)));
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Marks the columns of latency recorders: TimeSeries writes each recorder as four consecutive
   * columns NAME.count, NAME.p50, NAME.p99, NAME.max (no counter or gauge produces a .p50).
   */
  static boolean[] latencyColumns(List<String> columns) {
    boolean[] latency = new boolean[columns.size()];
    for (int c = 0; c + LATENCY_SUFFIXES.length <= columns.size(); c++) {
      String first = columns.get(c);
      if (!first.endsWith(LATENCY_SUFFIXES[0])) {
        continue;
      }
      String prefix = first.substring(0, first.length() - LATENCY_SUFFIXES[0].length());
      boolean group = true;
      for (int k = 1; k < LATENCY_SUFFIXES.length; k++) {
        group &= columns.get(c + k).equals(prefix + LATENCY_SUFFIXES[k]);
      }
      if (group) {
        for (int k = 0; k < LATENCY_SUFFIXES.length; k++) {
          latency[c + k] = true;
        }
      }
    }
    return latency;
  }

  private static String number(BigDecimal value) {
    BigDecimal rounded = value.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (rounded.signum() == 0) {
      return "0";
    }
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  private static String field(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
