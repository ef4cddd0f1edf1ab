package org.cascadesim.core.metrics;

import java.util.Arrays;

/** A monotonically increasing count, kept in total and per window of simulated time. */
public final class Counter {
  private final String name;
  private final long windowNanos;
  private long count;
  private long[] perWindow = new long[16];
  private int windows;
  // Window fastWindow = [fastStartNanos, fastEndNanos) is allocated and counted in windows.
  private int fastWindow;
  private long fastStartNanos = Long.MAX_VALUE;
  private long fastEndNanos = Long.MIN_VALUE;

  Counter(String name, long windowNanos) {
    this.name = name;
    this.windowNanos = windowNanos;
  }

  /** Returns the metric's name. */
  public String name() {
    return name;
  }

  /** Adds one at the given simulated time. */
  public void increment(long nowNanos) {
    add(nowNanos, 1);
  }

  /** Adds {@code n >= 0} at the given simulated time. */
  public void add(long nowNanos, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("a counter only grows (was " + n + ")");
    }
    count += n;
    if (nowNanos >= fastStartNanos && nowNanos < fastEndNanos) {
      perWindow[fastWindow] += n;
      return;
    }
    int w = Windows.index(nowNanos, windowNanos);
    perWindow = Windows.ensure(perWindow, w);
    perWindow[w] += n;
    windows = Math.max(windows, w + 1);
    // Later additions in window w (allocated, counted) skip the division and the checks.
    fastWindow = w;
    fastStartNanos = w * windowNanos;
    fastEndNanos = fastStartNanos + windowNanos;
  }

  /**
   * Sets the total to {@code base}, keeping the per-window counts: the end of a warm-up, after
   * which totals describe only the measured part of the run.
   */
  public void resetTotal(long base) {
    count = base;
  }

  /** Returns the total count. */
  public long count() {
    return count;
  }

  /** Returns the count in each window so far (index = window number). */
  public long[] perWindow() {
    return Arrays.copyOf(perWindow, windows);
  }
}
