package org.cascadesim.core.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution in nanoseconds with three significant digits (HdrHistogram), kept in
 * total and summarised per window of simulated time.
 *
 * <p>Values are recorded when a request completes, so windows close in time order: when a value
 * lands in a later window the earlier windows are summarised (count, mean, p50, p90, p99, max) and
 * the window histogram is reset. That keeps memory flat however long the run is. The window
 * histogram is a {@link WindowHistogram}: the same statistics as an HdrHistogram at three digits,
 * at the cost of the range of values in the window rather than of the whole counts array.
 */
public final class LatencyRecorder {

  /** Significant decimal digits kept by every latency histogram. */
  public static final int SIGNIFICANT_DIGITS = 3;

  private final String name;
  private final long windowNanos;
  // Every value since the last resetTotal() is in total or in the open window, not both: the
  // open window is added to total when it closes (one addition per used index, in index order,
  // instead of a second random-access record per value). inTotal is the part of the open window
  // that total already has (or, after a mid-window resetTotal, must never have); usually null.
  // total uses the window histogram's layout (HdrHistogram's); histogram() turns it into an
  // HdrHistogram when asked, cached until the counts change.
  private final WindowHistogram total = new WindowHistogram();
  private Histogram totalHistogram;
  private final WindowHistogram window = new WindowHistogram();
  private WindowHistogram inTotal;
  private int openWindow = -1;
  private final WindowCursor cursor;
  private WindowStats stats = new WindowStats(16);
  // A subset recorder (latency.ok of latency) fed through record(now, value, inSubset). While
  // subsetInSync, every value of this open window is in the subset too, so the subset's window is
  // left empty and this one stands for it: its summary and counts are copied at the close. The
  // first value outside the subset, or any read of the subset, materialises the subset's window
  // (a copy of this one) and they go separate ways until the next window.
  private LatencyRecorder subset;
  private LatencyRecorder parent;
  private boolean subsetInSync;

  LatencyRecorder(String name, long windowNanos) {
    this.name = name;
    this.windowNanos = windowNanos;
    this.cursor = new WindowCursor(windowNanos);
  }

  /** Returns the metric's name. */
  public String name() {
    return name;
  }

  /**
   * Makes {@code subset} (a fresh recorder with the same window) hold the subset of this
   * recorder's values recorded with {@code inSubset} true by {@link #record(long, long, boolean)}
   * (a service's successful latencies among all of them); it can no longer be recorded into
   * directly. Both give exactly what two independent recorders would give, at about the cost of
   * one while every value is in the subset.
   */
  public void attachSubset(LatencyRecorder subset) {
    if (subset == this || subset.parent != null || subset.subset != null || subset.openWindow >= 0
        || this.subset != null || parent != null || openWindow >= 0) {
      throw new IllegalStateException("attach an unused recorder to an unused recorder, once");
    }
    this.subset = subset;
    subset.parent = this;
    subsetInSync = true;
  }

  /** Records a latency observed at simulated time {@code nowNanos}. */
  public void record(long nowNanos, long latencyNanos) {
    if (parent != null) {
      throw new IllegalStateException(name + " is a subset of " + parent.name + ": record through it");
    }
    record(nowNanos, latencyNanos, true);
  }

  /**
   * Records a latency observed at simulated time {@code nowNanos}, also into the attached subset
   * when {@code inSubset} (see {@link #attachSubset}).
   */
  public void record(long nowNanos, long latencyNanos, boolean inSubset) {
    if (latencyNanos < 0) {
      throw new IllegalArgumentException("latency must be >= 0 (was " + latencyNanos + ")");
    }
    int w = cursor.indexOf(nowNanos);
    if (w != openWindow) {
      if (w < openWindow) {
        throw new IllegalStateException(name + ": latency recorded out of time order");
      }
      closeOpenWindow();
      openWindow = w;
      if (subset != null) {
        subset.openWindow = w;
        subsetInSync = true;
      }
    }
    if (subset != null && !subsetInSync) {
      if (inSubset) {
        subset.window.record(latencyNanos);
      }
    } else if (subset != null && !inSubset) {
      splitSubset();
    }
    window.record(latencyNanos);
  }

  /** Gives the subset its own copy of the open window: from now on they differ. */
  private void splitSubset() {
    subset.window.copyFrom(window);
    subsetInSync = false;
  }

  /** Before any read or reset of a subset: make its open window its own. */
  private void ownWindow() {
    if (parent != null && parent.subsetInSync) {
      parent.splitSubset();
    }
  }

  /** Empties the whole-run histogram, keeping the per-window summaries: the end of a warm-up. */
  public void resetTotal() {
    ownWindow();
    total.reset();
    totalHistogram = null;
    inTotal = window.count() > 0 ? window.copy() : null;
  }

