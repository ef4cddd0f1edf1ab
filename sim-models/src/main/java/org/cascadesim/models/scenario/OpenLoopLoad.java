package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * Open-loop load: requests arrive on a schedule whether or not earlier ones were answered, so
 * queueing delay shows up in latency instead of slowing the load down.
 *
 * @param arrivals the arrival process
 */
public record OpenLoopLoad(ArrivalSpec arrivals) implements LoadSpec {
  /** Checks the arrival process is present. */
  public OpenLoopLoad {
    Objects.requireNonNull(arrivals, "arrivals");
  }
}
