package org.cascadesim.models.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints memory sizes written with a binary unit ({@code 8KiB}, {@code 1.5MiB}, {@code
 * 512B}), like durations always with a unit, so that {@code 8} is never read as bytes by mistake.
 */
public final class ByteSizes {
  /** The units a size may carry. */
  public static final String UNITS = "B, KiB, MiB, GiB";

  private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(B|KiB|MiB|GiB)");
  private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+(?:\\.[0-9]*)?");

  private ByteSizes() {}

  /**
   * Parses a size such as {@code 8KiB} into bytes, rounding to the nearest byte.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static long parseBytes(String text) {
    String s = text.strip();
    Matcher m = SIZE.matcher(s);
    if (!m.matches()) {
      if (NUMBER.matcher(s).matches()) {
        throw new IllegalArgumentException("'" + s + "' has no unit; add one, e.g. 8KiB (units: " + UNITS + ")");
      }
      throw new IllegalArgumentException("'" + s + "' is not a size such as 8KiB (units: " + UNITS + ")");
    }
    long unit = switch (m.group(2)) {
      case "KiB" -> 1L << 10;
      case "MiB" -> 1L << 20;
      case "GiB" -> 1L << 30;
      default -> 1L;
    };
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit))
        .setScale(0, RoundingMode.HALF_EVEN);
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("'" + s + "' is too large");
    }
    return bytes.longValueExact();
  }

  /** Formats bytes with the largest binary unit that keeps one decimal: {@code 8.0KiB}, {@code 3.5MiB}. */
  public static String format(long bytes) {
    String[] units = {"GiB", "MiB", "KiB"};
    long[] sizes = {1L << 30, 1L << 20, 1L << 10};
    for (int i = 0; i < units.length; i++) {
      if (Math.abs(bytes) >= sizes[i]) {
        return String.format(java.util.Locale.ROOT, "%.1f%s", bytes / (double) sizes[i], units[i]);
      }
    }
    return bytes + "B";
  }
}
