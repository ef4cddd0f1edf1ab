package org.cascadesim.models.breaker;

/**
 * The options of an opossum breaker that change its behaviour, with opossum's own defaults
 * ({@code lib/circuit.js} constructor, version 10; mechanisms.md section a.1).
 *
 * @param timeoutNanos the call timeout; 0 disables it ({@code timeout: false} or {@code 0})
 * @param errorThresholdPercentage the breaker opens when the error rate is strictly above it
 * @param resetTimeoutNanos how long the breaker stays open before it goes half-open
 * @param rollingCountTimeoutNanos the statistics window
 * @param rollingCountBuckets the number of buckets in the window
 * @param volumeThreshold fires needed in the window before a failure can open the breaker
 * @param allowWarmUp whether failures cannot open the breaker during the first window
 * @param capacity the semaphore's size ({@link #UNBOUNDED} for opossum's MAX_SAFE_INTEGER)
 * @param stuckHalfOpenAfterNanos simulator only: how long a half-open trial may hang before the
 *     breaker is reported stuck
 */
public record OpossumConfig(
    long timeoutNanos,
    double errorThresholdPercentage,
    long resetTimeoutNanos,
    long rollingCountTimeoutNanos,
    int rollingCountBuckets,
    int volumeThreshold,
    boolean allowWarmUp,
    int capacity,
    long stuckHalfOpenAfterNanos) {

  /** A capacity meaning "no semaphore limit". */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  private static final long MS = 1_000_000L;

  /** opossum's defaults: timeout 10 s, 50 %, resetTimeout 30 s, 10 s / 10 buckets, no volume, no warm-up, no limit. */
  public static OpossumConfig defaults() {
    return new OpossumConfig(10_000 * MS, 50, 30_000 * MS, 10_000 * MS, 10, 0, false, UNBOUNDED, 30_000 * MS);
  }

  /** Returns a copy with another timeout (0 disables it). */
  public OpossumConfig withTimeoutNanos(long nanos) {
    return new OpossumConfig(nanos, errorThresholdPercentage, resetTimeoutNanos, rollingCountTimeoutNanos,
        rollingCountBuckets, volumeThreshold, allowWarmUp, capacity, stuckHalfOpenAfterNanos);
  }

  /** Returns a copy with another error threshold. */
  public OpossumConfig withErrorThresholdPercentage(double percent) {
    return new OpossumConfig(timeoutNanos, percent, resetTimeoutNanos, rollingCountTimeoutNanos,
        rollingCountBuckets, volumeThreshold, allowWarmUp, capacity, stuckHalfOpenAfterNanos);
  }

  /** Returns a copy with another volume threshold. */
  public OpossumConfig withVolumeThreshold(int fires) {
    return new OpossumConfig(timeoutNanos, errorThresholdPercentage, resetTimeoutNanos, rollingCountTimeoutNanos,
        rollingCountBuckets, fires, allowWarmUp, capacity, stuckHalfOpenAfterNanos);
  }

  /** Returns a copy with warm-up allowed or not. */
  public OpossumConfig withAllowWarmUp(boolean allow) {
    return new OpossumConfig(timeoutNanos, errorThresholdPercentage, resetTimeoutNanos, rollingCountTimeoutNanos,
        rollingCountBuckets, volumeThreshold, allow, capacity, stuckHalfOpenAfterNanos);
  }

  /** Returns a copy with another semaphore capacity. */
  public OpossumConfig withCapacity(int calls) {
    return new OpossumConfig(timeoutNanos, errorThresholdPercentage, resetTimeoutNanos, rollingCountTimeoutNanos,
        rollingCountBuckets, volumeThreshold, allowWarmUp, calls, stuckHalfOpenAfterNanos);
  }

  /** Returns a copy with another reset timeout (and the stuck threshold following it). */
  public OpossumConfig withResetTimeoutNanos(long nanos) {
    return new OpossumConfig(timeoutNanos, errorThresholdPercentage, nanos, rollingCountTimeoutNanos,
        rollingCountBuckets, volumeThreshold, allowWarmUp, capacity, nanos);
  }

  /** Returns a copy with another window. */
  public OpossumConfig withWindow(long rollingCountTimeoutNanos, int buckets) {
    return new OpossumConfig(timeoutNanos, errorThresholdPercentage, resetTimeoutNanos, rollingCountTimeoutNanos,
        buckets, volumeThreshold, allowWarmUp, capacity, stuckHalfOpenAfterNanos);
  }
}
