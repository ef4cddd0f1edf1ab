package org.cascadesim.core.random;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * A probability distribution of non-negative values (durations in nanoseconds, in practice),
 * sampled by inversion or a documented transform from a {@link RandomStream}.
 *
 * <p>Every sampler uses {@link StrictMath}, so the same stream gives bit-identical samples on every
 * JDK and CPU. {@link #sampleNanos} rounds to whole nanoseconds and clamps below at zero (a normal
 * distribution can draw negative values; a duration cannot be negative).
 */
public sealed interface Distribution
    permits Distribution.Constant,
        Distribution.Uniform,
        Distribution.Exponential,
        Distribution.Normal,
        Distribution.LogNormal,
        Distribution.Pareto,
        Distribution.Weibull,
        Distribution.Empirical {

  /** The standard normal quantile at 0.99, used to fit a lognormal to a median and a p99. */
  double Z_99 = 2.3263478740408408;

  /** Draws one value. */
  double sample(RandomStream random);

  /** Returns the distribution's mean (infinite where it does not exist). */
  double mean();

  /** Draws one value rounded to whole nanoseconds, clamped to [0, Long.MAX_VALUE]. */
  default long sampleNanos(RandomStream random) {
    double value = sample(random);
    if (!(value > 0)) {
      return 0;
    }
    return value >= 9.2e18 ? Long.MAX_VALUE : Math.round(value);
  }

  /** Always the same value. */
  record Constant(double value) implements Distribution {
    public Constant {
      requireNonNegative("value", value);
    }

    @Override
    public double sample(RandomStream random) {
      return value;
    }

    @Override
    public double mean() {
      return value;
    }
  }

  /** Uniform on [min, max). */
  record Uniform(double min, double max) implements Distribution {
    public Uniform {
      requireNonNegative("min", min);
      if (!(max >= min)) {
        throw new IllegalArgumentException("max must be >= min (was " + min + ", " + max + ")");
      }
    }

    @Override
    public double sample(RandomStream random) {
      return min + (max - min) * random.nextDouble();
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }
  }

  /** Exponential with the given mean, by inversion: {@code -mean * ln(U)}, U in (0, 1]. */
  record Exponential(double mean) implements Distribution {
    public Exponential {
      requirePositive("mean", mean);
    }

    @Override
    public double sample(RandomStream random) {
      return -mean * StrictMath.log(random.nextDoubleOpenAtZero());
    }
  }

  /** Normal (Box-Muller, two uniforms per draw, no cached pair); negative draws clamp to 0 as durations. */
  record Normal(double mean, double stddev) implements Distribution {
    public Normal {
      requireNonNegative("stddev", stddev);
    }

    @Override
    public double sample(RandomStream random) {
      return mean + stddev * standardNormal(random);
    }
  }

  /**
   * Lognormal: {@code exp(mu + sigma * Z)}, where mu and sigma are the mean and standard deviation
   * of the logarithm of the value (in the value's own unit, nanoseconds for durations).
   */
  record LogNormal(double mu, double sigma) implements Distribution {
    public LogNormal {
      requireNonNegative("sigma", sigma);
      if (!Double.isFinite(mu)) {
        throw new IllegalArgumentException("mu must be finite (was " + mu + ")");
      }
    }

    /** Fits a lognormal to a median and a 99th percentile: mu = ln(median), sigma = ln(p99/median)/z99. */
    public static LogNormal ofMedianAndP99(double median, double p99) {
      requirePositive("median", median);
      if (!(p99 >= median)) {
        throw new IllegalArgumentException("p99 must be >= median (was " + p99 + " < " + median + ")");
      }
      double mu = StrictMath.log(median);
      return new LogNormal(mu, (StrictMath.log(p99) - mu) / Z_99);
    }

    @Override
    public double sample(RandomStream random) {
      return StrictMath.exp(mu + sigma * standardNormal(random));
    }

    @Override
    public double mean() {
      return StrictMath.exp(mu + sigma * sigma / 2);
    }

    /** Returns the median, {@code exp(mu)}. */
    public double median() {
      return StrictMath.exp(mu);
    }
  }

  /** Pareto (type I) with minimum {@code scale} and tail index {@code shape}: scale / U^(1/shape). */
  record Pareto(double scale, double shape) implements Distribution {
    public Pareto {
      requirePositive("scale", scale);
      requirePositive("shape", shape);
    }

    @Override
    public double sample(RandomStream random) {
      return scale / StrictMath.pow(random.nextDoubleOpenAtZero(), 1.0 / shape);
    }

    @Override
    public double mean() {
      return shape > 1 ? shape * scale / (shape - 1) : Double.POSITIVE_INFINITY;
    }
  }

  /** Weibull with the given scale and shape: scale * (-ln U)^(1/shape). */
  record Weibull(double scale, double shape) implements Distribution {
    public Weibull {
      requirePositive("scale", scale);
      requirePositive("shape", shape);
    }

    @Override
    public double sample(RandomStream random) {
      return scale * StrictMath.pow(-StrictMath.log(random.nextDoubleOpenAtZero()), 1.0 / shape);
    }

    @Override
    public double mean() {
      return scale * Gamma.gamma(1 + 1 / shape);
    }
  }

  /**
   * An empirical distribution given by a percentile table, sampled by linear interpolation of the
   * inverse CDF between the given points (the usual way to replay a measured latency histogram).
   * Below the first listed probability the first value is drawn, above the last the last value.
   *
   * @param probabilities strictly increasing, in [0, 1]
   * @param values non-decreasing, one per probability
   */
  record Empirical(double[] probabilities, double[] values) implements Distribution {
    public Empirical {
      if (probabilities.length == 0 || probabilities.length != values.length) {
        throw new IllegalArgumentException("need one value per probability, at least one");
      }
      probabilities = probabilities.clone();
      values = values.clone();
      for (int i = 0; i < probabilities.length; i++) {
        if (!(probabilities[i] >= 0 && probabilities[i] <= 1)) {
          throw new IllegalArgumentException("probabilities must lie in [0, 1]");
        }
        requireNonNegative("value", values[i]);
        if (i > 0 && !(probabilities[i] > probabilities[i - 1])) {
          throw new IllegalArgumentException("probabilities must be strictly increasing");
        }
        if (i > 0 && values[i] < values[i - 1]) {
          throw new IllegalArgumentException("values must be non-decreasing");
        }
      }
    }

    @Override
    public double sample(RandomStream random) {
      return quantile(random.nextDouble());
    }

    /** Returns the interpolated value at probability {@code p}. */
    public double quantile(double p) {
      double[] ps = probabilities;
      if (p <= ps[0]) {
        return values[0];
      }
      int last = ps.length - 1;
      if (p >= ps[last]) {
        return values[last];
      }
      int i = Arrays.binarySearch(ps, p);
      if (i >= 0) {
        return values[i];
      }
      int hi = -i - 1;
      int lo = hi - 1;
      double f = (p - ps[lo]) / (ps[hi] - ps[lo]);
      return values[lo] + f * (values[hi] - values[lo]);
    }

    @Override
    public double mean() {
      double[] ps = probabilities;
      int last = ps.length - 1;
      double total = values[0] * ps[0] + values[last] * (1 - ps[last]);
      for (int i = 1; i <= last; i++) {
        total += (ps[i] - ps[i - 1]) * (values[i] + values[i - 1]) / 2;
      }
      return total;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Empirical e
          && Arrays.equals(probabilities, e.probabilities)
          && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(probabilities) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Empirical[probabilities=" + Arrays.toString(probabilities) + ", values="
          + Arrays.toString(values) + "]";
    }
  }

  /** Draws a standard normal by the Box-Muller transform from two uniforms. */
  static double standardNormal(RandomStream random) {
    double u1 = random.nextDoubleOpenAtZero();
    double u2 = random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be > 0 and finite (was " + value + ")");
    }
  }

  private static void requireNonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite (was " + value + ")");
    }
  }
}
