package org.cascadesim.models.breaker;

/**
 * The settings of a resilience4j CircuitBreaker and of the TimeLimiter and semaphore Bulkhead
 * decorated inside it, with resilience4j's defaults ({@code CircuitBreakerConfig}, {@code
 * TimeLimiterConfig}, {@code BulkheadConfig}; mechanisms.md sections b.1 and b.3).
 *
 * @param failureRateThreshold opens when the failure rate is at or above it (percent)
 * @param slowCallRateThreshold opens when the slow-call rate is at or above it (percent)
 * @param slowCallDurationThresholdNanos a call is slow when it took strictly longer
 * @param timeBased TIME_BASED window (seconds) instead of COUNT_BASED (calls)
 * @param slidingWindowSize calls or seconds
 * @param minimumNumberOfCalls recorded calls needed before the rates count
 * @param waitDurationInOpenStateNanos the (first) wait in the open state
 * @param openStateBackoffMultiplier 1 for a fixed wait; above 1 the n-th consecutive opening waits
 *     {@code wait * multiplier^(n-1)} ({@code IntervalFunction.ofExponentialBackoff})
 * @param maxWaitDurationInOpenStateNanos the cap of the exponential wait
 * @param permittedNumberOfCallsInHalfOpenState trial calls in the half-open state
 * @param maxWaitDurationInHalfOpenStateNanos 0 waits forever; otherwise the half-open state moves
 *     to open after this long
 * @param automaticTransitionFromOpenToHalfOpenEnabled a timer moves open to half-open; otherwise
 *     the first call after the wait does
 * @param timeLimiterNanos the TimeLimiter's {@code timeoutDuration}, or 0 for no TimeLimiter
 * @param bulkheadMaxConcurrentCalls the semaphore Bulkhead's size, or -1 for no Bulkhead
 * @param bulkheadMaxWaitNanos how long a call waits (FIFO) for a Bulkhead permit
 * @param stuckHalfOpenAfterNanos simulator only: how long a half-open trial may hang, with no
 *     permit left, before the breaker is reported stuck
 */
