package org.cascadesim.models.scenario;

/**
 * Pareto (type I), a heavy tail that starts at its scale
 * ({@code {dist: pareto, scale: 2ms, shape: 1.5}}).
 *
 * @param scaleNanos the smallest value
 * @param shape the tail index (smaller is heavier)
 */
public record ParetoDist(long scaleNanos, double shape) implements DistributionSpec {}
