package org.cascadesim.models.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cascadesim.models.breaker.Harness.MS;
import static org.cascadesim.models.breaker.Harness.S;

import org.cascadesim.models.request.Outcome;
import org.junit.jupiter.api.Test;

/** One test per rule of opossum's state machine (mechanisms.md a.1-a.3, {@code lib/circuit.js}). */
class OpossumBreakerTest {

  private final Harness h = new Harness();

  private OpossumBreaker breaker(OpossumConfig config) {
    return new OpossumBreaker(h.sim, "svc", "b", config);
  }

  /** Timeout disabled so the harness controls every answer. */
  private static OpossumConfig noTimeout() {
    return OpossumConfig.defaults().withTimeoutNanos(0);
  }

  @Test
  void defaultsAreOpossumsOwn() {
    OpossumConfig d = OpossumConfig.defaults();
    assertThat(d.timeoutNanos()).isEqualTo(10 * S);
    assertThat(d.errorThresholdPercentage()).isEqualTo(50);
    assertThat(d.resetTimeoutNanos()).isEqualTo(30 * S);
    assertThat(d.rollingCountTimeoutNanos()).isEqualTo(10 * S);
    assertThat(d.rollingCountBuckets()).isEqualTo(10);
    assertThat(d.volumeThreshold()).isZero();
    assertThat(d.allowWarmUp()).isFalse();
    assertThat(d.capacity()).isEqualTo(OpossumConfig.UNBOUNDED);
  }

