package org.cascadesim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.event.EventQueue;
import org.junit.jupiter.api.Test;

/** The run semantics of {@link Simulation}: clock, limits, stop requests and failures. */
class SimulationTest {

  @Test
  void runUntilMovesTheClockToTheEndTimeEvenWhenNothingHappensThen() {
    Simulation sim = new Simulation(7L);
    sim.schedule(10, () -> {});

    RunResult result = sim.runUntil(1_000);

    assertThat(result.reason()).isEqualTo(StopReason.IDLE);
    assertThat(result.timeNanos()).isEqualTo(1_000);
    assertThat(sim.nowNanos()).isEqualTo(1_000);
    assertThat(sim.eventsExecuted()).isEqualTo(1);
  }

  @Test
  void runUntilLeavesLaterEventsPendingAndReportsEndTime() {
    Simulation sim = new Simulation(7L);
    List<Long> ran = new ArrayList<>();
    sim.schedule(500, () -> ran.add(sim.nowNanos()));
    sim.schedule(1_500, () -> ran.add(sim.nowNanos()));

    RunResult result = sim.runUntil(1_000);

    assertThat(result.reason()).isEqualTo(StopReason.END_TIME);
    assertThat(sim.nowNanos()).isEqualTo(1_000);
    assertThat(ran).containsExactly(500L);
    assertThat(sim.pendingEvents()).isEqualTo(1);
  }

  @Test
  void eventsExactlyAtTheEndTimeRun() {
    Simulation sim = new Simulation(7L);
    List<Long> ran = new ArrayList<>();
    sim.schedule(1_000, () -> ran.add(sim.nowNanos()));
    sim.schedule(1_000, () -> sim.schedule(0, () -> ran.add(-sim.nowNanos())));

    sim.runUntil(1_000);

    assertThat(ran).as("both the event at the end time and one it schedules for now run")
        .containsExactly(1_000L, -1_000L);
    assertThat(sim.pendingEvents()).isZero();
  }

  @Test
  void sameTimeEventsRunInSchedulingOrder() {
    Simulation sim = new Simulation(7L);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      int id = i;
      sim.scheduleAt(42, () -> order.add(id));
    }

    sim.runUntilIdle();

