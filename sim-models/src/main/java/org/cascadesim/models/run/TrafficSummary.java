package org.cascadesim.models.run;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.stats.TrafficStats;

/**
 * The final books of one client, endpoint or dependency: offered, outcomes, still in flight, and
 * latency histograms in nanoseconds (every answer, and successful answers alone).
 *
 * @param kind {@code client}, {@code endpoint} or {@code dependency}
 * @param name the component's name ({@code shoppers}, {@code payments /charge})
 * @param target for a client, the endpoint it calls; otherwise empty
 */
public record TrafficSummary(
    String kind,
    String name,
    String target,
    long offered,
    Map<Outcome, Long> outcomes,
    long inFlight,
    Histogram latency,
    Histogram latencyOk) {

  /** Copies the books of {@code stats}. */
  public static TrafficSummary of(String kind, String name, String target, TrafficStats stats) {
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome, stats.count(outcome));
    }
    return new TrafficSummary(kind, name, target, stats.offered(), Collections.unmodifiableMap(outcomes),
        stats.inFlight(), stats.latency().histogram().copy(), stats.latencyOk().histogram().copy());
  }

  /** Returns the number of requests that ended with this outcome. */
  public long count(Outcome outcome) {
    return outcomes.get(outcome);
  }

  /** Returns the number of answered requests. */
  public long answered() {
    long total = 0;
    for (long n : outcomes.values()) {
      total += n;
    }
    return total;
  }

  /** Returns whether offered = answered + in flight (conservation). */
  public boolean balances() {
    return offered == answered() + inFlight;
  }

  /** Returns successful answers per second of simulated time. */
  public double goodputPerSecond(long durationNanos) {
    return durationNanos <= 0 ? 0 : count(Outcome.OK) * 1e9 / durationNanos;
  }

  /**
   * Returns the fraction of answered requests that succeeded, NaN when none was answered: no answer
   * is no data, not a success (null in summary.json, empty in CSV, a failed SLO).
   */
  public double successRate() {
    long answered = answered();
    return answered == 0 ? Double.NaN : (double) count(Outcome.OK) / answered;
  }
}
