package org.cascadesim.models.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadesim.models.breaker.Harness.MS;
import static org.cascadesim.models.breaker.Harness.S;

import org.cascadesim.models.request.Outcome;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of resilience4j's CircuitBreaker (mechanisms.md b.1, {@code
 * CircuitBreakerStateMachine}, {@code CircuitBreakerMetrics}) and its TimeLimiter and Bulkhead
 * guards (b.3).
 */
class Resilience4jBreakerTest {

  private final Harness h = new Harness();

  /** COUNT_BASED 10 calls, minimum 10, 50%, wait 10 s, 2 trials. */
  private static Resilience4jConfig small() {
    return Resilience4jConfig.defaults().withWindow(false, 10, 10)
        .withOpenState(10 * S, 1.0, Long.MAX_VALUE, false).withHalfOpenState(2, 0);
  }

  private Resilience4jBreaker breaker(Resilience4jConfig config) {
    return new Resilience4jBreaker(h.sim, "svc", "b", config);
  }

  private void calls(Resilience4jBreaker b, int n, Outcome outcome) {
    for (int i = 0; i < n; i++) {
      h.fireAndAnswer(b, outcome);
    }
  }

  /** Opens a {@link #small()} breaker at the current time with 10 failures. */
  private Resilience4jBreaker opened(Resilience4jConfig config) {
    Resilience4jBreaker b = breaker(config);
    calls(b, 10, Outcome.ERROR);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
    return b;
  }

  @Test
  void defaultsAreResilience4jsOwn() {
    Resilience4jConfig d = Resilience4jConfig.defaults();
    assertThat(d.failureRateThreshold()).isEqualTo(50f);
    assertThat(d.slowCallRateThreshold()).isEqualTo(100f);
    assertThat(d.slowCallDurationThresholdNanos()).isEqualTo(60 * S);
    assertThat(d.timeBased()).isFalse();
    assertThat(d.slidingWindowSize()).isEqualTo(100);
    assertThat(d.minimumNumberOfCalls()).isEqualTo(100);
    assertThat(d.waitDurationInOpenStateNanos()).isEqualTo(60 * S);
    assertThat(d.permittedNumberOfCallsInHalfOpenState()).isEqualTo(10);
    assertThat(d.maxWaitDurationInHalfOpenStateNanos()).isZero();
    assertThat(d.automaticTransitionFromOpenToHalfOpenEnabled()).isFalse();
  }

