package org.cascadesim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.io.TreeParser;
import org.cascadesim.cli.report.SummaryTable;
import org.cascadesim.models.breaker.BreakerState;
import org.cascadesim.models.breaker.BreakerSummary;
import org.cascadesim.models.breaker.CallResult;
import org.cascadesim.models.breaker.StuckEpisode;
import org.cascadesim.models.breaker.Transition;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

/**
 * The acceptance of issue 8 on {@code scenarios/breaker-no-timeout.yaml} and on small inline
 * scenarios: expectations are derived from opossum's and resilience4j's rules (mechanisms.md
 * a.4), with the arrival rate lambda = 20/s, window W = 10 s of 1 s buckets, resetTimeout R = 30 s.
 */
class BreakerScenarioTest {
  private static final double S = 1e9;
  private static final double LAMBDA = 20;
  private static final double HANG_START = 30;

  private static RunSummary bundled(String variant) {
    ScenarioSpec spec = new ScenarioReader().read(Path.of("..", "scenarios", "breaker-no-timeout.yaml")).spec(variant);
    return ScenarioRunner.run(spec, variant, spec.seed());
  }

  private static BreakerSummary breaker(RunSummary run) {
    assertThat(run.breakers()).hasSize(1);
    return run.breakers().get(0);
  }

  private static double seconds(long nanos) {
    return nanos / S;
  }

  @Test
  void withoutATimeoutTheBreakerStaysClosedForTheWholeHangWhileCallsInFlightGrowByTheArrivalRate() {
    RunSummary run = bundled("base");
    BreakerSummary b = breaker(run);

    assertThat(b.transitions()).isEmpty();
    assertThat(b.finalState()).isEqualTo(BreakerState.CLOSED);
    assertThat(b.count(CallResult.FAILURE) + b.count(CallResult.TIMEOUT)).isZero();
    // Every call fired in the 180 s hang never returns: lambda * 180 = 3,600 (plus the odd normal call).
    assertThat((double) b.inFlight()).isCloseTo(LAMBDA * 180, within(3.0));
    // Second by second during the hang, the in-flight count grows by lambda.
    double[] inFlightMax = run.timeSeries().values("breaker.checkout.provider.inflight.max");
    for (int w = 32; w < 209; w++) {
      assertThat(inFlightMax[w] - inFlightMax[w - 1]).as("growth in second %d", w).isCloseTo(LAMBDA, within(1.0));
    }
    assertThat(SummaryTable.format(run))
        .contains("checkout/provider (opossum): stayed closed the whole run (never opened)")
        .contains("in flight at the end 3,6");
  }

  /**
   * Opening time with timeout T when the hang starts on an empty window (mechanisms.md a.4):
   * failures arrive from T on, all calls are fired from 0, so while t < W the error rate is
   * lambda(t-T)/(lambda t), above 50% once t > 2T; once the window is full (W/bucket buckets, the
   * current one partial) the rate is min(t-T, W)/W, above 50% once t > T + W/2. So the breaker
   * opens at 2T if 2T <= W, else at T + W/2, within one bucket (1 s).
   */
  @Test
  void theCompareRankingWarnsThatTheHungBaseLeavesItsCallersUnansweredWhereTheFixFailsThemFast() {
    // Without a timeout the base never answers the 3,600 requests of the hang and ranks first by
    // net goodput (only its answers count); the ranking says so instead of hiding it.
    String ranking = org.cascadesim.cli.report.Ranking.format(List.of(bundled("base"), bundled("timeout-3s")));
    assertThat(ranking.lines().filter(l -> l.startsWith("note:")))
        .singleElement().asString()
        .startsWith("note: base ends with 3,601 of 4,800 client requests (75%) still unanswered");
  }

