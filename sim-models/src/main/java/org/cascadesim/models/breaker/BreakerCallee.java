package org.cascadesim.models.breaker;

import org.cascadesim.core.Simulation;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;

/**
 * A callee seen through a circuit breaker, so that whatever sends calls to it (a {@link
 * GuardedCall}, a retrying layer) has each of them fired through the breaker and counted by it:
 * with a retrying layer in front this is resilience4j's aspect order {@code
 * Retry(CircuitBreaker(call))} (mechanisms.md b.3), every attempt a breaker call, a short-circuited
 * attempt included.
 *
 * <p>The call the breaker sends downstream carries a transport deadline: the caller's own deadline
 * when the caller has one (a retrying layer's attempt timeout, cut to its deadline), so an attempt
 * that times out is a failure the breaker records, otherwise {@code timeoutNanos}. A call whose
 * caller already gave up before the breaker sent it (it waited for a Bulkhead permit) is not sent;
 * the breaker sees it time out at once.
 *
 * @param sim the simulation
 * @param target the callee behind the breaker
 * @param timeoutNanos the transport deadline of a call whose caller has none, or {@link
 *     Invocation#NO_TIMEOUT}
 * @param cancelOnTimeout whether a transport deadline that fires cancels the callee's work
 * @param breaker the breaker every call goes through
 */
public record BreakerCallee(Simulation sim, Callee target, long timeoutNanos, boolean cancelOnTimeout, Breaker breaker)
    implements Callee {

  @Override
  public String name() {
    return target.name();
  }

  @Override
  public void accept(Invocation call) {
    breaker.fire(reply -> {
      if (call.isAnswered()) {
        sim.schedule(0, () -> reply.onReply(Outcome.TIMEOUT)); // not at once: a Bulkhead hand-off is mid-release
        return;
      }
      long timeout = call.deadlineNanos() == Invocation.NO_TIMEOUT
          ? timeoutNanos : Math.max(0, call.deadlineNanos() - sim.nowNanos());
      Invocation.send(sim, target, call.context(), timeout, cancelOnTimeout, reply);
    }, (result, outcome) -> call.complete(outcome));
  }
}
