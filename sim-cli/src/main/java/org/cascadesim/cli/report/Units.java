package org.cascadesim.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** Formats numbers with their units the same way everywhere in the command line's output. */
public final class Units {
  private Units() {}

  /** Formats nanoseconds as milliseconds with three significant decimals. */
  public static String millis(double nanos) {
    double ms = nanos / 1e6;
    if (ms >= 100) {
      return String.format(Locale.ROOT, "%.0f", ms);
    }
    if (ms >= 10) {
      return String.format(Locale.ROOT, "%.1f", ms);
    }
    if (ms >= 1) {
      return String.format(Locale.ROOT, "%.2f", ms);
    }
    return String.format(Locale.ROOT, "%.3f", ms);
  }

  /** Formats a duration in the largest unit that keeps it readable ({@code 1.5 s}, {@code 250 ms}). */
  public static String duration(long nanos) {
    if (nanos >= 60_000_000_000L && nanos % 60_000_000_000L == 0) {
      return (nanos / 60_000_000_000L) + " min";
    }
    if (nanos >= 1_000_000_000L) {
      return trim(nanos / 1e9) + " s";
    }
    if (nanos >= 1_000_000L) {
      return trim(nanos / 1e6) + " ms";
    }
    if (nanos >= 1_000L) {
      return trim(nanos / 1e3) + " us";
    }
    return nanos + " ns";
  }

  /**
   * Formats a latency in the largest readable unit with about three significant digits
   * ({@code 3.12 s}, {@code 233 ms}, {@code 1.20 ms}, {@code 850 us}), for ratio lines.
   */
  public static String latency(double nanos) {
    String[] units = {"s", "ms", "us"};
    double[] scale = {1e9, 1e6, 1e3};
    for (int i = 0; i < units.length; i++) {
      if (nanos >= scale[i]) {
        return threeDigits(nanos / scale[i]) + " " + units[i];
      }
    }
    return String.format(Locale.ROOT, "%.0f ns", nanos);
  }

  /**
   * Formats a ratio with two significant digits and no exponent ({@code 0.00039}, {@code 0.70},
   * {@code 2.4}, {@code 310}).
   */
  public static String ratio(double ratio) {
    if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
      return "-";
    }
    if (ratio == 0) {
      return "0";
    }
    if (ratio >= 100) {
      return String.format(Locale.ROOT, "%.0f", ratio);
    }
    int scale = 1 - (int) Math.floor(Math.log10(Math.abs(ratio)));
    return new BigDecimal(ratio).setScale(Math.max(scale, 0), RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Formats a count with thousands separators. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Appends rows as a table: the first column left-aligned, the others right-aligned. */
  public static void appendTable(StringBuilder out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c == 0) {
          line.append(row[c]).append(" ".repeat(width[c] - row[c].length()));
        } else {
          line.append("  ").append(" ".repeat(width[c] - row[c].length())).append(row[c]);
        }
      }
      out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
  }

  private static String threeDigits(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String trim(double value) {
    String s = String.format(Locale.ROOT, "%.3f", value);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