  @Test
  void withATimeoutTTheBreakerOpensAtTwoTWhenTwoTFitsTheWindowAndAtTPlusHalfTheWindowOtherwise() {
    assertThat(seconds(breaker(inlineHangFromZero("3s")).firstTime(BreakerState.OPEN))).isCloseTo(6.0, within(1.0));
    assertThat(seconds(breaker(inlineHangFromZero("4s")).firstTime(BreakerState.OPEN))).isCloseTo(8.0, within(1.0));
    assertThat(seconds(breaker(inlineHangFromZero("8s")).firstTime(BreakerState.OPEN))).isCloseTo(13.0, within(1.0));
  }

  /**
   * In the bundled scenario the window is already full of successes when the hang starts, so the
   * rate is (t-T)/W from the first failure and the breaker opens at T + W/2 = 8 s into the hang.
   * Then each cycle is R open, one trial at the next arrival (within 1/lambda), T until it times
   * out: one provider call per R + T while the outage lasts.
   */
  @Test
  void withATimeoutOfThreeSecondsTheBreakerOpensEightSecondsIntoTheHangThenTriesOneCallPerResetTimeoutPlusT() {
    RunSummary run = bundled("timeout-3s");
    BreakerSummary b = breaker(run);
    double t = 3;
    assertThat(seconds(b.firstTime(BreakerState.OPEN)) - HANG_START).isCloseTo(t + 10 / 2.0, within(1.0));

    List<Double> opens = b.transitions().stream().filter(x -> x.to() == BreakerState.OPEN)
        .map(x -> seconds(x.atNanos())).toList();
    assertThat(opens).hasSizeGreaterThanOrEqualTo(5);
    for (int i = 1; i < opens.size(); i++) {
      assertThat(opens.get(i) - opens.get(i - 1)).isCloseTo(30 + t, within(1 / LAMBDA + 1e-6));
    }
    // One provider call per half-open episode during the outage: the provider's calls between
    // the first opening and the end of the hang equal the half-open transitions there.
    long trials = b.transitions().stream()
        .filter(x -> x.to() == BreakerState.HALF_OPEN && seconds(x.atNanos()) < 210).count();
    double[] offered = run.timeSeries().values("dependency.provider.offered");
    long providerCalls = 0;
    for (int w = (int) Math.ceil(seconds(b.firstTime(BreakerState.OPEN))); w < 210; w++) {
      providerCalls += (long) offered[w];
    }
    assertThat(providerCalls).isEqualTo(trials);
    // After the provider recovers, the next trial succeeds and the breaker closes.
    assertThat(b.finalState()).isEqualTo(BreakerState.CLOSED);
    Transition last = b.transitions().get(b.transitions().size() - 1);
    assertThat(seconds(last.atNanos())).isBetween(210.0, 210 + 30 + t + 1);
  }

