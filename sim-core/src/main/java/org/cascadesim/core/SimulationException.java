package org.cascadesim.core;

/**
 * An exception thrown inside an event, wrapped with everything needed to replay it: the seed, the
 * simulated time, the event's sequence number and its type.
 */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long seed;
  private final long timeNanos;
  private final long seq;
  private final String eventType;

  /** Wraps the cause of a failed event. */
  public SimulationException(long seed, long timeNanos, long seq, String eventType, Throwable cause) {
    super("event failed: seed=" + seed + " time=" + timeNanos + "ns seq=" + seq + " event="
        + eventType + ": " + cause, cause);
    this.seed = seed;
    this.timeNanos = timeNanos;
    this.seq = seq;
    this.eventType = eventType;
  }

  /** Returns the master seed of the simulation that failed. */
  public long seed() {
    return seed;
  }

  /** Returns the simulated time of the failed event. */
  public long timeNanos() {
    return timeNanos;
  }

  /** Returns the sequence number of the failed event. */
  public long seq() {
    return seq;
  }

  /** Returns the type of the failed event (see {@link EventTypes}). */
  public String eventType() {
    return eventType;
  }
}
