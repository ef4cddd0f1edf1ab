package org.cascadesim.cli.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Number formats for chart axes, all in {@link Locale#ROOT}: JFreeChart's default axis formats
 * follow the default locale, and a {@code de_DE} run drew different bytes (ecosystem.md section 2).
 */
final class RootFormats {
  private RootFormats() {}

  /** Plain numbers with a thousands separator and up to three decimals ({@code 1,250.5}). */
  static NumberFormat plain() {
    return new NoNegativeZero(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
  }

  /** Values of a logarithmic axis: decades from 0.000001 up ({@code 0.01}, {@code 1}, {@code 1,000}). */
  static NumberFormat decades() {
    return new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  /** The inverse-quantile axis labels: x = 1/(1-q) shown as the percentile {@code 100 - 100/x}. */
  static NumberFormat inverseQuantile() {
    return new InverseQuantileFormat();
  }

  /** Returns the percentile (0 to 100) that x = 1/(1-q) stands for. */
  static double percentileOf(double x) {
    return 100.0 - 100.0 / x;
  }

  /** Returns the inverse-quantile coordinate 1/(1-q) of a percentile in [0, 100). */
  static double inverseQuantileOf(double percentile) {
    return 100.0 / (100.0 - percentile);
  }

  /** Prints values that round to zero as {@code 0}, never {@code -0}. */
  static final class NoNegativeZero extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final DecimalFormat format;

    NoNegativeZero(DecimalFormat format) {
      this.format = format;
    }

    @Override
    public StringBuffer format(double x, StringBuffer out, FieldPosition pos) {
      String s = format.format(x);
      return out.append(s.equals("-0") ? "0" : s);
    }

    @Override
    public StringBuffer format(long x, StringBuffer out, FieldPosition pos) {
      return out.append(format.format(x));
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      return format.parse(source, pos);
    }
  }

  /**
   * Formats x = 1/(1-q) as {@code 90%}, {@code 99%}, {@code 99.9%}: the HdrHistogram plotter's
   * percentile axis (HdrHistogram gh-pages plotFiles.html).
   */
  static final class InverseQuantileFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final DecimalFormat percent =
        new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));

    @Override
    public StringBuffer format(double x, StringBuffer out, FieldPosition pos) {
      if (!(x >= 1) || Double.isInfinite(x)) {
        return out;
      }
      // Round to 10 significant places first so 100 - 100/1000 prints as 99.9, not 99.90000000001.
      double p = Math.round(percentileOf(x) * 1e8) / 1e8;
      return out.append(percent.format(p)).append('%');
    }

    @Override
    public StringBuffer format(long x, StringBuffer out, FieldPosition pos) {
      return format((double) x, out, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      String s = source.substring(pos.getIndex()).trim();
      if (!s.endsWith("%")) {
        pos.setErrorIndex(pos.getIndex());
        return null;
      }
      double p = Double.parseDouble(s.substring(0, s.length() - 1));
      pos.setIndex(source.length());
      return inverseQuantileOf(p);
    }
  }
}
