package org.cascadesim.models.stats;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.core.metrics.LatencyRecorder;
import org.cascadesim.core.metrics.TimeWeightedGauge;
import org.cascadesim.models.request.Outcome;

/**
 * The books of one place requests pass through (a client, an endpoint, a dependency): offered,
 * outcomes, in flight and latency, kept so that they balance.
 *
 * <p>Conservation: {@code offered = sum of outcomes + in flight} at every instant. Latency is
 * recorded for every answered request ({@code latency}) and for successful ones alone ({@code
 * latency.ok}).
 */
public final class TrafficStats {
  private final Simulation sim;
  private final String prefix;
  private final Counter offered;
  private final Counter[] outcomes = new Counter[Outcome.values().length]; // by ordinal
  private final TimeWeightedGauge inFlight;
  private final LatencyRecorder latency;
  private final LatencyRecorder latencyOk;

  /** Registers the metrics under {@code prefix} ({@code client.shoppers}). */
  public TrafficStats(Simulation sim, String prefix) {
    this.sim = sim;
    this.prefix = prefix;
    var metrics = sim.metrics();
    this.offered = metrics.counter(prefix + ".offered");
    for (Outcome outcome : Outcome.values()) {
      outcomes[outcome.ordinal()] = metrics.counter(prefix + ".outcome." + outcome.label());
    }
    this.inFlight = metrics.gauge(prefix + ".inflight", sim.nowNanos());
    this.latency = metrics.latency(prefix + ".latency");
    this.latencyOk = metrics.latency(prefix + ".latency.ok");
    latency.attachSubset(latencyOk);
  }

  /** Returns the metric-name prefix. */
  public String prefix() {
    return prefix;
  }

  /** Counts a request entering. */
  public void start() {
    long now = sim.nowNanos();
    offered.increment(now);
    inFlight.add(now, 1);
  }

  /** Counts a request leaving with its outcome and its latency measured from {@code startNanos}. */
  public void finish(Outcome outcome, long startNanos) {
    long now = sim.nowNanos();
    outcomes[outcome.ordinal()].increment(now);
    inFlight.add(now, -1);
    long elapsed = now - startNanos;
    latency.record(now, elapsed, outcome.isSuccess());
  }

  /**
   * Re-establishes conservation after the registry's totals were reset at the end of a warm-up:
   * requests still in flight count as offered in the measured period, so offered = answered + in
   * flight keeps holding over the measured part of the run.
   */
  public void rebaseAfterWarmup() {
    offered.resetTotal(inFlight.value());
  }

  /** Returns the number of requests offered. */
  public long offered() {
    return offered.count();
  }

  /** Returns the number of requests that ended with this outcome. */
  public long count(Outcome outcome) {
    return outcomes[outcome.ordinal()].count();
  }

  /** Returns the number of requests still in flight. */
  public long inFlight() {
    return inFlight.value();
  }

  /** Returns the in-flight gauge. */
  public TimeWeightedGauge inFlightGauge() {
    return inFlight;
  }

  /** Returns the latency of every answered request. */
  public LatencyRecorder latency() {
    return latency;
  }

  /** Returns the latency of successful requests. */
  public LatencyRecorder latencyOk() {
    return latencyOk;
  }

  /** Returns the counter of one outcome. */
  public Counter counter(Outcome outcome) {
    return outcomes[outcome.ordinal()];
  }

  /** Returns the counter of offered requests. */
  public Counter offeredCounter() {
    return offered;
  }

  /** Returns whether offered equals the sum of outcomes plus in flight. */
  public boolean balances() {
    long ended = 0;
    for (Counter c : outcomes) {
      ended += c.count();
    }
    return offered.count() == ended + inFlight.value();
  }
}