  @Test
  void failureRateAtTheThresholdOpensBecauseTheComparisonIsGreaterOrEqual() {
    Resilience4jBreaker b = breaker(small());
    calls(b, 5, Outcome.OK);
    calls(b, 4, Outcome.ERROR);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED); // 9 calls < minimum 10
    calls(b, 1, Outcome.ERROR); // 5/10 = 50% >= 50%
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void failureRateJustBelowTheThresholdStaysClosed() {
    Resilience4jBreaker b = breaker(small().withThresholds(51f, 100f, 60 * S));
    calls(b, 5, Outcome.OK);
    calls(b, 5, Outcome.ERROR); // 50% < 51%
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void belowMinimumNumberOfCallsTheRatesDoNotCountAndTheBreakerCannotOpen() {
    Resilience4jBreaker b = breaker(Resilience4jConfig.defaults().withWindow(false, 100, 20));
    calls(b, 19, Outcome.ERROR);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    calls(b, 1, Outcome.ERROR);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void countBasedMinimumIsCappedAtTheWindowSize() {
    Resilience4jBreaker b = breaker(Resilience4jConfig.defaults().withWindow(false, 4, 100));
    calls(b, 4, Outcome.ERROR); // minimum 100 capped at 4
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void timeBasedWindowCountsTheLastNSecondsAndItsMinimumIsNotCapped() {
    Resilience4jBreaker b = breaker(Resilience4jConfig.defaults().withWindow(true, 2, 4));
    calls(b, 3, Outcome.ERROR);
    h.at(2 * S); // second 0 has left a 2-second window
    calls(b, 3, Outcome.ERROR); // 3 calls < 4
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    h.at(2 * S + 500 * MS);
    calls(b, 1, Outcome.ERROR);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void aCallIsSlowOnlyWhenStrictlyLongerThanTheThresholdAndTheSlowRateOpensAtOrAbove() {
    Resilience4jBreaker b = breaker(small().withThresholds(50f, 50f, 1 * S));
    for (int i = 0; i < 10; i++) {
      Harness.Sent s = h.fire(b);
      h.at(h.sim.nowNanos() + 1 * S);
      s.answer(Outcome.OK); // exactly 1 s: not slow
    }
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    for (int i = 0; i < 5; i++) {
      Harness.Sent s = h.fire(b);
      h.at(h.sim.nowNanos() + 1 * S + 1);
      s.answer(Outcome.OK); // slow successes
    }
    assertThat(b.state()).isEqualTo(BreakerState.OPEN); // 5 slow / 10 = 50% >= 50%
    assertThat(b.transitions().get(0).reason()).contains("slow-call rate 50.0%");
  }

  @Test
  void aCallThatNeverReturnsIsNeverRecordedSoWithoutATimeLimiterTheBreakerStaysClosed() {
    Resilience4jBreaker b = breaker(small());
    calls(b, 10, Outcome.OK);
    for (int i = 0; i < 500; i++) {
      h.fire(b);
    }
    h.at(3_600 * S);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(b.window().snapshot(3_600 * S).calls()).isEqualTo(10);
  }

  @Test
  void openRejectsCallsWithoutRecordingThem() {
    Resilience4jBreaker b = opened(small());
    for (int i = 0; i < 5; i++) {
      assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SHORT_CIRCUITED);
    }
    assertThat(b.window().snapshot(0).calls()).isEqualTo(10);
  }

  @Test
  void outcomesArrivingWhileOpenAreRecordedWithoutATransition() {
    Resilience4jBreaker b = breaker(small());
    Harness.Sent late = h.fire(b);
    calls(b, 10, Outcome.ERROR);
    late.answer(Outcome.OK);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
    assertThat(b.window().snapshot(0).calls()).isEqualTo(10); // the ring of 10 took it in
    assertThat(b.window().snapshot(0).failed()).isEqualTo(9);
  }

  @Test
  void lazyTransitionHappensOnTheFirstCallStrictlyAfterTheWaitAndThatCallIsATrial() {
    Resilience4jBreaker b = opened(small());
    h.at(10 * S);
    assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SHORT_CIRCUITED); // not after
    h.at(500 * S);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN); // nothing moves it without a call
    Harness.Sent trial = h.fire(b);
    assertThat(b.state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(trial.reply).isNotNull();
    assertThat(b.transitions().get(1).atNanos()).isEqualTo(500 * S);
  }

  @Test
  void automaticTransitionMovesOpenToHalfOpenWhenTheWaitEnds() {
    Resilience4jBreaker b = opened(small().withOpenState(10 * S, 1.0, Long.MAX_VALUE, true));
    h.at(10 * S);
    assertThat(b.state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(b.transitions().get(1).atNanos()).isEqualTo(10 * S);
  }

  @Test
  void exponentialWaitGrowsWithConsecutiveOpeningsUpToItsCapAndResetsOnClose() {
    Resilience4jConfig c = small().withOpenState(10 * S, 2.0, 25 * S, true);
    assertThat(c.waitInOpenStateNanos(1)).isEqualTo(10 * S);
    assertThat(c.waitInOpenStateNanos(2)).isEqualTo(20 * S);
    assertThat(c.waitInOpenStateNanos(3)).isEqualTo(25 * S);
    Resilience4jBreaker b = opened(c);
    h.at(10 * S);
    calls(b, 2, Outcome.ERROR); // both trials fail: open again, second opening
    assertThat(b.attempts()).isEqualTo(2);
    assertThat(b.retryAfterNanos()).isEqualTo(30 * S);
    h.at(30 * S);
    calls(b, 2, Outcome.OK);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(b.attempts()).isZero();
  }

  @Test
  void halfOpenAdmitsThePermittedNumberOfCallsAndRejectsTheRest() {
    Resilience4jBreaker b = opened(small());
    h.at(11 * S);
    Harness.Sent t1 = h.fire(b);
    Harness.Sent t2 = h.fire(b);
    assertThat(t1.reply).isNotNull();
    assertThat(t2.reply).isNotNull();
    assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SHORT_CIRCUITED);
    t1.answer(Outcome.OK);
    assertThat(b.state()).isEqualTo(BreakerState.HALF_OPEN); // 1 of 2 recorded
    t2.answer(Outcome.OK);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void halfOpenReopensWhenItsTrialsReachAThreshold() {
    Resilience4jBreaker b = opened(small());
    h.at(11 * S);
    h.fireAndAnswer(b, Outcome.OK);
    h.fireAndAnswer(b, Outcome.ERROR); // 1/2 = 50% >= 50%
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void halfOpenDecidesAfterMinimumNumberOfCallsWhenThatIsBelowThePermittedCalls() {
    Resilience4jBreaker b = opened(small().withWindow(false, 10, 1).withHalfOpenState(5, 0));
    h.at(11 * S);
    h.fireAndAnswer(b, Outcome.OK); // min(1, 5) = 1 recorded call decides
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void theClosedWindowStartsEmptyAfterHalfOpenCloses() {
    Resilience4jBreaker b = opened(small());
    h.at(11 * S);
    calls(b, 2, Outcome.OK);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(b.window().snapshot(11 * S).calls()).isZero();
    calls(b, 9, Outcome.ERROR); // 9 < minimum 10: the old failures are gone
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void maxWaitDurationInHalfOpenStateMovesAHungHalfOpenBreakerToOpen() {
    Resilience4jBreaker b = opened(small().withHalfOpenState(2, 5 * S));
    h.at(11 * S);
    h.fire(b);
    h.fire(b); // both trials hang
    h.at(16 * S - 1);
    assertThat(b.state()).isEqualTo(BreakerState.HALF_OPEN);
    h.at(16 * S);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
    assertThat(b.transitions().get(2).reason()).isEqualTo("maxWaitDurationInHalfOpenState elapsed");
  }

  @Test
  void withTheDefaultMaxWaitOfZeroHungTrialsKeepTheBreakerHalfOpenForeverAndItIsReportedStuck() {
    Resilience4jBreaker b = opened(small());
    h.at(11 * S);
    h.fire(b);
    h.fire(b);
    h.at(1_000 * S);
    assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SHORT_CIRCUITED);
    assertThat(b.state()).isEqualTo(BreakerState.HALF_OPEN);
    // stuckHalfOpenAfter follows waitDurationInOpenState (10 s): flagged 10 s after the last trial.
    assertThat(b.stuckEpisodes()).containsExactly(new StuckEpisode(11 * S, 11 * S, 21 * S, -1, 1));
  }

  @Test
  void aTimeLimiterTimeoutIsARecordedFailureAndTheWorkKeepsItsBulkheadPermit() {
    Resilience4jBreaker b = breaker(small().withGuards(1 * S, 3, 0));
    h.fire(b);
    assertThat(b.bulkheadInUse()).isEqualTo(1);
    h.at(1 * S);
    assertThat(h.results).containsExactly(CallResult.TIMEOUT);
    assertThat(b.window().snapshot(1 * S).failed()).isEqualTo(1);
    assertThat(b.bulkheadInUse()).isEqualTo(1); // the hung work still holds it
    assertThat(b.inFlight()).isEqualTo(1);
  }

  @Test
  void aFullBulkheadRejectsAtOnceAndTheRejectionIsARecordedFailure() {
    Resilience4jBreaker b = breaker(small().withGuards(0, 2, 0));
    h.fire(b);
    h.fire(b);
    for (int i = 0; i < 10; i++) {
      assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SEMAPHORE_REJECTED);
    }
    assertThat(b.state()).isEqualTo(BreakerState.OPEN); // 10 failures / 10 recorded
  }

  @Test
  void aBulkheadWithMaxWaitQueuesCallsFifoAndRejectsThemWhenTheWaitEnds() {
    Resilience4jBreaker b = breaker(small().withGuards(0, 1, 2 * S));
    Harness.Sent first = h.fire(b);
    Harness.Sent second = h.fire(b);
    Harness.Sent third = h.fire(b);
    assertThat(second.reply).isNull();
    h.at(1 * S);
    first.answer(Outcome.OK); // the permit goes to the oldest waiter
    assertThat(second.reply).isNotNull();
    assertThat(third.reply).isNull();
    h.at(2 * S);
    assertThat(h.results).containsExactly(CallResult.SUCCESS, CallResult.SEMAPHORE_REJECTED);
  }
}
