package org.cascadesim.models.breaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cascadesim.models.breaker.Harness.MS;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.junit.jupiter.api.Test;

/** A callee through a breaker: the caller's deadline becomes the breaker call's transport deadline. */
class BreakerCalleeTest {

  /** Answers OK after 50 ms and counts the calls it got. */
  private static final class Slow implements Callee {
    final Simulation sim;
    int calls;

    Slow(Simulation sim) {
      this.sim = sim;
    }

    @Override
    public String name() {
      return "slow";
    }

    @Override
    public void accept(Invocation call) {
      calls++;
      sim.schedule(50 * MS, () -> call.complete(Outcome.OK));
    }
  }

  private static Outcome[] send(Simulation sim, Callee callee, long timeoutNanos, List<Long> answeredAt) {
    Outcome[] seen = new Outcome[1];
    Invocation.send(sim, callee, new RequestContext(1, 1, null), timeoutNanos, false, o -> {
      seen[0] = o;
      answeredAt.add(sim.nowNanos());
    });
    return seen;
  }

  @Test
  void theCallersDeadlineIsTheTransportDeadlineSoTheBreakerRecordsATimeoutAsAFailure() {
    Simulation sim = new Simulation(1);
    Slow slow = new Slow(sim);
    Resilience4jBreaker b = new Resilience4jBreaker(sim, "svc", "b", Resilience4jConfig.defaults());
    BreakerCallee through = new BreakerCallee(sim, slow, Invocation.NO_TIMEOUT, false, b);
    List<Long> at = new ArrayList<>();
    Outcome[] late = send(sim, through, 20 * MS, at);
    Outcome[] inTime = send(sim, through, Invocation.NO_TIMEOUT, at);
    sim.runUntilIdle();

    assertThat(late[0]).isEqualTo(Outcome.TIMEOUT);
    assertThat(inTime[0]).isEqualTo(Outcome.OK);
    assertThat(at).containsExactly(20 * MS, 50 * MS);
    assertThat(b.summary().count(CallResult.FAILURE)).isEqualTo(1);
    assertThat(b.summary().count(CallResult.SUCCESS)).isEqualTo(1);
    assertThat(slow.calls).isEqualTo(2);
  }

  @Test
  void aCallWhoseCallerGaveUpWhileWaitingForTheBulkheadIsNotSentAndCountsAsAFailure() {
    Simulation sim = new Simulation(1);
    Slow slow = new Slow(sim);
    Resilience4jBreaker b = new Resilience4jBreaker(sim, "svc", "b",
        Resilience4jConfig.defaults().withGuards(0, 1, 1_000 * MS));
    BreakerCallee through = new BreakerCallee(sim, slow, Invocation.NO_TIMEOUT, false, b);
    List<Long> at = new ArrayList<>();
    Outcome[] holder = send(sim, through, Invocation.NO_TIMEOUT, at); // holds the one permit 0..50 ms
    Outcome[] waiter = send(sim, through, 20 * MS, at);                // waits, gives up at 20 ms
    Outcome[] next = send(sim, through, Invocation.NO_TIMEOUT, at);    // waits behind it
    sim.runUntilIdle();

    assertThat(holder[0]).isEqualTo(Outcome.OK);
    assertThat(waiter[0]).isEqualTo(Outcome.TIMEOUT);
    assertThat(next[0]).isEqualTo(Outcome.OK);
    // The waiter's permit at 50 ms goes straight to the next call, which answers at 100 ms.
    assertThat(at).containsExactly(20 * MS, 50 * MS, 100 * MS);
    assertThat(slow.calls).isEqualTo(2);
    BreakerSummary s = b.summary();
    assertThat(s.calls()).isEqualTo(3);
    assertThat(s.count(CallResult.FAILURE)).isEqualTo(1);
    assertThat(s.count(CallResult.SUCCESS)).isEqualTo(2);
    assertThat(s.inFlight()).isZero();
  }
}
