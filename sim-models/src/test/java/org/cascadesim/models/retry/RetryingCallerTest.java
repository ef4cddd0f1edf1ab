package org.cascadesim.models.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.junit.jupiter.api.Test;

/** The retrying layer against scripted callees: attempt count, shared key, backoff, deadline, budget. */
class RetryingCallerTest {

  private static final long MS = 1_000_000L;

  /** A callee that answers attempt i with script[i] after 10 ms, and logs what it saw. */
  static final class Scripted implements Callee {
    final Simulation sim;
    final Outcome[] script;
    final List<RequestContext> seen = new ArrayList<>();
    final List<Long> at = new ArrayList<>();

    Scripted(Simulation sim, Outcome... script) {
      this.sim = sim;
      this.script = script;
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public void accept(Invocation call) {
      Outcome o = script[Math.min(seen.size(), script.length - 1)];
      seen.add(call.context());
      at.add(sim.nowNanos());
      sim.schedule(10 * MS, () -> call.complete(o));
    }
  }

  private static RetryPolicy policy(int max, long deadline, RetryBudget budget) {
    return new RetryPolicy(max, Invocation.NO_TIMEOUT, deadline, List.of(Outcome.ERROR, Outcome.CONFLICT, Outcome.TIMEOUT),
        Backoff.aws(Backoff.Kind.EXPONENTIAL, 5 * MS, 1_000 * MS), () -> budget);
  }

  private static Outcome call(Simulation sim, Callee callee, long timeout) {
    Outcome[] seen = new Outcome[1];
    Invocation.send(sim, callee, new RequestContext(7, 1, null), timeout, false, o -> seen[0] = o);
    sim.runUntilIdle();
    return seen[0];
  }

  @Test
  void conflictsAreRetriedWithTheSameKeyAfterExponentialSleepsUntilSuccess() {
    Simulation sim = new Simulation(1);
    Scripted s = new Scripted(sim, Outcome.CONFLICT, Outcome.CONFLICT, Outcome.OK);
    RetryingCaller layer = new RetryingCaller(sim, "c", s, policy(5, Invocation.NO_TIMEOUT, new RetryBudget.Unlimited()), false, true);

    assertThat(call(sim, layer, Invocation.NO_TIMEOUT)).isEqualTo(Outcome.OK);
    assertThat(s.seen).extracting(RequestContext::attempt).containsExactly(1, 2, 3);
    assertThat(s.seen).extracting(RequestContext::idempotencyKey).containsOnly("c#7");
    assertThat(s.seen).extracting(RequestContext::requestId).containsOnly(7L);
    // answers after 10ms, sleeps 10ms (5 * 2^1) then 20ms (5 * 2^2)
    assertThat(s.at).containsExactly(0L, 20 * MS, 50 * MS);
    assertThat(layer.requests()).isEqualTo(1);
    assertThat(layer.attempts()).isEqualTo(3);
    assertThat(layer.attemptStats().balances()).isTrue();
  }

  @Test
  void theLastFailureIsReturnedWhenAttemptsAreExhaustedAndNonRetriedOutcomesAreFinal() {
    Simulation sim = new Simulation(1);
    Scripted s = new Scripted(sim, Outcome.ERROR);
    RetryingCaller layer = new RetryingCaller(sim, "c", s, policy(3, Invocation.NO_TIMEOUT, new RetryBudget.Unlimited()), false, false);
    assertThat(call(sim, layer, Invocation.NO_TIMEOUT)).isEqualTo(Outcome.ERROR);
    assertThat(s.seen).hasSize(3);
    assertThat(s.seen.get(0).idempotencyKey()).isNull();
    assertThat(layer.exhausted()).isEqualTo(1);

    Simulation sim2 = new Simulation(1);
    Scripted rejected = new Scripted(sim2, Outcome.REJECTED);
    RetryingCaller layer2 = new RetryingCaller(sim2, "c", rejected, policy(3, Invocation.NO_TIMEOUT, new RetryBudget.Unlimited()), false, false);
    assertThat(call(sim2, layer2, Invocation.NO_TIMEOUT)).isEqualTo(Outcome.REJECTED);
    assertThat(rejected.seen).hasSize(1);
  }

  @Test
  void theDeadlineCoversAllAttemptsAndStopsTheRetries() {
    Simulation sim = new Simulation(1);
    Scripted s = new Scripted(sim, Outcome.ERROR);
    // attempts at 0, 20, 50, 100 (sleeps 10, 20, 40); the deadline of 60ms falls in the third sleep window
    RetryingCaller layer = new RetryingCaller(sim, "c", s, policy(10, 60 * MS, new RetryBudget.Unlimited()), false, false);
    Outcome[] seen = new Outcome[1];
    long[] when = new long[1];
    Invocation.send(sim, layer, new RequestContext(1, 1, null), 60 * MS, false, o -> {
      seen[0] = o;
      when[0] = sim.nowNanos();
    });
    sim.runUntilIdle();
    assertThat(seen[0]).isEqualTo(Outcome.TIMEOUT);
    assertThat(when[0]).isEqualTo(60 * MS);
    assertThat(s.at).containsExactly(0L, 20 * MS, 50 * MS);
  }

  @Test
  void anExhaustedBudgetStopsRetriesAndCountsTheRefusal() {
    Simulation sim = new Simulation(1);
    Scripted s = new Scripted(sim, Outcome.ERROR);
    RetryBudget.AwsTokenBucket bucket = new RetryBudget.AwsTokenBucket(12, 5, 10, 1);
    RetryingCaller layer = new RetryingCaller(sim, "c", s, policy(10, Invocation.NO_TIMEOUT, bucket), false, false);
    assertThat(call(sim, layer, Invocation.NO_TIMEOUT)).isEqualTo(Outcome.ERROR);
    // 12 tokens pay for two retries of 5; the third is refused
    assertThat(s.seen).hasSize(3);
    assertThat(layer.budgetRefused()).isEqualTo(1);
    assertThat(bucket.tokens()).isEqualTo(2);
  }

  @Test
  void decideIsAPureFunctionOfAttemptsOutcomeTimeAndDeadline() {
    RetryPolicy p = policy(3, Invocation.NO_TIMEOUT, new RetryBudget.Unlimited());
    assertThat(p.decide(1, Outcome.OK, 0, Long.MAX_VALUE, 0)).isEqualTo(RetryPolicy.Decision.FINAL);
    assertThat(p.decide(1, Outcome.REJECTED, 0, Long.MAX_VALUE, 0)).isEqualTo(RetryPolicy.Decision.FINAL);
    assertThat(p.decide(1, Outcome.ERROR, 0, Long.MAX_VALUE, 0)).isEqualTo(RetryPolicy.Decision.RETRY);
    assertThat(p.decide(3, Outcome.ERROR, 0, Long.MAX_VALUE, 0)).isEqualTo(RetryPolicy.Decision.EXHAUSTED);
    assertThat(p.decide(1, Outcome.ERROR, 90, 100, 10)).isEqualTo(RetryPolicy.Decision.PAST_DEADLINE);
    assertThat(p.decide(1, Outcome.ERROR, 89, 100, 10)).isEqualTo(RetryPolicy.Decision.RETRY);
    assertThat(p.attemptTimeoutNanos(70, 100)).isEqualTo(30);
    assertThat(new RetryPolicy(3, 20, 100, List.of(), Backoff.aws(Backoff.Kind.NONE, 0, 0), RetryBudget.Unlimited::new)
        .attemptTimeoutNanos(10, 100)).isEqualTo(20);
  }
}
