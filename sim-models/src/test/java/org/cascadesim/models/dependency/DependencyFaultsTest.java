package org.cascadesim.models.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.junit.jupiter.api.Test;

/** Fault windows: each acts on the calls that start inside it, and overlapping ones combine. */
class DependencyFaultsTest {
  private static final long MS = 1_000_000L;

  private record Answer(long startNanos, long answerNanos, Outcome outcome) {}

  /** Sends one call every 100 ms from 0 to 900 ms and records when and how each is answered. */
  private static List<Answer> callsEvery100ms(List<FaultPhase> faults) {
    Simulation sim = new Simulation(1);
    Dependency dep = new Dependency(sim, "dep", new Distribution.Constant(10 * MS), 0,
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, faults);
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long start = i * 100 * MS;
      int id = i;
      sim.scheduleAt(start, () -> Invocation.send(sim, dep, new RequestContext(id, 1, null), 500 * MS, false,
          outcome -> answers.add(new Answer(start, sim.nowNanos(), outcome))));
    }
    sim.runUntilIdle();
    answers.sort(java.util.Comparator.comparingLong(Answer::startNanos));
    return answers;
  }

  private static FaultPhase latency(long fromMs, long toMs, long latencyMs) {
    return new FaultPhase(fromMs * MS, toMs * MS, new Distribution.Constant(latencyMs * MS), Double.NaN, false);
  }

  private static FaultPhase errors(long fromMs, long toMs, double rate) {
    return new FaultPhase(fromMs * MS, toMs * MS, null, rate, false);
  }

  @Test
  void overlappingLatencyAndErrorFaultsGiveSlowCallsThatFail() {
    // latency 50 ms in [200, 600), every call failing in [400, 800).
    List<Answer> answers = callsEvery100ms(List.of(latency(200, 600, 50), errors(400, 800, 1.0)));
    for (Answer a : answers) {
      long startMs = a.startNanos() / MS;
      long expectedLatencyMs = startMs >= 200 && startMs < 600 ? 50 : 10;
      Outcome expected = startMs >= 400 && startMs < 800 ? Outcome.ERROR : Outcome.OK;
      assertThat(a.answerNanos() - a.startNanos()).as("call at %d ms", startMs).isEqualTo(expectedLatencyMs * MS);
      assertThat(a.outcome()).as("call at %d ms", startMs).isEqualTo(expected);
    }
    assertThat(answers).hasSize(10);
  }

  @Test
  void whenTwoActiveFaultsSetTheSameEffectTheOneListedFirstApplies() {
    List<Answer> answers = callsEvery100ms(List.of(latency(300, 500, 70), latency(0, 1000, 30)));
    assertThat(answers).extracting(a -> (a.answerNanos() - a.startNanos()) / MS)
        .containsExactly(30L, 30L, 30L, 70L, 70L, 30L, 30L, 30L, 30L, 30L);
  }

  @Test
  void aHangOverlappingAnotherFaultStillHangs() {
    FaultPhase hang = new FaultPhase(300 * MS, 500 * MS, null, Double.NaN, true);
    List<Answer> answers = callsEvery100ms(List.of(latency(0, 1000, 30), hang));
    // Calls started at 300 and 400 ms never answer: the caller's 500 ms timeout ends them.
    assertThat(answers).extracting(Answer::outcome).containsExactly(Outcome.OK, Outcome.OK, Outcome.OK,
        Outcome.TIMEOUT, Outcome.TIMEOUT, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK);
    assertThat(answers.get(3).answerNanos() - answers.get(3).startNanos()).isEqualTo(500 * MS);
  }
}
