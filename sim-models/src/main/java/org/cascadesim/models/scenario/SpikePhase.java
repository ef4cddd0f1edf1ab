package org.cascadesim.models.scenario;

/**
 * A burst at an absolute time that replaces the profile's rate inside its window
 * ({@code spike: {rate: 200/s, at: 60s, for: 5s}}).
 *
 * @param ratePerSecond the rate during the spike
 * @param atNanos when the spike starts, from the start of the run
 * @param durationNanos how long the spike lasts
 */
public record SpikePhase(double ratePerSecond, long atNanos, long durationNanos)
    implements LoadPhase {}