  /**
   * Returns the whole-run histogram: every value recorded since the start (or the last {@link
   * #resetTotal()}), the open window's included. A snapshot, rebuilt when asked after new
   * values; copy it before changing it.
   */
  public Histogram histogram() {
    ownWindow();
    if (window.count() > (inTotal == null ? 0 : inTotal.count())) {
      window.addInto(total, inTotal);
      inTotal = window.copy();
      totalHistogram = null;
    }
    if (totalHistogram == null) {
      totalHistogram = total.toHistogram();
    }
    return totalHistogram;
  }

  /** Returns the number of values recorded since the start (or the last {@link #resetTotal()}). */
  public long count() {
    ownWindow();
    return total.count() + window.count() - (inTotal == null ? 0 : inTotal.count());
  }

  /**
   * Returns the per-window summaries for windows [0, windowCount). The open window is summarised
   * as it stands but stays open: later values in it are added to the same summary, and values for
   * earlier windows are still rejected.
   */
  public WindowStats windows(int windowCount) {
    ownWindow();
    if (openWindow >= 0 && window.count() > 0) {
      stats = stats.ensure(openWindow);
      stats.set(openWindow, window);
    }
    return stats.truncated(windowCount);
  }

  private void closeOpenWindow() {
    boolean forSubset = subset != null && subsetInSync;
    if (subset != null && !subsetInSync) {
      subset.closeOpenWindow();
    }
    if (openWindow < 0 || window.count() == 0) {
      return;
    }
    // In sync, the subset's inTotal is null: any read or reset of it would have split it.
    window.drainInto(total, inTotal, forSubset ? subset.total : null);
    totalHistogram = null;
    if (forSubset) {
      subset.totalHistogram = null;
    }
    stats = stats.ensure(openWindow);
    stats.set(openWindow, window);
    if (forSubset) {
      subset.stats = subset.stats.ensure(openWindow);
      subset.stats.set(openWindow, window);
    }
    inTotal = null;
    window.reset();
  }

  /** Per-window latency summaries in nanoseconds; windows with no value have count 0. */
  public static final class WindowStats {
    private long[] count;
    private double[] mean;
    private long[] p50;
    private long[] p90;
    private long[] p99;
    private long[] max;
    private int size;

    WindowStats(int capacity) {
      count = new long[capacity];
      mean = new double[capacity];
      p50 = new long[capacity];
      p90 = new long[capacity];
      p99 = new long[capacity];
      max = new long[capacity];
    }

    WindowStats ensure(int index) {
      if (index >= count.length) {
        int capacity = Math.max(index + 1, count.length * 2);
        count = Arrays.copyOf(count, capacity);
        mean = Arrays.copyOf(mean, capacity);
        p50 = Arrays.copyOf(p50, capacity);
        p90 = Arrays.copyOf(p90, capacity);
        p99 = Arrays.copyOf(p99, capacity);
        max = Arrays.copyOf(max, capacity);
      }
      size = Math.max(size, index + 1);
      return this;
    }

    void set(int w, WindowHistogram h) {
      count[w] = h.count();
      mean[w] = h.mean();
      p50[w] = h.p50();
      p90[w] = h.p90();
      p99[w] = h.p99();
      max[w] = h.max();
    }

    WindowStats truncated(int windowCount) {
      WindowStats copy = new WindowStats(Math.max(1, windowCount));
      copy.size = windowCount;
      int n = Math.min(size, windowCount);
      System.arraycopy(count, 0, copy.count, 0, n);
      System.arraycopy(mean, 0, copy.mean, 0, n);
      System.arraycopy(p50, 0, copy.p50, 0, n);
      System.arraycopy(p90, 0, copy.p90, 0, n);
      System.arraycopy(p99, 0, copy.p99, 0, n);
      System.arraycopy(max, 0, copy.max, 0, n);
      return copy;
    }

    /** Returns the number of windows. */
    public int size() {
      return size;
    }

    /** Returns the number of values recorded in window {@code w}. */
    public long count(int w) {
      return count[w];
    }

    /** Returns the mean of window {@code w} in nanoseconds (0 when empty). */
    public double mean(int w) {
      return mean[w];
    }

    /** Returns the median of window {@code w} in nanoseconds. */
    public long p50(int w) {
      return p50[w];
    }

    /** Returns the 90th percentile of window {@code w} in nanoseconds. */
    public long p90(int w) {
      return p90[w];
    }

    /** Returns the 99th percentile of window {@code w} in nanoseconds. */
    public long p99(int w) {
      return p99[w];
    }

    /** Returns the maximum of window {@code w} in nanoseconds. */
    public long max(int w) {
      return max[w];
    }
  }
}
