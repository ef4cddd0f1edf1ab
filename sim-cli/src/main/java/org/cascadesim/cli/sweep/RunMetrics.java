package org.cascadesim.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.load.Client;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.ModelAssembler;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.SystemModel;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.runtime.Endpoint;
import org.cascadesim.models.runtime.Service;
import org.cascadesim.models.scenario.ScenarioSpec;

/**
 * The scalar metrics a sweep keeps of each run, by name, in a stable order: per client and per
 * endpoint the latency percentiles and mean in ms, goodput per second, success rate and request
 * and timeout counts. Names: {@code client.<name>.p99_ms}, {@code endpoint.<service><path>.p99_ms}
 * (the endpoint's space removed, e.g. {@code endpoint.payments/charge.p99_ms}).
 */
public final class RunMetrics {
  private static final List<String> SUFFIXES = List.of(".p50_ms", ".p90_ms", ".p99_ms", ".p99.9_ms", ".avg_ms",
      ".max_ms", ".goodput_per_s", ".success_rate", ".requests", ".timeouts");

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

  /**
   * Returns the names {@link #of} gives the metrics of a run of {@code spec}, in the same order,
   * without running it (the model is assembled, not run), so metric names on the command line can
   * be checked before anything runs.
   */
  public static List<String> names(ScenarioSpec spec) {
    SystemModel model = ModelAssembler.assemble(spec);
    List<String> prefixes = new ArrayList<>();
    for (Client client : model.clients()) {
      prefixes.add("client." + client.name());
    }
    for (Service service : model.services()) {
      for (Endpoint endpoint : service.endpoints()) {
        prefixes.add("endpoint." + endpoint.name().replace(" ", ""));
      }
    }
    List<String> names = new ArrayList<>();
    for (String prefix : prefixes) {
      for (String suffix : SUFFIXES) {
        names.add(prefix + suffix);
      }
    }
    return names;
  }

  /**
   * Returns a one-line description of the metric names {@code names} (as {@link #names} returns
   * them): {@code client.load.*, endpoint.server/work.* with * one of p50_ms, ...}.
   */
  public static String describe(List<String> names) {
    List<String> prefixes = new ArrayList<>();
    for (String name : names) {
      for (String suffix : SUFFIXES) {
        String prefix = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) + ".*" : null;
        if (prefix != null && !prefixes.contains(prefix)) {
          prefixes.add(prefix);
        }
      }
    }
    List<String> stats = new ArrayList<>();
    for (String suffix : SUFFIXES) {
      stats.add(suffix.substring(1));
    }
    return String.join(", ", prefixes) + " with * one of " + String.join(", ", stats);
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
    metrics.put(prefix + ".success_rate", t.successRate());
    metrics.put(prefix + ".requests", (double) t.offered());
    metrics.put(prefix + ".timeouts", (double) t.count(Outcome.TIMEOUT));
  }
}
