package org.cascadesim.models.pool;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.models.run.TimeSeries;

/**
 * Finds pools whose waiter queue grew without bound during a run, from the {@code
 * pool.<service>.<pool>.waiters} time series: the signature of Little's law applied to a pool
 * (mechanisms.md c.4): with C connections each held S seconds, at most C/S acquires complete per
 * second, so arrivals at rate λ > C/S leave the queue growing at λ - C/S per second.
 *
 * <p>Rule: the growth phase runs from the last window before the peak whose mean queue was at
 * most 1 up to the window of the peak; its rate is the least-squares slope of the per-window mean
 * over that phase. It is reported when the phase spans at least {@value #MIN_WINDOWS} windows and
 * the peak reaches {@value #MIN_PEAK} waiters (shorter or smaller queues are ordinary bursts).
 */
public final class PoolSaturation {

  /** The fewest windows a growth phase must span to be reported. */
  public static final int MIN_WINDOWS = 5;
  /** The smallest peak queue that is reported. */
  public static final double MIN_PEAK = 10;

  private PoolSaturation() {}

  /**
   * One pool's waiter growth.
   *
   * @param pool {@code <service>.<pool>}
   * @param perSecond the least-squares growth rate of the queue, waiters per second
   * @param fromNanos the start of the growth phase
   * @param toNanos the end of the growth phase (the end of the peak window)
   * @param peakWaiters the largest per-window mean queue
   * @param maxWaiters the largest queue at any instant
   */
  public record Growth(String pool, double perSecond, long fromNanos, long toNanos, double peakWaiters,
      double maxWaiters) {}

  /** Returns the pools of a run, {@code <service>.<pool>}, in registration order. */
  public static List<String> pools(TimeSeries series) {
    List<String> pools = new ArrayList<>();
    for (String column : series.columns()) {
      if (column.startsWith("pool.") && column.endsWith(".waiters.mean")) {
        pools.add(column.substring("pool.".length(), column.length() - ".waiters.mean".length()));
      }
    }
    return pools;
  }

  /** Returns the growth phase of every pool whose queue grew in a sustained way, in pool order. */
  public static List<Growth> detect(TimeSeries series) {
    List<Growth> out = new ArrayList<>();
    for (String pool : pools(series)) {
      Growth g = growth(pool, series.values("pool." + pool + ".waiters.mean"),
          series.values("pool." + pool + ".waiters.max"), series.windowNanos());
      if (g != null) {
        out.add(g);
      }
    }
    return out;
  }

  /** Applies the rule to one queue-length series (per-window means and maxima); null when there is no sustained growth. */
  static Growth growth(String pool, double[] means, double[] maxima, long windowNanos) {
    int peak = 0;
    for (int i = 1; i < means.length; i++) {
      if (means[i] > means[peak]) {
        peak = i;
      }
    }
    if (means.length == 0 || means[peak] < MIN_PEAK) {
      return null;
    }
    int start = peak;
    while (start > 0 && means[start - 1] > 1) {
      start--;
    }
    if (peak - start + 1 < MIN_WINDOWS) {
      return null;
    }
    double slopePerWindow = slope(means, start, peak);
    if (!(slopePerWindow > 0)) {
      return null;
    }
    double max = 0;
    for (double m : maxima) {
      max = Math.max(max, m);
    }
    double perSecond = slopePerWindow * 1e9 / windowNanos;
    return new Growth(pool, perSecond, start * windowNanos, (peak + 1) * windowNanos, means[peak], max);
  }

  /** The least-squares slope of {@code y[from..to]} against the index. */
  static double slope(double[] y, int from, int to) {
    int n = to - from + 1;
    double meanX = (from + to) / 2.0;
    double meanY = 0;
    for (int i = from; i <= to; i++) {
      meanY += y[i];
    }
    meanY /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = from; i <= to; i++) {
      sxy += (i - meanX) * (y[i] - meanY);
      sxx += (i - meanX) * (i - meanX);
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }
}
