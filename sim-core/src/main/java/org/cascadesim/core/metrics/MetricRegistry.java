package org.cascadesim.core.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The metrics of one simulation, by name, in registration order so that reports have stable
 * columns (Caffeine's {@code PolicyStats} habit). Names are dotted paths such as {@code
 * client.shoppers.latency}.
 */
public final class MetricRegistry {
  private final long windowNanos;
  private final Map<String, Object> metrics = new LinkedHashMap<>();

  /** Creates an empty registry whose windowed metrics use windows of {@code windowNanos}. */
  public MetricRegistry(long windowNanos) {
    this.windowNanos = windowNanos;
  }

  /** Returns the width of a time-series window in nanoseconds. */
  public long windowNanos() {
    return windowNanos;
  }

  /** Returns the counter with this name, creating it on first use. */
  public Counter counter(String name) {
    return get(name, Counter.class, () -> new Counter(name, windowNanos));
  }

  /** Returns the gauge with this name, creating it (at level 0 from time {@code nowNanos}) on first use. */
  public TimeWeightedGauge gauge(String name, long nowNanos) {
    return get(name, TimeWeightedGauge.class, () -> new TimeWeightedGauge(name, windowNanos, nowNanos));
  }

  /** Returns the latency recorder with this name, creating it on first use. */
  public LatencyRecorder latency(String name) {
    return get(name, LatencyRecorder.class, () -> new LatencyRecorder(name, windowNanos));
  }

  /**
   * Restarts every whole-run total at {@code nowNanos} (counters to zero, gauge averages and
   * histograms emptied), keeping the per-window time series: the classic end of a warm-up period,
   * after which statistics describe the steady state only.
   */
  public void resetTotals(long nowNanos) {
    for (Object metric : metrics.values()) {
      if (metric instanceof Counter c) {
        c.resetTotal(0);
      } else if (metric instanceof TimeWeightedGauge g) {
        g.resetTotal(nowNanos);
      } else {
        ((LatencyRecorder) metric).resetTotal();
      }
    }
  }

  /** Returns every metric name in registration order. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(metrics.keySet()));
  }

  /** Returns the metric with this name, or {@code null}. */
  public Object find(String name) {
    return metrics.get(name);
  }

  /**
   * Returns one line per metric with its final values, in registration order: the text the
   * determinism fingerprint hashes.
   */
  public List<String> describe(long nowNanos) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Object> e : metrics.entrySet()) {
      Object m = e.getValue();
      String text;
      if (m instanceof Counter c) {
        text = "count=" + c.count();
      } else if (m instanceof TimeWeightedGauge g) {
        text = String.format(Locale.ROOT, "value=%d max=%d mean=%.17g", g.value(), g.max(), g.mean(nowNanos));
      } else {
        LatencyRecorder l = (LatencyRecorder) m;
        var h = l.histogram();
        text = String.format(Locale.ROOT, "count=%d mean=%.17g p50=%d p99=%d max=%d",
            h.getTotalCount(), h.getMean(), h.getValueAtPercentile(50),
            h.getValueAtPercentile(99), h.getMaxValue());
      }
      lines.add(e.getKey() + " " + text);
    }
    return lines;
  }

  private <T> T get(String name, Class<T> type, java.util.function.Supplier<T> factory) {
    Object existing = metrics.get(name);
    if (existing == null) {
      T created = factory.get();
      metrics.put(name, created);
      return created;
    }
    if (!type.isInstance(existing)) {
      throw new IllegalArgumentException("metric " + name + " is a "
          + existing.getClass().getSimpleName() + ", not a " + type.getSimpleName());
    }
    return type.cast(existing);
  }
}
