package org.cascadesim.core;

/**
 * The settings a {@link Simulation} is created with: the master seed, the runaway guard and the
 * width of the fixed windows of simulated time that time series are aggregated into.
 *
 * @param seed the master seed every named random stream is derived from
 * @param maxEvents the maximum number of events a simulation may execute; hitting it stops the
 *     run with {@link StopReason#EVENT_LIMIT}
 * @param windowNanos the width of one time-series window (default one second)
 */
public record SimulationConfig(long seed, long maxEvents, long windowNanos) {

  /** The default runaway guard: one hundred million events. */
  public static final long DEFAULT_MAX_EVENTS = 100_000_000L;

  /** The default time-series window: one second of simulated time. */
  public static final long DEFAULT_WINDOW_NANOS = 1_000_000_000L;

  /** Validates the settings. */
  public SimulationConfig {
    if (maxEvents <= 0) {
      throw new IllegalArgumentException("maxEvents must be > 0 (was " + maxEvents + ")");
    }
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("windowNanos must be > 0 (was " + windowNanos + ")");
    }
  }

  /** Returns the default settings with the given seed. */
  public static SimulationConfig withSeed(long seed) {
    return new SimulationConfig(seed, DEFAULT_MAX_EVENTS, DEFAULT_WINDOW_NANOS);
  }

  /** Returns a copy with another event limit. */
  public SimulationConfig withMaxEvents(long newMaxEvents) {
    return new SimulationConfig(seed, newMaxEvents, windowNanos);
  }

  /** Returns a copy with another time-series window. */
  public SimulationConfig withWindowNanos(long newWindowNanos) {
    return new SimulationConfig(seed, maxEvents, newWindowNanos);
  }
}
