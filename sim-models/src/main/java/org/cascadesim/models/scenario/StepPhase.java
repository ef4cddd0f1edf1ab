package org.cascadesim.models.scenario;

/**
 * A constant rate for a while ({@code step: {rate: 20/s, for: 30s}}).
 *
 * @param ratePerSecond the rate during the step (0 is a pause)
 * @param durationNanos how long the step lasts
 */
public record StepPhase(double ratePerSecond, long durationNanos) implements LoadPhase {}
