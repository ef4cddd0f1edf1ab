package org.cascadesim.core.metrics;

import java.util.Arrays;

/**
 * A level that changes over simulated time (queue length, connections in use, requests in
 * flight), integrated over time so that its mean is the time average, as queueing theory defines
 * the mean queue length L; also kept per window (mean and maximum).
 */
public final class TimeWeightedGauge {
  private final String name;
  private final long windowNanos;
  private final long startNanos;
  private long value;
  private long max;
  private long lastNanos;
  private long meanStartNanos;
  private double area;
  private double[] windowArea = new double[16];
  private long[] windowMax = new long[16];
  private int windows;
  // The window of lastNanos once set() has prepared it (arrays allocated, counted in windows);
  // empty bounds until then.
  private int fastWindow;
  private long fastStartNanos = Long.MAX_VALUE;
  private long fastEndNanos = Long.MIN_VALUE;

  TimeWeightedGauge(String name, long windowNanos, long startNanos) {
    this.name = name;
    this.windowNanos = windowNanos;
    this.startNanos = startNanos;
    this.lastNanos = startNanos;
    this.meanStartNanos = startNanos;
  }

  /**
   * Restarts the whole-run statistics (time average and maximum) at {@code nowNanos}, keeping the
   * level and the per-window series: the end of a warm-up.
   */
  public void resetTotal(long nowNanos) {
    advance(nowNanos);
    area = 0;
    max = value;
    meanStartNanos = Math.max(meanStartNanos, nowNanos);
  }

  /** Returns the metric's name. */
  public String name() {
    return name;
  }

  /** Sets the level at the given simulated time. */
  public void set(long nowNanos, long newValue) {
    long last = lastNanos;
    if (nowNanos >= last && last >= fastStartNanos && nowNanos < fastEndNanos) {
      // Fast path: the level held since lastNanos and the new one both fall in window fastWindow,
      // whose arrays are allocated and counted in windows. The same arithmetic as advance + the
      // slow path below, in the same order, so the sums are bit for bit the same.
      int w = fastWindow;
      long held = value;
      if (nowNanos > last) {
        double a = (double) held * (nowNanos - last);
        if (held != 0) {
          area += a;
        }
        windowArea[w] += a;
        if (held > windowMax[w]) {
          windowMax[w] = held;
        }
        lastNanos = nowNanos;
      }
      value = newValue;
      if (newValue > max) {
        max = newValue;
      }
      if (newValue > windowMax[w]) {
        windowMax[w] = newValue;
      }
      return;
    }
    advance(nowNanos);
    value = newValue;
    if (newValue > max) {
      max = newValue;
    }
    int w = Windows.index(nowNanos, windowNanos);
    windowMax = Windows.ensure(windowMax, w);
    windowArea = Windows.ensure(windowArea, w);
    if (newValue > windowMax[w]) {
      windowMax[w] = newValue;
    }
    windows = Math.max(windows, w + 1);
    if (lastNanos >= w * windowNanos) {
      // lastNanos == nowNanos lies in window w: later changes in w can take the fast path.
      fastWindow = w;
      fastStartNanos = w * windowNanos;
      fastEndNanos = fastStartNanos + windowNanos;
    }
  }

  /** Changes the level by {@code delta} at the given simulated time. */
  public void add(long nowNanos, long delta) {
    set(nowNanos, value + delta);
  }

  /** Returns the current level. */
  public long value() {
    return value;
  }

  /** Returns the highest level seen. */
  public long max() {
    return max;
  }

  /** Returns the time-average level from creation (or the last reset) until {@code nowNanos}. */
  public double mean(long nowNanos) {
    advance(nowNanos);
    long span = nowNanos - meanStartNanos;
    return span <= 0 ? value : area / span;
  }

  /** Returns the integral of the level over time, in level x nanoseconds, up to {@code nowNanos}. */
  public double area(long nowNanos) {
    advance(nowNanos);
    return area;
  }

  /** Returns the time-average level of each window up to {@code nowNanos}. */
  public double[] windowMeans(long nowNanos) {
    advance(nowNanos);
    double[] means = new double[windows];
    for (int w = 0; w < windows; w++) {
      long from = Math.max(startNanos, w * windowNanos);
      long to = Math.min(nowNanos, (w + 1) * windowNanos);
      means[w] = to > from ? windowArea[w] / (to - from) : windowMax[w];
    }
    return means;
  }

  /** Returns the maximum level of each window up to {@code nowNanos}. */
  public long[] windowMaxima(long nowNanos) {
    advance(nowNanos);
    return Arrays.copyOf(windowMax, windows);
  }

  private void advance(long nowNanos) {
    if (nowNanos <= lastNanos) {
      return;
    }
    if (value != 0) {
      area += (double) value * (nowNanos - lastNanos);
    }
    long t = lastNanos;
    int w = Windows.index(t, windowNanos);
    int lastWindow = Windows.index(nowNanos - 1, windowNanos);
    windowArea = Windows.ensure(windowArea, lastWindow);
    windowMax = Windows.ensure(windowMax, lastWindow);
    while (w <= lastWindow) {
      long end = Math.min(nowNanos, (w + 1L) * windowNanos);
      windowArea[w] += (double) value * (end - t);
      if (value > windowMax[w]) {
        windowMax[w] = value;
      }
      t = end;
      w++;
    }
    windows = Math.max(windows, lastWindow + 1);
    lastNanos = nowNanos;
  }
}
