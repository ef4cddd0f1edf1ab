package org.cascadesim.models.breaker;

import java.util.Arrays;

/**
 * resilience4j's sliding windows ({@code core/metrics/FixedSizeSlidingWindowMetrics} and {@code
 * SlidingTimeWindowMetrics}): a call is recorded only when it completes, as a success or an error,
 * slow or not; every record returns the snapshot the state machine then checks.
 *
 * <ul>
 *   <li>COUNT_BASED: the outcomes of the last {@code size} calls (a ring; the oldest is subtracted
 *       when it is overwritten).
 *   <li>TIME_BASED: {@code size} one-second buckets keyed by the epoch second (here: whole seconds
 *       of simulated time); a record first clears every bucket older than {@code size} seconds.
 * </ul>
 */
public abstract sealed class Resilience4jWindow {

  /**
   * The sums over the window at the time of a record.
   *
   * @param calls recorded calls
   * @param failed failed calls (slow or not)
   * @param slow slow calls (successful or failed)
   */
  public record Snapshot(int calls, int failed, int slow) {
    /** Returns {@code failed * 100 / calls} as a float percentage. */
    public float failureRate() {
      return calls == 0 ? 0f : failed * 100.0f / calls;
    }

    /** Returns {@code slow * 100 / calls} as a float percentage. */
    public float slowCallRate() {
      return calls == 0 ? 0f : slow * 100.0f / calls;
    }
  }

  /** Records a completed call at {@code nowNanos} and returns the window's sums. */
  public abstract Snapshot record(long nowNanos, boolean failed, boolean slow);

  /** Returns the window's sums at {@code nowNanos} without recording. */
  public abstract Snapshot snapshot(long nowNanos);

  /** A window over the last {@code size} calls. */
  public static Resilience4jWindow countBased(int size) {
    return new CountBased(size);
  }

  /** A window over the last {@code size} seconds. */
  public static Resilience4jWindow timeBased(int size) {
    return new TimeBased(size);
  }

  /** The last N calls. */
  static final class CountBased extends Resilience4jWindow {
    private final byte[] ring; // 0 empty, bit 1 = recorded, bit 2 = failed, bit 4 = slow
    private int next;
    private int calls;
    private int failed;
    private int slow;

    CountBased(int size) {
      if (size <= 0) {
        throw new IllegalArgumentException("window size must be positive: " + size);
      }
      this.ring = new byte[size];
    }

    @Override
    public Snapshot record(long nowNanos, boolean isFailed, boolean isSlow) {
      byte old = ring[next];
      if ((old & 1) != 0) {
        calls--;
        failed -= (old & 2) != 0 ? 1 : 0;
        slow -= (old & 4) != 0 ? 1 : 0;
      }
      ring[next] = (byte) (1 | (isFailed ? 2 : 0) | (isSlow ? 4 : 0));
      next = (next + 1) % ring.length;
      calls++;
      failed += isFailed ? 1 : 0;
      slow += isSlow ? 1 : 0;
      return snapshot(nowNanos);
    }

    @Override
    public Snapshot snapshot(long nowNanos) {
      return new Snapshot(calls, failed, slow);
    }
  }

  /** The last N seconds. */
  static final class TimeBased extends Resilience4jWindow {
    private static final long SECOND = 1_000_000_000L;
    private final long[] second;
    private final int[] calls;
    private final int[] failed;
    private final int[] slow;

    TimeBased(int size) {
      if (size <= 0) {
        throw new IllegalArgumentException("window size must be positive: " + size);
      }
      second = new long[size];
      Arrays.fill(second, Long.MIN_VALUE);
      calls = new int[size];
      failed = new int[size];
      slow = new int[size];
    }

    @Override
    public Snapshot record(long nowNanos, boolean isFailed, boolean isSlow) {
      long s = Math.floorDiv(nowNanos, SECOND);
      int i = (int) Math.floorMod(s, (long) second.length);
      if (second[i] != s) {
        second[i] = s;
        calls[i] = 0;
        failed[i] = 0;
        slow[i] = 0;
      }
      calls[i]++;
      failed[i] += isFailed ? 1 : 0;
      slow[i] += isSlow ? 1 : 0;
      return snapshot(nowNanos);
    }

    @Override
    public Snapshot snapshot(long nowNanos) {
      long s = Math.floorDiv(nowNanos, SECOND);
      int c = 0;
      int f = 0;
      int w = 0;
      for (int i = 0; i < second.length; i++) {
        if (second[i] != Long.MIN_VALUE && second[i] > s - second.length && second[i] <= s) {
          c += calls[i];
          f += failed[i];
          w += slow[i];
        }
      }
      return new Snapshot(c, f, w);
    }
  }
}
