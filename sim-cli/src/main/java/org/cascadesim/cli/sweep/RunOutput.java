package org.cascadesim.cli.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.run.RunSummary;

/**
 * What a sweep keeps of one run, whoever ran it (a local worker thread or a Spark executor): its
 * scalar metrics and its clients' latency histograms in ns, both in the run's stable order, which
 * {@link SweepFolder} writes.
 *
 * @param metrics the metrics by name, in {@link RunMetrics} order
 * @param latencies every client's latency histogram (ns) by client name, in the run's order
 */
public record RunOutput(Map<String, Double> metrics, Map<String, Histogram> latencies) {

  /** Copies both maps, keeping their order. */
  public RunOutput {
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    latencies = Collections.unmodifiableMap(new LinkedHashMap<>(latencies));
  }

  /** Extracts the output of a finished run. */
  public static RunOutput of(RunSummary run) {
    return new RunOutput(RunMetrics.of(run), RunMetrics.clientLatencies(run));
  }
}