    assertThat(order).hasSize(100).isSorted();
  }

  @Test
  void theClockNeverMovesBackwards() {
    Simulation sim = new Simulation(7L);
    List<Long> times = new ArrayList<>();
    for (long delay : new long[] {30, 10, 20, 10, 0, 50}) {
      sim.schedule(delay, () -> {
        times.add(sim.nowNanos());
        if (times.size() < 20) {
          sim.schedule(times.size() % 3 * 5, () -> times.add(sim.nowNanos()));
        }
      });
    }

    sim.runUntilIdle();

    assertThat(times).hasSizeGreaterThan(6).isSorted();
  }

  @Test
  void scheduleWithNegativeDelayIsRejected() {
    Simulation sim = new Simulation(7L);

    assertThatThrownBy(() -> sim.schedule(-1, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThat(sim.pendingEvents()).isZero();
  }

  @Test
  void scheduleAtInThePastIsRejected() {
    Simulation sim = new Simulation(7L);
    sim.runUntil(100);

    assertThatThrownBy(() -> sim.scheduleAt(99, () -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("past");
    assertThat(sim.scheduleAt(100, () -> {})).as("now itself is allowed").isNotNegative();
  }

  @Test
  void runUntilBeforeNowIsRejected() {
    Simulation sim = new Simulation(7L);
    sim.runUntil(100);

    assertThatThrownBy(() -> sim.runUntil(99)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scheduleWithNullActionIsRejected() {
    Simulation sim = new Simulation(7L);

    assertThatThrownBy(() -> sim.schedule(1, null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> sim.scheduleAt(1, null)).isInstanceOf(NullPointerException.class);
    assertThat(sim.pendingEvents()).isZero();
  }

  @Test
  void scheduleSaturatesAtLongMaxValueInsteadOfOverflowing() {
    Simulation sim = new Simulation(7L);
    sim.runUntil(1_000);
    List<Long> ran = new ArrayList<>();
    long handle = sim.schedule(Long.MAX_VALUE, () -> ran.add(sim.nowNanos()));
    sim.schedule(Long.MAX_VALUE - 1_000, () -> ran.add(sim.nowNanos()));

    sim.runUntilIdle();

    assertThat(ran).containsExactly(Long.MAX_VALUE, Long.MAX_VALUE);
    assertThat(sim.isPending(handle)).isFalse();
  }

  @Test
  void eventLimitStopsTheRunCleanlyAndNamesTheLimit() {
    Simulation sim = new Simulation(SimulationConfig.withSeed(7L).withMaxEvents(10));
    Runnable[] forever = new Runnable[1];
    forever[0] = () -> sim.schedule(1, forever[0]::run);
    sim.schedule(1, forever[0]::run);

    RunResult result = sim.runUntil(1_000_000);

    assertThat(result.reason()).isEqualTo(StopReason.EVENT_LIMIT);
    assertThat(result.hitLimit()).isTrue();
    assertThat(result.eventsExecuted()).isEqualTo(10);
    assertThat(result.detail()).contains("10 events");
    assertThat(sim.nowNanos()).as("the clock stays at the last event").isEqualTo(10);
    assertThat(sim.pendingEvents()).as("the next event stays pending").isEqualTo(1);
  }

  @Test
  void stopFromInsideAnEventStopsAfterThatEvent() {
    Simulation sim = new Simulation(7L);
    List<Integer> ran = new ArrayList<>();
    sim.schedule(10, () -> ran.add(1));
    sim.schedule(20, () -> {
      ran.add(2);
      sim.stop(StopReason.STOPPED, "too many requests in flight");
      ran.add(3);
    });
    sim.schedule(20, () -> ran.add(4));
    sim.schedule(30, () -> ran.add(5));

    RunResult result = sim.runUntil(1_000);

    assertThat(result.reason()).isEqualTo(StopReason.STOPPED);
    assertThat(result.detail()).isEqualTo("too many requests in flight");
    assertThat(result.timeNanos()).isEqualTo(20);
    assertThat(ran).containsExactly(1, 2, 3);
    assertThat(sim.nowNanos()).as("a stopped run does not jump to the end time").isEqualTo(20);
  }

  @Test
  void aStoppedRunCanBeResumed() {
    Simulation sim = new Simulation(7L);
    List<Integer> ran = new ArrayList<>();
    sim.schedule(10, () -> sim.stop(StopReason.STOPPED, "pause"));
    sim.schedule(20, () -> ran.add(2));

    RunResult first = sim.runUntilIdle();
    RunResult second = sim.runUntilIdle();

    assertThat(first.reason()).isEqualTo(StopReason.STOPPED);
    assertThat(second.reason()).isEqualTo(StopReason.IDLE);
    assertThat(ran).containsExactly(2);
  }

  @Test
  void anExceptionInsideAnEventBecomesASimulationExceptionWithSeedTimeSeqAndType() {
    Simulation sim = new Simulation(1234L);
    sim.schedule(5, () -> {});
    sim.schedule(5, () -> {});
    sim.schedule(77, new FailingAction());

    assertThatThrownBy(sim::runUntilIdle)
        .isInstanceOfSatisfying(SimulationException.class, e -> {
          assertThat(e.seed()).isEqualTo(1234L);
          assertThat(e.timeNanos()).isEqualTo(77);
          assertThat(e.seq()).isEqualTo(2);
          assertThat(e.eventType()).isEqualTo(FailingAction.class.getName());
          assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
          assertThat(e.getMessage()).contains("seed=1234", "time=77ns", "seq=2", "FailingAction");
        });
  }

  @Test
  void aLambdaEventIsNamedByItsDeclaringClass() {
    Simulation sim = new Simulation(1L);
    sim.schedule(1, () -> {
      throw new IllegalStateException("lambda boom");
    });

    assertThatThrownBy(sim::runUntilIdle)
        .isInstanceOfSatisfying(SimulationException.class, e ->
            assertThat(e.eventType()).isEqualTo(SimulationTest.class.getName() + "$$Lambda"));
  }

  @Test
  void cancelledEventsDoNotRunAndCancelReportsWhetherTheEventWasPending() {
    Simulation sim = new Simulation(7L);
    List<Integer> ran = new ArrayList<>();
    long first = sim.schedule(10, () -> ran.add(1));
    long second = sim.schedule(20, () -> ran.add(2));

    assertThat(sim.cancel(second)).isTrue();
    assertThat(sim.cancel(second)).as("already cancelled").isFalse();
    sim.runUntilIdle();

    assertThat(ran).containsExactly(1);
    assertThat(sim.cancel(first)).as("already run").isFalse();
    assertThat(sim.cancel(EventQueue.NO_HANDLE)).isFalse();
  }

  @Test
  void stepRunsOneEventAndReportsWhenNoneIsLeft() {
    Simulation sim = new Simulation(7L);
    sim.schedule(3, () -> {});
    sim.schedule(4, () -> {});

    assertThat(sim.step()).isTrue();
    assertThat(sim.nowNanos()).isEqualTo(3);
    assertThat(sim.step()).isTrue();
    assertThat(sim.step()).isFalse();
    assertThat(sim.eventsExecuted()).isEqualTo(2);
  }

  @Test
  void randomStreamsAreCachedByName() {
    Simulation sim = new Simulation(7L);

    assertThat(sim.random("a")).isSameAs(sim.random("a"));
    assertThat(sim.random("a")).isNotSameAs(sim.random("b"));
  }

  /** A named event type, so the exception can be checked to carry the binary class name. */
  private static final class FailingAction implements Action {
    @Override
    public void run() {
      throw new IllegalStateException("boom");
    }
  }
}
