package org.cascadesim.models.breaker;

/**
 * opossum's rolling statistics ({@code lib/status.js}): {@code rollingCountBuckets} buckets of
 * {@code floor(rollingCountTimeout / rollingCountBuckets)} ms each; every interval since the
 * breaker was created the oldest bucket is dropped and a fresh one becomes current; an event is
 * counted in the current bucket when it is emitted; the statistics are the sum over all buckets.
 * Nothing is reset when the breaker opens or closes.
 *
 * <p>A pure data structure: the rotation that opossum drives with {@code setInterval} is applied
 * lazily from the time passed in, which gives the same buckets.
 */
public final class OpossumWindow {

  /** What an opossum event counts as ({@code fire}, {@code success}, {@code failure}, ...). */
  public enum Event {
    /** A call was fired (counted for every call, rejected ones included). */
    FIRE,
    /** A call succeeded. */
    SUCCESS,
    /** A call failed (errors, timeouts and semaphore rejections alike). */
    FAILURE,
    /** A call timed out (also counted as a failure). */
    TIMEOUT,
    /** A call was rejected because the breaker was open. */
    REJECT,
    /** A call was rejected by the semaphore (also counted as a failure). */
    SEMAPHORE_REJECTION
  }

  /**
   * The sums over the window.
   *
   * @param fires calls fired
   * @param successes successful calls
   * @param failures failed calls
   * @param timeouts timed-out calls
   * @param rejects calls rejected while open
   * @param semaphoreRejections calls rejected by the semaphore
   */
  public record Totals(
      long fires, long successes, long failures, long timeouts, long rejects, long semaphoreRejections) {

    /** Returns {@code failures / fires * 100} as opossum computes it (infinite when no fires). */
    public double errorPercentage() {
      return (double) failures / (double) fires * 100.0;
    }
  }

  private static final long NANOS_PER_MS = 1_000_000L;

  private final long[][] counts;
  private final long bucketNanos;
  private final long originNanos;
  private int head;
  private long rotations;

  /**
   * Creates an empty window whose bucket clock starts at {@code originNanos} (the breaker's
   * creation).
   *
   * @param rollingCountTimeoutNanos the window length; the bucket length is this divided by the
   *     bucket count, floored to whole milliseconds as opossum does (at least 1 ms)
   */
  public OpossumWindow(long rollingCountTimeoutNanos, int buckets, long originNanos) {
    if (buckets <= 0) {
      throw new IllegalArgumentException("buckets must be positive: " + buckets);
    }
    this.counts = new long[buckets][Event.values().length];
    long ms = rollingCountTimeoutNanos / NANOS_PER_MS / buckets;
    this.bucketNanos = Math.max(1, ms) * NANOS_PER_MS;
    this.originNanos = originNanos;
  }

  /** Returns the length of one bucket. */
  public long bucketNanos() {
    return bucketNanos;
  }

  /** Counts one event at {@code nowNanos} in the current bucket. */
  public void add(Event event, long nowNanos) {
    advance(nowNanos);
    counts[head][event.ordinal()]++;
  }

  /** Returns the sums over all buckets at {@code nowNanos}. */
  public Totals totals(long nowNanos) {
    advance(nowNanos);
    long[] sum = new long[Event.values().length];
    for (long[] bucket : counts) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += bucket[i];
      }
    }
    return new Totals(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]);
  }

  private void advance(long nowNanos) {
    long target = Math.max(0, (nowNanos - originNanos) / bucketNanos);
    long due = target - rotations;
    if (due <= 0) {
      return;
    }
    if (due >= counts.length) {
      for (long[] bucket : counts) {
        java.util.Arrays.fill(bucket, 0);
      }
      head = (int) ((head + due) % counts.length);
    } else {
      for (long i = 0; i < due; i++) {
        head = (head + 1) % counts.length;
        java.util.Arrays.fill(counts[head], 0);
      }
    }
    rotations = target;
  }
}
