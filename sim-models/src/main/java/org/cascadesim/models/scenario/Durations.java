package org.cascadesim.models.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations written with a unit ({@code 250ms}, {@code 1.5s}); conversion is
 * exact (BigDecimal), so {@code 0.1s} is exactly 100,000,000 ns.
 */
public final class Durations {
  /** The units a duration may carry, smallest first. */
  public static final String UNITS = "ns, us, ms, s, m, h";

  private static final Pattern DURATION =
      Pattern.compile("(-?)([0-9]+(?:\\.[0-9]+)?)(ns|us|ms|s|m|h)");
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?");
  private static final Pattern NUMBER_WITH_WORD = Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?\\s*([A-Za-zµ]+)");
  private static final String[] UNIT_NAMES = {"h", "m", "s", "ms", "us", "ns"};
  private static final long[] UNIT_NANOS = {
    3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L
  };

  private Durations() {}

  /**
   * Parses a duration such as {@code 250ms}, {@code 0.5ms} or {@code 4s} into nanoseconds,
   * rounding to the nearest nanosecond.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static long parseNanos(String text) {
    String s = text.strip();
    Matcher m = DURATION.matcher(s);
    if (!m.matches()) {
      if (NUMBER.matcher(s).matches()) {
        throw new IllegalArgumentException(
            "'" + s + "' has no unit; add one, e.g. 250ms (units: " + UNITS + ")");
      }
      Matcher w = NUMBER_WITH_WORD.matcher(s);
      if (w.matches()) {
        throw new IllegalArgumentException(
            "'" + s + "' has an unknown unit '" + w.group(1) + "'; use one of " + UNITS
                + " with no space, e.g. 250ms");
      }
      throw new IllegalArgumentException(
          "'" + s + "' is not a duration; write <number><unit> with unit " + UNITS
              + ", e.g. 250ms or 1.5s");
    }
    if (!m.group(1).isEmpty()) {
      throw new IllegalArgumentException("'" + s + "' is negative; a duration must be 0 or more");
    }
    BigDecimal value = new BigDecimal(m.group(2));
    BigDecimal nanos =
        value.multiply(BigDecimal.valueOf(unitNanos(m.group(3)))).setScale(0, RoundingMode.HALF_EVEN);
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(
          "'" + s + "' is too long; the longest duration is " + format(Long.MAX_VALUE));
    }
    if (nanos.signum() == 0 && value.signum() != 0) {
      throw new IllegalArgumentException("'" + s + "' rounds to 0ns; the resolution is 1ns");
    }
    return nanos.longValueExact();
  }

  /**
   * Prints nanoseconds the way people write them: seconds from 1s up to an hour ({@code 90s},
   * {@code 1.5s}), whole hours or minutes above, and ms, us or ns below a second.
   */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    long abs = Math.abs(nanos);
    if (abs >= UNIT_NANOS[0] && abs != Long.MIN_VALUE) {
      if (abs % UNIT_NANOS[0] == 0) {
        return nanos / UNIT_NANOS[0] + "h";
      }
      if (abs % UNIT_NANOS[1] == 0) {
        return nanos / UNIT_NANOS[1] + "m";
      }
    }
    for (int i = 2; i < UNIT_NAMES.length; i++) {
      if (abs >= UNIT_NANOS[i] || i == UNIT_NAMES.length - 1) {
        BigDecimal v =
            BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(UNIT_NANOS[i])).stripTrailingZeros();
        return v.toPlainString() + UNIT_NAMES[i];
      }
    }
    throw new AssertionError("unreachable");
  }

  private static long unitNanos(String unit) {
    for (int i = 0; i < UNIT_NAMES.length; i++) {
      if (UNIT_NAMES[i].equals(unit)) {
        return UNIT_NANOS[i];
      }
    }
    throw new IllegalArgumentException("unknown unit " + unit);
  }
}
