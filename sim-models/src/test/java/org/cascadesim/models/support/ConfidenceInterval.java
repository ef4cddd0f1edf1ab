package org.cascadesim.models.support;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * (Copied from sim-core's test support, which test jars do not share.)
 *
 * A two-sided Student-t confidence interval for a mean, built from independent (or nearly
 * independent) observations of it: batch means of one long run, or the results of independent
 * replications (Law, "Simulation Modeling and Analysis", 5th ed., sections 9.4.3 and 9.5.3).
 *
 * @param mean the grand mean of the observations
 * @param halfWidth t(1 - (1 - confidence) / 2; n - 1) * s / sqrt(n)
 * @param confidence the nominal coverage, for example 0.95
 * @param observations the number of batches or replications
 */
public record ConfidenceInterval(double mean, double halfWidth, double confidence, int observations) {

  /** Builds the interval from batch means or replication results (at least two). */
  public static ConfidenceInterval of(double[] observations, double confidence) {
    int n = observations.length;
    if (n < 2) {
      throw new IllegalArgumentException("need at least two observations (was " + n + ")");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must lie in (0, 1) (was " + confidence + ")");
    }
    double sum = 0;
    for (double x : observations) {
      sum += x;
    }
    double mean = sum / n;
    double squares = 0;
    for (double x : observations) {
      squares += (x - mean) * (x - mean);
    }
    double stddev = Math.sqrt(squares / (n - 1));
    // The null generator: the distribution is only used for its quantile function, never sampled.
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    return new ConfidenceInterval(mean, t * stddev / Math.sqrt(n), confidence, n);
  }

  /** Returns the lower bound. */
  public double lower() {
    return mean - halfWidth;
  }

  /** Returns the upper bound. */
  public double upper() {
    return mean + halfWidth;
  }

  /** Returns whether the value lies inside the closed interval. */
  public boolean contains(double value) {
    return value >= lower() && value <= upper();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.6g ± %.3g (%.0f%% CI over %d observations: [%.6g, %.6g])",
        mean, halfWidth, confidence * 100, observations, lower(), upper());
  }
}
