package org.cascadesim.models.scenario;

/**
 * The lines a run's cascade timeline checks each mechanism against ({@code timeline:} at the top
 * of a scenario); every key is optional and {@link #DEFAULTS} documents the default of each. The
 * rules that use them are in {@code org.cascadesim.models.run.Timeline} and docs/scenario-reference.md.
 *
 * @param loopLagNanos an event loop crosses its line when a window's p99 loop lag exceeds this
 * @param poolWaiters a pool crosses its line when a window's mean waiter count reaches this
 * @param clientTimeoutRate a client crosses its line when this fraction of a window's answers are timeouts
 * @param retryAmplification a retry layer crosses its line when a window's attempts per request reach this
 * @param inFlight in-flight work grows without bound when it ends the run at least this far above
 *     its baseline and was still rising over the last quarter of the run
 * @param collapseFraction goodput collapses when it stays below this fraction of its baseline
 * @param recoveryFraction goodput recovers when, after a collapse, it stays at or above this fraction
 * @param baselineNanos the span after the warm-up whose median per-window goodput and in-flight
 *     count are the baseline
 * @param sustainWindows how many consecutive windows a collapse or recovery must last
 */
public record TimelineSpec(
    long loopLagNanos,
    double poolWaiters,
    double clientTimeoutRate,
    double retryAmplification,
    double inFlight,
    double collapseFraction,
    double recoveryFraction,
    long baselineNanos,
    int sustainWindows) {

  /**
   * The defaults: 100 ms of loop lag (an event loop that answers a 1 ms request 100 ms late is
   * visibly blocked; Node's "Don't Block the Event Loop" guide), 10 waiters (the floor
   * PoolSaturation uses), 5 % timeouts, 1.5 attempts per request, 100 requests of in-flight growth,
   * collapse below 50 % and recovery at 80 % of the baseline goodput (the 50 % of mechanisms.md g.5),
   * a 10 s baseline and 3 windows of persistence (so one noisy window is not a moment).
   */
  public static final TimelineSpec DEFAULTS =
      new TimelineSpec(100_000_000L, 10, 0.05, 1.5, 100, 0.5, 0.8, 10_000_000_000L, 3);

  /** The keys of the {@code timeline:} map, in documentation order. */
  public static final java.util.List<String> KEYS = java.util.List.of(
      "loopLag", "poolWaiters", "clientTimeoutRate", "retryAmplification", "inFlight",
      "collapseBelow", "recoverAbove", "baseline", "sustain");

  /** Checks the ranges. */
  public TimelineSpec {
    if (loopLagNanos <= 0 || poolWaiters <= 0 || inFlight <= 0 || baselineNanos <= 0 || sustainWindows < 1) {
      throw new IllegalArgumentException("timeline thresholds must be positive");
    }
    if (!(clientTimeoutRate > 0 && clientTimeoutRate <= 1) || !(retryAmplification > 1)
        || !(collapseFraction > 0 && collapseFraction < 1) || !(recoveryFraction > 0 && recoveryFraction <= 1)) {
      throw new IllegalArgumentException("timeline fractions out of range");
    }
  }
}
