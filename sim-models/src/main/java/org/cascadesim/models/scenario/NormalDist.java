package org.cascadesim.models.scenario;

/**
 * Normal with a mean and standard deviation, negative draws clamped to 0
 * ({@code {dist: normal, mean: 10ms, stddev: 2ms}}).
 *
 * @param meanNanos the mean
 * @param stddevNanos the standard deviation
 */
public record NormalDist(long meanNanos, long stddevNanos) implements DistributionSpec {}
