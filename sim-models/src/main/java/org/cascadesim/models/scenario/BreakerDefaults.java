package org.cascadesim.models.scenario;

/**
 * The defaults of every breaker key, the libraries' own: opossum's constructor ({@code
 * lib/circuit.js}) and resilience4j's {@code CircuitBreakerConfig}, {@code TimeLimiterConfig},
 * {@code BulkheadConfig} (mechanisms.md a.1, b.1, b.3).
 */
public final class BreakerDefaults {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  /** The stuck-half-open threshold value meaning "the breaker's own open wait". */
  public static final long STUCK_DEFAULT = -1L;

  /** opossum {@code timeout}: 10 s (false or 0 disables it). */
  public static final long OPOSSUM_TIMEOUT_NANOS = 10_000 * MS;
  /** opossum {@code errorThresholdPercentage}. */
  public static final double OPOSSUM_ERROR_THRESHOLD_PERCENTAGE = 50;
  /** opossum {@code resetTimeout}. */
  public static final long OPOSSUM_RESET_TIMEOUT_NANOS = 30_000 * MS;
  /** opossum {@code rollingCountTimeout}. */
  public static final long OPOSSUM_ROLLING_COUNT_TIMEOUT_NANOS = 10_000 * MS;
  /** opossum {@code rollingCountBuckets}. */
  public static final int OPOSSUM_ROLLING_COUNT_BUCKETS = 10;
  /** opossum {@code volumeThreshold}. */
  public static final int OPOSSUM_VOLUME_THRESHOLD = 0;
  /** opossum {@code allowWarmUp}. */
  public static final boolean OPOSSUM_ALLOW_WARM_UP = false;

  /** resilience4j {@code failureRateThreshold}. */
  public static final double R4J_FAILURE_RATE_THRESHOLD = 50;
  /** resilience4j {@code slowCallRateThreshold}. */
  public static final double R4J_SLOW_CALL_RATE_THRESHOLD = 100;
  /** resilience4j {@code slowCallDurationThreshold}. */
  public static final long R4J_SLOW_CALL_DURATION_THRESHOLD_NANOS = 60 * S;
  /** resilience4j {@code slidingWindowSize}. */
  public static final int R4J_SLIDING_WINDOW_SIZE = 100;
  /** resilience4j {@code minimumNumberOfCalls}. */
  public static final int R4J_MINIMUM_NUMBER_OF_CALLS = 100;
  /** resilience4j {@code waitDurationInOpenState}. */
  public static final long R4J_WAIT_DURATION_IN_OPEN_STATE_NANOS = 60 * S;
  /** resilience4j {@code exponentialBackoffMultiplier} when exponential backoff is enabled. */
  public static final double R4J_EXPONENTIAL_BACKOFF_MULTIPLIER = 1.5;
  /** resilience4j {@code permittedNumberOfCallsInHalfOpenState}. */
  public static final int R4J_PERMITTED_CALLS_IN_HALF_OPEN_STATE = 10;
  /** resilience4j {@code maxWaitDurationInHalfOpenState}: 0 waits forever. */
  public static final long R4J_MAX_WAIT_IN_HALF_OPEN_STATE_NANOS = 0;
  /** resilience4j TimeLimiter {@code timeoutDuration}. */
  public static final long R4J_TIME_LIMITER_TIMEOUT_NANOS = 1 * S;
  /** resilience4j Bulkhead {@code maxConcurrentCalls}. */
  public static final int R4J_BULKHEAD_MAX_CONCURRENT_CALLS = 25;
  /** resilience4j Bulkhead {@code maxWaitDuration}. */
  public static final long R4J_BULKHEAD_MAX_WAIT_NANOS = 0;

  private BreakerDefaults() {}
}
