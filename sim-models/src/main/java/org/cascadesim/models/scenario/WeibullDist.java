package org.cascadesim.models.scenario;

/**
 * Weibull with a scale and shape ({@code {dist: weibull, scale: 10ms, shape: 0.8}}).
 *
 * @param scaleNanos the scale
 * @param shape the shape (below 1 is heavy-tailed, 1 is exponential)
 */
public record WeibullDist(long scaleNanos, double shape) implements DistributionSpec {}
