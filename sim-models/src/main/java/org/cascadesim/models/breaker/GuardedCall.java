package org.cascadesim.models.breaker;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.runtime.Execution;
import org.cascadesim.models.runtime.Step;

/**
 * A call step through a circuit breaker ({@code call: {to: provider, breaker: provider}}): the
 * breaker decides whether to send the call; a success continues the handler; anything else fails
 * the handler (fallback {@code error}), or waits the fallback's latency and continues with the
 * request marked {@link org.cascadesim.models.request.Outcome#DEGRADED} (fallback {@code
 * degraded}), as opossum's {@code fallback()} and resilience4j's {@code withFallback} replace
 * the failed result.
 *
 * <p>The target is the callee seen through the breaker ({@link BreakerCallee}), or a retrying
 * layer in front of it when the call has a {@code retry}: the fallback then replaces the retried
 * call's final outcome, {@code Fallback(Retry(CircuitBreaker(call)))}.
 *
 * <p>The handler keeps its worker until the call is out (sent, waiting for a retry or queued for a
 * bulkhead permit): a call the breaker refuses at once (short-circuited, a full semaphore or
 * bulkhead) fails within the same callback, as a rejected promise's handler runs as a microtask
 * before the event loop moves on; an answer that comes back later (the callee's failure, a
 * timeout) is a callback that queues for the loop like a success ({@link Execution#fail}).
 *
 * @param target the callee through the breaker, possibly behind a retrying layer
 * @param timeoutNanos the step's deadline on {@code target} (a retry deadline over all attempts),
 *     or {@link Invocation#NO_TIMEOUT}
 * @param cancelOnTimeout whether that deadline cancels the target's work
 * @param fallback what a failed call does
 * @param fallbackLatency how long the degraded fallback takes
 * @param fallbackRandom the stream the fallback latency is drawn from
 */
public record GuardedCall(
    Callee target,
    long timeoutNanos,
    boolean cancelOnTimeout,
    Fallback fallback,
    Distribution fallbackLatency,
    RandomStream fallbackRandom) implements Step {

  /** What a call that the breaker did not let succeed does. */
  public enum Fallback {
    /** Fail fast: the handler fails with the breaker's outcome (short-circuited, rejected, error). */
    ERROR,
    /** Serve a degraded answer: wait the fallback latency, continue, answer DEGRADED. */
    DEGRADED
  }

  @Override
  public void run(Execution execution) {
    Simulation sim = execution.simulation();
    boolean[] answered = {false};
    Invocation.send(sim, target, execution.call().context(), timeoutNanos, cancelOnTimeout,
        outcome -> {
          answered[0] = true;
          if (outcome.isSuccess()) {
            execution.proceed();
          } else if (fallback == Fallback.DEGRADED) {
            execution.beginWait();
            sim.schedule(fallbackLatency.sampleNanos(fallbackRandom), () -> {
              execution.markDegraded();
              execution.proceed();
            });
          } else {
            execution.fail(outcome);
          }
        });
    if (!answered[0]) {
      execution.beginWait(); // the call is out: the worker is free meanwhile
    }
  }
}
