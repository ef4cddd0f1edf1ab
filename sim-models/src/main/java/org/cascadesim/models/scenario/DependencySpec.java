package org.cascadesim.models.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A leaf dependency (database, provider API): its capacity and latency, its baseline error rate,
 * and the faults injected into it.
 *
 * @param capacity unbounded with a latency, or bounded with a service time and a queue
 * @param errorRate the fraction of calls that fail, in [0, 1]
 * @param faults fault windows in file order
 * @param sideEffect the kind of side effect a successful call has ({@code charge}), counted per
 *     idempotency key, or null for none
 * @param latencyPerInFlightNanos latency added per call already in service when a call starts
 *     ({@code latencyPerInFlight}, Brooker's congestive-collapse server), 0 for none
 * @param shedExpired whether queued calls whose caller's deadline has passed are dropped instead
 *     of served ({@code shedExpired}; only with a bounded capacity)
 */
public record DependencySpec(CapacitySpec capacity, double errorRate, List<FaultSpec> faults, String sideEffect,
    long latencyPerInFlightNanos, boolean shedExpired) {
  /** Copies the faults so the record is immutable. */
  public DependencySpec {
    Objects.requireNonNull(capacity, "capacity");
    faults = Specs.copy(faults, "faults");
  }

  /** A dependency without congestion options. */
  public DependencySpec(CapacitySpec capacity, double errorRate, List<FaultSpec> faults, String sideEffect) {
    this(capacity, errorRate, faults, sideEffect, 0, false);
  }

  /** A dependency without side effects. */
  public DependencySpec(CapacitySpec capacity, double errorRate, List<FaultSpec> faults) {
    this(capacity, errorRate, faults, null);
  }
}