public record Resilience4jConfig(
    float failureRateThreshold,
    float slowCallRateThreshold,
    long slowCallDurationThresholdNanos,
    boolean timeBased,
    int slidingWindowSize,
    int minimumNumberOfCalls,
    long waitDurationInOpenStateNanos,
    double openStateBackoffMultiplier,
    long maxWaitDurationInOpenStateNanos,
    int permittedNumberOfCallsInHalfOpenState,
    long maxWaitDurationInHalfOpenStateNanos,
    boolean automaticTransitionFromOpenToHalfOpenEnabled,
    long timeLimiterNanos,
    int bulkheadMaxConcurrentCalls,
    long bulkheadMaxWaitNanos,
    long stuckHalfOpenAfterNanos) {

  /** No Bulkhead. */
  public static final int NO_BULKHEAD = -1;

  private static final long S = 1_000_000_000L;

  /**
   * resilience4j's CircuitBreaker defaults (50 %, 100 %, 60 s, COUNT_BASED 100, 100 calls, 60 s
   * fixed, 10 trials, wait forever half-open, lazy), with neither TimeLimiter nor Bulkhead.
   */
  public static Resilience4jConfig defaults() {
    return new Resilience4jConfig(50f, 100f, 60 * S, false, 100, 100, 60 * S, 1.0, Long.MAX_VALUE, 10, 0,
        false, 0, NO_BULKHEAD, 0, 60 * S);
  }

  /** Returns the wait in the open state after the {@code attempts}-th consecutive opening (from 1). */
  public long waitInOpenStateNanos(int attempts) {
    if (openStateBackoffMultiplier == 1.0) {
      return waitDurationInOpenStateNanos;
    }
    double wait = waitDurationInOpenStateNanos * StrictMath.pow(openStateBackoffMultiplier, attempts - 1);
    return wait >= maxWaitDurationInOpenStateNanos ? maxWaitDurationInOpenStateNanos : (long) wait;
  }

  /** Returns a copy with another window. */
  public Resilience4jConfig withWindow(boolean timeBasedWindow, int size, int minimumCalls) {
    return new Resilience4jConfig(failureRateThreshold, slowCallRateThreshold, slowCallDurationThresholdNanos,
        timeBasedWindow, size, minimumCalls, waitDurationInOpenStateNanos, openStateBackoffMultiplier,
        maxWaitDurationInOpenStateNanos, permittedNumberOfCallsInHalfOpenState, maxWaitDurationInHalfOpenStateNanos,
        automaticTransitionFromOpenToHalfOpenEnabled, timeLimiterNanos, bulkheadMaxConcurrentCalls,
        bulkheadMaxWaitNanos, stuckHalfOpenAfterNanos);
  }

  /** Returns a copy with other thresholds. */
  public Resilience4jConfig withThresholds(float failureRate, float slowCallRate, long slowCallDurationNanos) {
    return new Resilience4jConfig(failureRate, slowCallRate, slowCallDurationNanos, timeBased, slidingWindowSize,
        minimumNumberOfCalls, waitDurationInOpenStateNanos, openStateBackoffMultiplier,
        maxWaitDurationInOpenStateNanos, permittedNumberOfCallsInHalfOpenState, maxWaitDurationInHalfOpenStateNanos,
        automaticTransitionFromOpenToHalfOpenEnabled, timeLimiterNanos, bulkheadMaxConcurrentCalls,
        bulkheadMaxWaitNanos, stuckHalfOpenAfterNanos);
  }

  /** Returns a copy with another open-state wait (multiplier 1 = fixed) and transition mode. */
  public Resilience4jConfig withOpenState(long waitNanos, double multiplier, long maxWaitNanos, boolean automatic) {
    return new Resilience4jConfig(failureRateThreshold, slowCallRateThreshold, slowCallDurationThresholdNanos,
        timeBased, slidingWindowSize, minimumNumberOfCalls, waitNanos, multiplier, maxWaitNanos,
        permittedNumberOfCallsInHalfOpenState, maxWaitDurationInHalfOpenStateNanos, automatic, timeLimiterNanos,
        bulkheadMaxConcurrentCalls, bulkheadMaxWaitNanos, waitNanos);
  }

  /** Returns a copy with another half-open state. */
  public Resilience4jConfig withHalfOpenState(int permittedCalls, long maxWaitNanos) {
    return new Resilience4jConfig(failureRateThreshold, slowCallRateThreshold, slowCallDurationThresholdNanos,
        timeBased, slidingWindowSize, minimumNumberOfCalls, waitDurationInOpenStateNanos, openStateBackoffMultiplier,
        maxWaitDurationInOpenStateNanos, permittedCalls, maxWaitNanos, automaticTransitionFromOpenToHalfOpenEnabled,
        timeLimiterNanos, bulkheadMaxConcurrentCalls, bulkheadMaxWaitNanos, stuckHalfOpenAfterNanos);
  }

  /** Returns a copy with a TimeLimiter (0 = none) and a Bulkhead ({@link #NO_BULKHEAD} = none). */
  public Resilience4jConfig withGuards(long timeLimiter, int bulkheadCalls, long bulkheadWaitNanos) {
    return new Resilience4jConfig(failureRateThreshold, slowCallRateThreshold, slowCallDurationThresholdNanos,
        timeBased, slidingWindowSize, minimumNumberOfCalls, waitDurationInOpenStateNanos, openStateBackoffMultiplier,
        maxWaitDurationInOpenStateNanos, permittedNumberOfCallsInHalfOpenState, maxWaitDurationInHalfOpenStateNanos,
        automaticTransitionFromOpenToHalfOpenEnabled, timeLimiter, bulkheadCalls, bulkheadWaitNanos,
        stuckHalfOpenAfterNanos);
  }
}
