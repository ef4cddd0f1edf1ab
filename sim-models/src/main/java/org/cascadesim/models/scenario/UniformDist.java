package org.cascadesim.models.scenario;

/**
 * Uniform between two durations ({@code {dist: uniform, min: 1ms, max: 5ms}}).
 *
 * @param minNanos the smallest value
 * @param maxNanos the largest value
 */
public record UniformDist(long minNanos, long maxNanos) implements DistributionSpec {}
