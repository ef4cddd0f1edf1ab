package org.cascadesim.models.retry;

import java.util.Locale;

/**
 * How long a retrying caller sleeps before retry number {@code n} (1 for the first retry): a pure
 * function of the retry number, the previous sleep and one uniform draw, with the formulas of
 * Brooker's "Exponential Backoff And Jitter" (AWS Architecture Blog 2015, identical to {@code
 * aws-samples/aws-arch-backoff-simulator src/backoff_simulator.py}) and resilience4j's {@code
 * IntervalFunction.ofExponentialRandomBackoff}.
 *
 * @param kind the formula
 * @param baseNanos the base (AWS {@code base}; resilience4j {@code initialInterval}; the constant
 *     sleep of {@link Kind#CONSTANT})
 * @param capNanos the largest sleep (AWS {@code cap}; resilience4j {@code maxInterval})
 * @param multiplier the growth factor per retry (2 in the AWS formulas; 1.5 is resilience4j's default)
 * @param randomizationFactor resilience4j's {@code randomizationFactor} f: the sleep is drawn
 *     around the exponential value within ±f of it
 */
public record Backoff(Kind kind, long baseNanos, long capNanos, double multiplier, double randomizationFactor) {

  /** One millisecond: resilience4j's floor on a randomized interval. */
  public static final long ONE_MILLI_NANOS = 1_000_000L;

  /** The backoff formulas; {@code n} is the retry number (1 for the first retry). */
  public enum Kind {
    /** Retry at once: 0. */
    NONE,
    /** Always {@code base}. */
    CONSTANT,
    /** {@code expo(n) = min(cap, base * multiplier^n)}. */
    EXPONENTIAL,
    /** {@code U(0, expo(n))}. */
    FULL_JITTER,
    /** {@code expo(n)/2 + U(0, expo(n)/2)}. */
    EQUAL_JITTER,
    /** {@code min(cap, U(base, 3 * previousSleep))}, with the previous sleep of the first retry = base. */
    DECORRELATED_JITTER,
    /**
     * resilience4j: {@code i = min(cap, base * multiplier^(n-1))}, then {@code max(1ms, i(1-f) +
     * U * (2 i f + 1ms))}, capped at {@code cap}.
     */
    RANDOMIZED_EXPONENTIAL;

    /** Returns the scenario spelling ({@code full-jitter}). */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns whether the formula draws a random number. */
    public boolean isRandom() {
      return this == FULL_JITTER || this == EQUAL_JITTER || this == DECORRELATED_JITTER
          || this == RANDOMIZED_EXPONENTIAL;
    }
  }

  /** Checks the parameters. */
  public Backoff {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (baseNanos < 0 || capNanos < 0) {
      throw new IllegalArgumentException("base and cap must be 0 or more");
    }
    if (!(multiplier >= 1) || !Double.isFinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be at least 1 (was " + multiplier + ")");
    }
    if (!(randomizationFactor >= 0 && randomizationFactor <= 1)) {
      throw new IllegalArgumentException("randomizationFactor must be in [0, 1] (was " + randomizationFactor + ")");
    }
  }

  /** The AWS blog's formulas: multiplier 2, no randomization factor. */
  public static Backoff aws(Kind kind, long baseNanos, long capNanos) {
    return new Backoff(kind, baseNanos, capNanos, 2.0, 0.0);
  }

  /**
   * Returns the sleep before retry {@code retry}.
   *
   * @param retry the retry number, 1 for the first retry (the AWS simulator's {@code attempt})
   * @param previousSleepNanos the sleep before the previous retry, or 0 before the first retry
   *     (only {@link Kind#DECORRELATED_JITTER} uses it)
   * @param uniform a uniform draw in [0, 1) (ignored by the deterministic kinds)
   */
  public long sleepNanos(int retry, long previousSleepNanos, double uniform) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry numbers start at 1 (was " + retry + ")");
    }
    switch (kind) {
      case NONE:
        return 0;
      case CONSTANT:
        return baseNanos;
      case EXPONENTIAL:
        return expo(retry);
      case FULL_JITTER:
        return between(0, expo(retry), uniform);
      case EQUAL_JITTER: {
        double v = expo(retry);
        return Math.round(v / 2 + uniform * (v / 2));
      }
      case DECORRELATED_JITTER: {
        long previous = previousSleepNanos <= 0 ? baseNanos : previousSleepNanos;
        return Math.min(capNanos, between(baseNanos, 3.0 * previous, uniform));
      }
      default: {
        double interval = Math.min(capNanos, baseNanos * StrictMath.pow(multiplier, retry - 1));
        double delta = randomizationFactor * interval;
        double low = interval - delta;
        double high = interval + delta;
        double value = Math.max(ONE_MILLI_NANOS, low + uniform * (high - low + ONE_MILLI_NANOS));
        return Math.min(capNanos, Math.round(value));
      }
    }
  }

  /** {@code min(cap, base * multiplier^retry)} without overflow. */
  long expo(int retry) {
    double v = baseNanos * StrictMath.pow(multiplier, retry);
    return v >= capNanos ? capNanos : Math.round(v);
  }

  private static long between(double low, double high, double uniform) {
    return Math.round(low + uniform * (high - low));
  }
}
