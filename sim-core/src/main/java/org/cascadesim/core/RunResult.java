package org.cascadesim.core;

/**
 * How a run ended: the reason, the simulated time it ended at, the events executed so far and a
 * human-readable detail that names the limit when one was hit.
 */
public record RunResult(StopReason reason, long timeNanos, long eventsExecuted, String detail) {

  /** Returns whether the run ended because a limit was hit rather than by reaching its end. */
  public boolean hitLimit() {
    return reason == StopReason.EVENT_LIMIT || reason == StopReason.STOPPED;
  }
}
