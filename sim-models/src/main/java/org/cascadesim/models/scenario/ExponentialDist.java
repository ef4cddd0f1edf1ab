package org.cascadesim.models.scenario;

/**
 * Exponential with a mean ({@code {dist: exponential, mean: 3ms}}), the memoryless service time
 * of queueing theory.
 *
 * @param meanNanos the mean
 */
public record ExponentialDist(long meanNanos) implements DistributionSpec {}
