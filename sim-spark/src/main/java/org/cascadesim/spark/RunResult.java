package org.cascadesim.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one run, keyed by its run id, as returned from an executor: the names in
 * {@link org.cascadesim.cli.sweep.RunMetrics} order and the exact doubles (Java serialization
 * keeps every bit), so the driver writes the same rows as a local sweep.
 *
 * @param run the run id of the plan
 * @param metrics the metrics by name, in their stable order
 */
public record RunResult(int run, Map<String, Double> metrics) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies the metrics into an insertion-ordered, serializable map. */
  public RunResult {
    metrics = new LinkedHashMap<>(metrics);
  }
}
