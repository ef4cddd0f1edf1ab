package org.cascadesim.models.scenario;

/**
 * Always the same duration ({@code 3ms} or {@code {dist: constant, value: 3ms}}).
 *
 * @param valueNanos the duration
 */
public record ConstantDist(long valueNanos) implements DistributionSpec {}
