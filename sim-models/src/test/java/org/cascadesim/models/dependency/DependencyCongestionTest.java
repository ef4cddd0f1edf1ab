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

/** latencyPerInFlight (Brooker's 1 s + 0.01 s per concurrent request) and the deadline-aware queue. */
class DependencyCongestionTest {
  private static final long MS = 1_000_000L;

  @Test
  void latencyGrowsByTheStepForEveryCallAlreadyInService() {
    Simulation sim = new Simulation(1);
    Dependency server = new Dependency(sim, "server", new Distribution.Constant(1000 * MS), 0,
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, List.of());
    server.congestion(10 * MS, false);
    List<Long> answeredAt = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Invocation.send(sim, server, new RequestContext(i, 1, null), Invocation.NO_TIMEOUT, false,
          outcome -> answeredAt.add(sim.nowNanos()));
    }
    sim.runUntilIdle();
    // Brooker's server: 1.0 s + 0.01 s x (calls already in service): 0, 1 and 2 of them.
    assertThat(answeredAt).containsExactly(1000 * MS, 1010 * MS, 1020 * MS);
  }

  @Test
  void aHugeStepSaturatesInsteadOfOverflowing() {
    // 999999999999ms per call in service (a fuzzed scenario): two in service would overflow a
    // long; the latency saturates at the end of time instead, and the calls stay in flight.
    Simulation sim = new Simulation(1);
    Dependency server = new Dependency(sim, "server", new Distribution.Constant(1000 * MS), 0,
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, List.of());
    server.congestion(999_999_999_999L * MS, false);
    for (int i = 0; i < 12; i++) {
      Invocation.send(sim, server, new RequestContext(i, 1, null), Invocation.NO_TIMEOUT, false, outcome -> { });
    }
    sim.runUntil(10_000 * MS);
    assertThat(server.stats().count(Outcome.OK)).isEqualTo(1);
    assertThat(server.stats().inFlight()).isEqualTo(11);
  }

  @Test
  void aDeadlineAwareQueueDropsCallsThatCannotFinishInTime() {
    Simulation sim = new Simulation(1);
    Dependency server = new Dependency(sim, "server", new Distribution.Constant(100 * MS), 0,
        1, Dependency.QueueOrder.FIFO, -1, List.of());
    server.congestion(0, true);
    Outcome[] outcomes = new Outcome[4];
    // Deadline 250 ms: the first runs 0-100, the second 100-200, the third would end at 300: dropped.
    for (int i = 0; i < 4; i++) {
      int index = i;
      Invocation.send(sim, server, new RequestContext(i, 1, null), 250 * MS, false, o -> outcomes[index] = o);
    }
    sim.runUntilIdle();
    assertThat(outcomes).containsExactly(Outcome.OK, Outcome.OK, Outcome.TIMEOUT, Outcome.TIMEOUT);
    // Only two calls used the server; the dropped ones are answered at once (gRPC's
    // DEADLINE_EXCEEDED) and cost nothing, so the run is over at 200 ms, not at 400 ms.
    assertThat(server.stats().count(Outcome.OK)).isEqualTo(2);
    assertThat(server.stats().count(Outcome.TIMEOUT)).isEqualTo(2);
    assertThat(sim.nowNanos()).isEqualTo(200 * MS);
  }

  @Test
  void withoutSheddingAbandonedCallsStillHoldTheServer() {
    Simulation sim = new Simulation(1);
    Dependency server = new Dependency(sim, "server", new Distribution.Constant(100 * MS), 0,
        1, Dependency.QueueOrder.FIFO, -1, List.of());
    for (int i = 0; i < 4; i++) {
      Invocation.send(sim, server, new RequestContext(i, 1, null), 250 * MS, false, outcome -> { });
    }
    sim.runUntilIdle();
    assertThat(server.stats().count(Outcome.OK)).isEqualTo(4);
    assertThat(sim.nowNanos()).isEqualTo(400 * MS);
  }
}
