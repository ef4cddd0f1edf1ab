package org.cascadesim.cli.report;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TrafficSummary;

/**
 * The {@code --latency} text, wrk2 style (giltene/wrk2 README): per client of each run, the
 * latency distribution at 50/75/90/99/99.9/99.99/99.999/100% and then the detailed percentile
 * spectrum, which is the {@code .hgrm} table itself.
 */
public final class LatencySpectrum {
  private static final double[] PERCENTILES = {50, 75, 90, 99, 99.9, 99.99, 99.999, 100};

  private LatencySpectrum() {}

  /** Formats the spectrum of every client of every run. */
  public static String format(List<RunSummary> runs) {
    StringBuilder out = new StringBuilder();
    for (RunSummary run : runs) {
      for (TrafficSummary client : run.clients()) {
        out.append(System.lineSeparator()).append("LATENCY ").append(client.name()).append(" -> ")
            .append(client.target()).append(", variant ").append(run.variant())
            .append(" (ms from the intended send time)").append(System.lineSeparator());
        Histogram h = client.latency();
        if (h.getTotalCount() == 0) {
          out.append("  no answers").append(System.lineSeparator());
          continue;
        }
        out.append("  Latency Distribution (HdrHistogram - Recorded Latency)").append(System.lineSeparator());
        for (double p : PERCENTILES) {
          out.append(String.format(Locale.ROOT, " %8.3f%%  %10.3f ms%n", p, h.getValueAtPercentile(p) / 1e6));
        }
        out.append("  Detailed Percentile spectrum:").append(System.lineSeparator());
        out.append(Hgrm.format(h).replace("\n", System.lineSeparator()));
      }
    }
    return out.toString();
  }
}