  @Test
  void closedSuccessStaysClosed() {
    OpossumBreaker b = breaker(noTimeout());
    for (int i = 0; i < 5; i++) {
      assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SUCCESS);
    }
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(b.transitions()).isEmpty();
  }

  @Test
  void errorRateExactlyAtTheThresholdDoesNotOpenBecauseTheComparisonIsStrict() {
    OpossumBreaker b = breaker(noTimeout());
    h.fireAndAnswer(b, Outcome.OK);
    h.fireAndAnswer(b, Outcome.ERROR); // 1 failure / 2 fires = 50%, not > 50%
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    h.fireAndAnswer(b, Outcome.ERROR); // 2 / 3 = 66.7% > 50%
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void oneFailureInAnEmptyWindowIsOneHundredPercentAndOpens() {
    OpossumBreaker b = breaker(noTimeout()); // issue #217: why volumeThreshold exists
    h.fireAndAnswer(b, Outcome.ERROR);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void theOpenCheckRunsOnlyWhenAFailureArrivesSoHungCallsNeverOpenTheBreaker() {
    OpossumBreaker b = breaker(noTimeout());
    h.fireAndAnswer(b, Outcome.OK);
    for (int i = 0; i < 100; i++) {
      h.fire(b); // hangs: a fire, never a failure
    }
    h.at(600 * S);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(b.inFlight()).isEqualTo(100);
    // Hung calls push the rate down: 1 failure over 102 fires does not open (window still current).
    OpossumBreaker c = breaker(noTimeout());
    for (int i = 0; i < 10; i++) {
      h.fire(c);
    }
    h.fireAndAnswer(c, Outcome.ERROR);
    assertThat(c.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void firesAreCountedWhenCallsStartAndOutcomesWhenTheyEnd() {
    OpossumBreaker b = breaker(noTimeout());
    Harness.Sent slow = h.fire(b); // fire at 0 in bucket [0,1s)
    for (int i = 0; i < 3; i++) {
      h.fireAndAnswer(b, Outcome.OK);
    }
    h.at(12 * S); // the fires have left the 10 s window
    assertThat(b.window().totals(12 * S).fires()).isZero();
    slow.answer(Outcome.ERROR); // a failure with no fire in the window: rate = 1/0 = infinite
    assertThat(b.window().totals(12 * S).failures()).isEqualTo(1);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void volumeThresholdKeepsTheBreakerClosedUntilEnoughFiresAreInTheWindow() {
    OpossumBreaker b = breaker(noTimeout().withVolumeThreshold(3));
    h.fireAndAnswer(b, Outcome.ERROR);
    h.fireAndAnswer(b, Outcome.ERROR); // 2 fires < 3: no check
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    h.fireAndAnswer(b, Outcome.ERROR); // 3 fires >= 3 and 100% > 50%
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void warmUpKeepsFailuresFromOpeningDuringTheFirstWindow() {
    OpossumBreaker b = breaker(noTimeout().withAllowWarmUp(true));
    for (int i = 0; i < 5; i++) {
      h.fireAndAnswer(b, Outcome.ERROR);
    }
    h.at(9_999 * MS);
    h.fireAndAnswer(b, Outcome.ERROR);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    h.at(10 * S); // warm-up over; the window still holds failures (first bucket dropped now)
    h.fireAndAnswer(b, Outcome.ERROR);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void openRejectsEveryFireAsARejectNotAFailure() {
    OpossumBreaker b = breaker(noTimeout());
    h.fireAndAnswer(b, Outcome.ERROR);
    long failuresBefore = b.window().totals(0).failures();
    for (int i = 0; i < 4; i++) {
      assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SHORT_CIRCUITED);
    }
    OpossumWindow.Totals t = b.window().totals(0);
    assertThat(t.rejects()).isEqualTo(4);
    assertThat(t.fires()).isEqualTo(5); // rejected calls are fired too
    assertThat(t.failures()).isEqualTo(failuresBefore);
    assertThat(b.inFlight()).isZero(); // nothing was sent
  }

  @Test
  void resetTimeoutMovesOpenToHalfOpenWithOneTrialPending() {
    OpossumBreaker b = breaker(noTimeout());
    h.at(1 * S);
    h.fireAndAnswer(b, Outcome.ERROR);
    h.at(31 * S - 1);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
    h.at(31 * S);
    assertThat(b.state()).isEqualTo(BreakerState.HALF_OPEN);
    assertThat(b.pendingClose()).isTrue();
    assertThat(b.transitions()).extracting(Transition::atNanos).containsExactly(1 * S, 31 * S);
  }

  @Test
  void halfOpenAdmitsOnlyTheFirstFireAsTheTrialAndRejectsTheRest() {
    OpossumBreaker b = breaker(noTimeout());
    h.fireAndAnswer(b, Outcome.ERROR);
    h.at(30 * S);
    Harness.Sent trial = h.fire(b);
    assertThat(trial.reply).isNotNull();
    assertThat(b.pendingClose()).isFalse();
    assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SHORT_CIRCUITED);
    assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SHORT_CIRCUITED);
    trial.answer(Outcome.OK);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void anySuccessClosesAHalfOpenBreakerEvenFromACallStartedBeforeItOpened() {
    OpossumBreaker b = breaker(noTimeout());
    Harness.Sent early = h.fire(b); // in flight since closed
    h.fireAndAnswer(b, Outcome.ERROR); // 1/2 = 50%: stays closed
    h.fireAndAnswer(b, Outcome.ERROR); // 2/3: opens
    h.at(30 * S);
    assertThat(b.state()).isEqualTo(BreakerState.HALF_OPEN);
    early.answer(Outcome.OK);
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(b.transitions().get(2).reason()).isEqualTo("success while half-open");
  }

  @Test
  void anyFailureReopensAHalfOpenBreakerAndRestartsTheResetTimer() {
    OpossumBreaker c = breaker(noTimeout());
    h.fireAndAnswer(c, Outcome.ERROR);
    h.at(30 * S);
    h.fireAndAnswer(c, Outcome.ERROR); // the trial fails
    assertThat(c.state()).isEqualTo(BreakerState.OPEN);
    h.at(60 * S - 1);
    assertThat(c.state()).isEqualTo(BreakerState.OPEN);
    h.at(60 * S);
    assertThat(c.state()).isEqualTo(BreakerState.HALF_OPEN);
  }

  @Test
  void halfOpenFailureOpensEvenWhenTheVolumeThresholdIsNotMet() {
    OpossumBreaker b = breaker(noTimeout().withVolumeThreshold(2));
    h.fireAndAnswer(b, Outcome.ERROR);
    h.fireAndAnswer(b, Outcome.ERROR);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
    h.at(100 * S); // the window is empty again
    assertThat(b.state()).isEqualTo(BreakerState.HALF_OPEN);
    h.fireAndAnswer(b, Outcome.ERROR); // 1 fire < 2, but half-open
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void theDefaultTimeoutOfTenSecondsEndsAHungCallAsATimeoutAndAFailure() {
    OpossumBreaker b = breaker(OpossumConfig.defaults());
    h.fireAndAnswer(b, Outcome.OK);
    Harness.Sent hung = h.fire(b);
    h.at(10 * S - 1);
    assertThat(h.results).containsExactly(CallResult.SUCCESS);
    h.at(10 * S);
    assertThat(h.last()).isEqualTo(CallResult.TIMEOUT);
    OpossumWindow.Totals t = b.window().totals(10 * S);
    assertThat(t.timeouts()).isEqualTo(1);
    assertThat(t.failures()).isEqualTo(1);
    hung.answer(Outcome.OK); // late: ignored
    assertThat(h.results).hasSize(2);
    assertThat(b.window().totals(10 * S).successes()).isZero(); // the first bucket has left
  }

  @Test
  void timeoutZeroDisablesTheTimeout() {
    OpossumBreaker b = breaker(OpossumConfig.defaults().withTimeoutNanos(0));
    h.fire(b);
    h.at(3_600 * S);
    assertThat(h.results).isEmpty();
    assertThat(b.inFlight()).isEqualTo(1);
  }

  @Test
  void aFullSemaphoreRejectsThroughTheFailurePathAndCanOpenTheBreaker() {
    OpossumBreaker b = breaker(noTimeout().withCapacity(2));
    h.fireAndAnswer(b, Outcome.OK);
    h.fireAndAnswer(b, Outcome.OK);
    h.fire(b);
    h.fire(b); // two hung calls hold both permits
    assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SEMAPHORE_REJECTED); // 1/5
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    h.fireAndAnswer(b, Outcome.OK); // 2/6
    h.fireAndAnswer(b, Outcome.OK); // 3/7 = 42.9%
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    h.fireAndAnswer(b, Outcome.OK); // 4/8 = 50%, not above
    assertThat(b.state()).isEqualTo(BreakerState.CLOSED);
    h.fireAndAnswer(b, Outcome.OK); // 5/9 = 55.6%
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
    assertThat(b.window().totals(0).semaphoreRejections()).isEqualTo(5);
  }

  @Test
  void aTimeoutReleasesTheSemaphoreWhileTheWorkKeepsRunning() {
    OpossumBreaker b = breaker(OpossumConfig.defaults().withTimeoutNanos(1 * S).withCapacity(1)
        .withErrorThresholdPercentage(100));
    h.fire(b);
    assertThat(b.semaphoreInUse()).isEqualTo(1);
    h.at(1 * S);
    assertThat(b.semaphoreInUse()).isZero();
    assertThat(b.inFlight()).isEqualTo(1); // still running downstream
    h.fire(b);
    assertThat(b.semaphoreInUse()).isEqualTo(1);
  }

  @Test
  void statisticsAreNotResetWhenTheBreakerOpensOrCloses() {
    OpossumBreaker b = breaker(noTimeout());
    h.fireAndAnswer(b, Outcome.ERROR);
    h.at(5 * S);
    assertThat(b.state()).isEqualTo(BreakerState.OPEN);
    assertThat(b.window().totals(5 * S).failures()).isEqualTo(1);
    OpossumBreaker c = breaker(noTimeout().withResetTimeoutNanos(1 * S));
    h.fireAndAnswer(c, Outcome.ERROR);
    h.at(6 * S);
    h.fireAndAnswer(c, Outcome.OK); // trial succeeds: closed
    assertThat(c.state()).isEqualTo(BreakerState.CLOSED);
    assertThat(c.window().totals(6 * S).failures()).isEqualTo(1);
    // A failure right after closing sees the old failure too: 2 failures / 3 fires opens again.
    h.fireAndAnswer(c, Outcome.ERROR);
    assertThat(c.state()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void everyTransitionIsRecordedWithItsTimeAndTheStateGaugeFollows() {
    OpossumBreaker b = breaker(noTimeout());
    h.at(2 * S);
    h.fireAndAnswer(b, Outcome.ERROR);
    h.at(32 * S);
    h.fireAndAnswer(b, Outcome.OK);
    assertThat(b.transitions()).extracting(t -> t.from() + "->" + t.to() + "@" + t.atNanos() / S)
        .containsExactly("CLOSED->OPEN@2", "OPEN->HALF_OPEN@32", "HALF_OPEN->CLOSED@32");
    var gauge = h.sim.metrics().find("breaker.svc.b.state");
    assertThat(((org.cascadesim.core.metrics.TimeWeightedGauge) gauge).max()).isEqualTo(2);
    assertThat(((org.cascadesim.core.metrics.TimeWeightedGauge) gauge).value()).isZero();
  }

  @Test
  void theTransitionTableRejectsTransitionsNeitherLibraryMakes() {
    TransitionTable table = TransitionTable.standard();
    assertThat(table.isLegal(BreakerState.CLOSED, BreakerState.OPEN)).isTrue();
    assertThat(table.isLegal(BreakerState.OPEN, BreakerState.HALF_OPEN)).isTrue();
    assertThat(table.isLegal(BreakerState.HALF_OPEN, BreakerState.CLOSED)).isTrue();
    assertThat(table.isLegal(BreakerState.HALF_OPEN, BreakerState.OPEN)).isTrue();
    assertThatThrownBy(() -> table.check(BreakerState.CLOSED, BreakerState.HALF_OPEN))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLOSED -> HALF_OPEN");
    assertThatThrownBy(() -> table.check(BreakerState.OPEN, BreakerState.CLOSED))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> table.check(BreakerState.OPEN, BreakerState.OPEN))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aHungHalfOpenTrialWithoutTimeoutLeavesTheBreakerStuckRejectingEveryCall() {
    OpossumBreaker b = breaker(noTimeout());
    h.fireAndAnswer(b, Outcome.ERROR);
    h.at(30 * S);
    h.fire(b); // the trial hangs
    for (int t = 31; t <= 120; t++) {
      h.at(t * S);
      assertThat(h.fireAndAnswer(b, Outcome.OK)).isEqualTo(CallResult.SHORT_CIRCUITED);
    }
    assertThat(b.state()).isEqualTo(BreakerState.HALF_OPEN);
    // Detected resetTimeout (30 s) after the trial started; the calls at 60 s..120 s: 61 rejections.
    assertThat(b.stuckEpisodes()).containsExactly(new StuckEpisode(30 * S, 30 * S, 60 * S, -1, 61));
    assertThat(b.summary().stuck().get(0).openEnded()).isTrue();
  }
}
