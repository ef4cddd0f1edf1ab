package org.cascadesim.cli.report;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;

/**
 * The HdrHistogram percentile distribution ({@code .hgrm}) of a latency histogram in
 * milliseconds: exactly {@code outputPercentileDistribution(ps, 5, 1e6)} of HdrHistogram 2.2.2,
 * with {@code inf} appended to the last data row as wrk2 prints it, so every data row has the
 * four whitespace-separated fields the HdrHistogram online plotter reads (plotFiles.html keeps
 * only lines that split into four fields).
 */
public final class Hgrm {
  /** Percentile ticks per half distance, as wrk2 and the HdrHistogram examples use. */
  public static final int TICKS_PER_HALF_DISTANCE = 5;
  /** Histogram values are nanoseconds; dividing by this prints milliseconds. */
  public static final double NANOS_PER_MILLI = 1e6;

  private Hgrm() {}

  /** Formats the percentile distribution of {@code latencyNanos} in ms, every line ending in {@code \n}. */
  public static String format(Histogram latencyNanos) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      latencyNanos.outputPercentileDistribution(ps, TICKS_PER_HALF_DISTANCE, NANOS_PER_MILLI);
    }
    String text = bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (String line : text.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("Value")
          && trimmed.split(" +").length == 3) {
        out.append(line).append(" ".repeat(Math.max(1, 14 - "inf".length()))).append("inf");
      } else {
        out.append(line);
      }
    }
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    return out.toString();
  }
}
