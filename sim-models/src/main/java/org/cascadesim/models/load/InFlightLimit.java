package org.cascadesim.models.load;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.StopReason;

/**
 * The runaway guard on requests in flight across all clients: a retry storm with millions in
 * flight stops the run cleanly at this limit, with a message naming it, and keeps what was
 * measured.
 */
public final class InFlightLimit {
  private final long max;
  private long inFlight;

  /** Creates a guard that stops the run when more than {@code max} requests are in flight. */
  public InFlightLimit(long max) {
    this.max = max;
  }

  /** Counts a request entering; stops the simulation when the limit is passed. */
  public void enter(Simulation sim) {
    if (++inFlight > max) {
      sim.stop(StopReason.STOPPED, "more than " + max + " requests in flight at t="
          + sim.nowNanos() / 1_000_000 + "ms (limits.maxInFlight); the system is not keeping up");
    }
  }

  /** Counts a request leaving. */
  public void leave() {
    inFlight--;
  }

  /** Returns the number of requests in flight. */
  public long inFlight() {
    return inFlight;
  }
}
