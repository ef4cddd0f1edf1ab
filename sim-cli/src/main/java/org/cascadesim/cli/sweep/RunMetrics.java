package org.cascadesim.cli.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TrafficSummary;

/**
 * The scalar metrics a sweep keeps of each run, by name, in a stable order: per client and per
 * endpoint the latency percentiles and mean in ms, goodput per second, success rate and request
 * and timeout counts. Names: {@code client.<name>.p99_ms}, {@code endpoint.<service><path>.p99_ms}
 * (the endpoint's space removed, e.g. {@code endpoint.payments/charge.p99_ms}).
 */
public final class RunMetrics {
  private RunMetrics() {}

  /** Extracts the metrics of one run. */
  public static Map<String, Double> of(RunSummary run) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (TrafficSummary t : run.clients()) {
      add(metrics, "client." + t.name(), t, run.measuredNanos());
    }
    for (TrafficSummary t : run.endpoints()) {
      add(metrics, "endpoint." + t.name().replace(" ", ""), t, run.measuredNanos());
    }
    return metrics;
  }

  /** Returns a copy of every client's latency histogram (ns) by client name, in the run's order. */
  public static Map<String, Histogram> clientLatencies(RunSummary run) {
    Map<String, Histogram> latencies = new LinkedHashMap<>();
    for (TrafficSummary t : run.clients()) {
      latencies.put(t.name(), t.latency().copy());
    }
    return latencies;
  }

  private static void add(Map<String, Double> metrics, String prefix, TrafficSummary t, long measuredNanos) {
    Histogram h = t.latency();
    boolean any = h.getTotalCount() > 0;
    metrics.put(prefix + ".p50_ms", any ? h.getValueAtPercentile(50) / 1e6 : Double.NaN);
    metrics.put(prefix + ".p90_ms", any ? h.getValueAtPercentile(90) / 1e6 : Double.NaN);
    metrics.put(prefix + ".p99_ms", any ? h.getValueAtPercentile(99) / 1e6 : Double.NaN);
    metrics.put(prefix + ".p99.9_ms", any ? h.getValueAtPercentile(99.9) / 1e6 : Double.NaN);
    metrics.put(prefix + ".avg_ms", any ? h.getMean() / 1e6 : Double.NaN);
    metrics.put(prefix + ".max_ms", any ? h.getMaxValue() / 1e6 : Double.NaN);
    metrics.put(prefix + ".goodput_per_s", t.goodputPerSecond(measuredNanos));
    metrics.put(prefix + ".success_rate", t.successRateOrNaN());
    metrics.put(prefix + ".requests", (double) t.offered());
    metrics.put(prefix + ".timeouts", (double) t.count(Outcome.TIMEOUT));
  }
}
