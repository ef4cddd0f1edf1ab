package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * During the window, calls take this latency (or service time) instead of the normal one.
 *
 * @param fromNanos when the fault starts
 * @param toNanos when the fault ends
 * @param latency the latency during the fault
 */
public record LatencyFault(long fromNanos, long toNanos, DistributionSpec latency)
    implements FaultSpec {
  /** Checks the latency is present. */
  public LatencyFault {
    Objects.requireNonNull(latency, "latency");
  }
}