  @Test
  void aHungHalfOpenTrialWithoutTimeoutLeavesTheBreakerRejectingEveryCallAfterRecoveryAndTheRunReportsIt() {
    RunSummary run = bundled("stuck-half-open");
    BreakerSummary b = breaker(run);

    assertThat(b.finalState()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(b.stuck()).hasSize(1);
    StuckEpisode stuck = b.stuck().get(0);
    assertThat(stuck.openEnded()).isTrue();
    // Detected resetTimeout after the trial started, i.e. during the hang (45 s to 150 s).
    assertThat(seconds(stuck.detectedAtNanos() - stuck.trialStartNanos())).isEqualTo(30.0);
    // From 150 s the provider is healthy, yet no call reaches it and every call is rejected.
    double[] successes = run.timeSeries().values("breaker.checkout.provider.calls.success");
    double[] rejected = run.timeSeries().values("breaker.checkout.provider.calls.short-circuited");
    for (int w = 150; w < 240; w++) {
      assertThat(successes[w]).isZero();
      assertThat(rejected[w]).isCloseTo(LAMBDA, within(1.0));
    }
    assertThat((double) stuck.rejectedWhileStuck())
        .isCloseTo(LAMBDA * (240 - seconds(stuck.detectedAtNanos())), within(2.0));
    assertThat(SummaryTable.format(run)).contains("STUCK HALF-OPEN since").contains("still stuck at the end of the run");
  }

  /**
   * capacity c = 10 without a timeout: after c/lambda = 0.5 s the semaphore is full and every
   * fire is a semaphore rejection, which opossum counts as a failure; fires stay lambda per second
   * and the window is full, so the rate (t - c/lambda)/W passes 50% at about c/lambda + W/2.
   */
  @Test
  void withCapacitySetSemaphoreRejectionsOpenTheBreakerEvenWithoutATimeout() {
    BreakerSummary b = breaker(bundled("capacity"));
    assertThat(b.count(CallResult.TIMEOUT)).isZero();
    assertThat(b.count(CallResult.SEMAPHORE_REJECTED)).isPositive();
    Transition first = b.transitions().get(0);
    assertThat(first.to()).isEqualTo(BreakerState.OPEN);
    assertThat(first.reason()).startsWith("semaphore locked: error rate");
    assertThat(seconds(first.atNanos()) - HANG_START).isCloseTo(10 / LAMBDA + 10 / 2.0, within(1.0));
    // The 10 hung calls never give their permits back: every trial is rejected, it never closes.
    assertThat(b.inFlight()).isEqualTo(10);
    assertThat(b.finalState()).isNotEqualTo(BreakerState.CLOSED);
  }

  /**
   * resilience4j with a 3 s TimeLimiter and a count window of 100 calls full of successes:
   * timeouts are recorded from 33 s at lambda per second, the failure rate reaches 50% at the
   * 50th, 50/lambda = 2.5 s later: 35.5 s.
   */
  @Test
  void theResilience4jEquivalentOpensOnceHalfOfItsLastHundredCallsTimedOut() {
    BreakerSummary b = breaker(bundled("resilience4j"));
    assertThat(b.kind()).isEqualTo("resilience4j");
    assertThat(seconds(b.firstTime(BreakerState.OPEN))).isCloseTo(HANG_START + 3 + 50 / LAMBDA, within(0.1));
    assertThat(b.transitions().get(0).reason()).contains("failure rate 50.0%");
    assertThat(b.finalState()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void breakerResultsBalanceAndRepeatRunsAgree() {
    for (String variant : List.of("base", "timeout-3s", "capacity", "resilience4j", "stuck-half-open")) {
      RunSummary first = bundled(variant);
      BreakerSummary b = breaker(first);
      long ended = 0;
      for (CallResult r : CallResult.values()) {
        ended += b.count(r);
      }
      // Calls still in flight through the breaker: unanswered ones plus hung work already timed out.
      long unanswered = b.calls() - ended;
      TrafficSummary client = first.clients().get(0);
      assertThat(unanswered).as(variant).isLessThanOrEqualTo(b.inFlight());
      assertThat(client.offered()).isEqualTo(b.calls());
      assertThat(bundled(variant).breakers()).as(variant).isEqualTo(first.breakers());
    }
  }

  private static RunSummary inlineHangFromZero(String timeout) {
    String yaml = String.join("\n",
        "name: hang-from-zero",
        "duration: 40s",
        "clients:",
        "  c: {target: s /x, arrivals: {process: constant, rate: 20/s}}",
        "services:",
        "  s:",
        "    breakers:",
        "      p: {kind: opossum, timeout: " + timeout + "}",
        "    endpoints:",
        "      /x:",
        "        - call: {to: p, breaker: p}",
        "dependencies:",
        "  p:",
        "    latency: 10ms",
        "    faults: [{from: 0s, to: 40s, mode: hang}]",
        "");
    ScenarioSpec spec = new ScenarioReader().parse("inline", yaml, TreeParser.Format.YAML, List.of()).spec("base");
    return ScenarioRunner.run(spec, "base", 1);
  }
}
