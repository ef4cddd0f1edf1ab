package org.cascadesim.models.scenario;

/**
 * A fault injected into a dependency during a window {@code [from, to)} of simulated time,
 * selected in a scenario by its effect key ({@code latency}, {@code errorRate}, {@code mode}).
 */
public sealed interface FaultSpec permits LatencyFault, ErrorRateFault, HangFault {
  /** When the fault starts, from the start of the run. */
  long fromNanos();

  /** When the fault ends, from the start of the run. */
  long toNanos();
}
