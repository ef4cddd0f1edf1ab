package org.cascadesim.cli.sweep;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of a metric over replications with its 95% confidence interval from the Student t
 * distribution (n - 1 degrees of freedom), the textbook interval for independent replications
 * (Law, Simulation Modeling and Analysis, section 9.4.1).
 *
 * @param n the number of replications with a value (NaN values are skipped)
 * @param halfWidth the half-width of the 95% interval (NaN when n < 2)
 */
public record Estimate(int n, double mean, double stddev, double halfWidth) {

  /** Computes the estimate of the given values. */
  public static Estimate of(double[] values) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    if (n == 0) {
      return new Estimate(0, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = sum / n;
    if (n == 1) {
      return new Estimate(1, mean, Double.NaN, Double.NaN);
    }
    double ss = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double stddev = Math.sqrt(ss / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    return new Estimate(n, mean, stddev, t * stddev / Math.sqrt(n));
  }

  /**
   * Computes the estimate from running moments: {@code n} values with mean {@code mean} and sum
   * of squared deviations {@code m2} (Welford), as {@link SweepResult} keeps them.
   */
  public static Estimate of(long n, double mean, double m2) {
    if (n == 0) {
      return new Estimate(0, Double.NaN, Double.NaN, Double.NaN);
    }
    if (n == 1) {
      return new Estimate(1, mean, Double.NaN, Double.NaN);
    }
    double stddev = Math.sqrt(m2 / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
    return new Estimate((int) n, mean, stddev, t * stddev / Math.sqrt(n));
  }

  /** Returns the lower bound of the 95% interval. */
  public double low() {
    return mean - halfWidth;
  }

  /** Returns the upper bound of the 95% interval. */
  public double high() {
    return mean + halfWidth;
  }

  /** Returns whether {@code value} lies inside the 95% interval. */
  public boolean covers(double value) {
    return value >= low() && value <= high();
  }
}
