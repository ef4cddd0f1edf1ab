package org.cascadesim.models.scenario;

/**
 * Log-normal given by its median and 99th percentile, the way latency is usually measured
 * ({@code {dist: lognormal, median: 120ms, p99: 600ms}}).
 *
 * @param medianNanos the median (50th percentile)
 * @param p99Nanos the 99th percentile, above the median
 */
public record LogNormalDist(long medianNanos, long p99Nanos) implements DistributionSpec {
  /** The standard normal quantile at 0.99, used to turn p99 into sigma. */
  public static final double Z99 = 2.3263478740408408;

  /** The mean of ln(seconds). */
  public double mu() {
    return StrictMath.log(medianNanos / 1e9);
  }

  /** The standard deviation of ln(seconds). */
  public double sigma() {
    return StrictMath.log((double) p99Nanos / (double) medianNanos) / Z99;
  }
}
