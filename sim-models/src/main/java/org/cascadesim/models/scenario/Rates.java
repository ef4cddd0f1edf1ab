package org.cascadesim.models.scenario;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints rates written with a unit ({@code 20/s}, {@code 1200/min}), converted to
 * events per second with exact decimal arithmetic.
 */
public final class Rates {
  /** The units a rate may carry. */
  public static final String UNITS = "/ms, /s, /min, /h";

  private static final Pattern RATE = Pattern.compile("(-?)([0-9]+(?:\\.[0-9]+)?)/(ms|s|min|h)");
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?");
  private static final Pattern NUMBER_SLASH = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?\\s*/\\s*(.*)");

  private Rates() {}

  /**
   * Parses a rate such as {@code 20/s}, {@code 0.5/s}, {@code 1200/min}, {@code 3/ms} or
   * {@code 100/h} into events per second.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static double parsePerSecond(String text) {
    String s = text.strip();
    Matcher m = RATE.matcher(s);
    if (!m.matches()) {
      if (NUMBER.matcher(s).matches()) {
        throw new IllegalArgumentException(
            "'" + s + "' has no unit; add one, e.g. 20/s (units: " + UNITS + ")");
      }
      Matcher w = NUMBER_SLASH.matcher(s);
      if (w.matches()) {
        throw new IllegalArgumentException(
            "'" + s + "' has an unknown unit '/" + w.group(1) + "'; use one of " + UNITS
                + " with no spaces, e.g. 20/s");
      }
      throw new IllegalArgumentException(
          "'" + s + "' is not a rate; write <number>/<unit> with unit " + UNITS
              + ", e.g. 20/s or 1200/min");
    }
    if (!m.group(1).isEmpty()) {
      throw new IllegalArgumentException("'" + s + "' is negative; a rate must be 0 or more");
    }
    BigDecimal value = new BigDecimal(m.group(2));
    BigDecimal perSecond;
    switch (m.group(3)) {
      case "ms":
        perSecond = value.multiply(BigDecimal.valueOf(1000));
        break;
      case "s":
        perSecond = value;
        break;
      case "min":
        perSecond = value.divide(BigDecimal.valueOf(60), MathContext.DECIMAL64);
        break;
      case "h":
        perSecond = value.divide(BigDecimal.valueOf(3600), MathContext.DECIMAL64);
        break;
      default:
        throw new AssertionError(m.group(3));
    }
    double result = perSecond.doubleValue();
    if (Double.isInfinite(result)) {
      throw new IllegalArgumentException("'" + s + "' is too large");
    }
    if (result == 0.0 && value.signum() != 0) {
      throw new IllegalArgumentException("'" + s + "' is too small to represent");
    }
    return result;
  }

  /** Prints a rate per second, e.g. {@code 20/s} or {@code 0.5/s}. */
  public static String format(double perSecond) {
    return BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString() + "/s";
  }
}
