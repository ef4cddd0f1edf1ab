package org.cascadesim.models.retry;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.event.EventQueue;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.cascadesim.models.stats.TrafficStats;

/**
 * One retrying layer (a client's SDK, a service's call site) in front of a callee: every call it
 * accepts is a logical request that it sends as up to {@code maxAttempts} attempts, all carrying
 * the request's id and idempotency key, with backoff sleeps between them and a budget shared by
 * all its requests (Stripe's SDKs retry 409 this way; gRFC A6 for the deadline over all attempts).
 *
 * <p>The caller sees one answer per logical request: the first success, or the last failure when
 * the outcome is not retried, attempts are exhausted or the budget refuses; {@link Outcome#TIMEOUT}
 * when the deadline passes. Books: {@code retry.<layer>.requests} and {@code .attempts} (their
 * ratio is the layer's retry amplification), {@code .retries}, {@code .budget-refused}, {@code
 * .exhausted}, and per-attempt traffic books under {@code retry.<layer>.attempt}.
 */
public final class RetryingCaller implements Callee {
  private final Simulation sim;
  private final String layer;
  private final Callee target;
  private final RetryPolicy policy;
  private final boolean cancelOnTimeout;
  private final boolean assignKeys;
  private final RetryBudget budget;
  private final RandomStream backoffRandom;
  private final Counter requests;
  private final Counter attempts;
  private final Counter retries;
  private final Counter budgetRefused;
  private final Counter exhausted;
  private final TrafficStats attemptStats;
  /** Requests accepted until the warm-up ended, pruned of answered ones now and then; null after it. */
  private java.util.ArrayList<Logical> open = new java.util.ArrayList<>();
  private int pruneAt = 64;

  /**
   * Creates a layer.
   *
   * @param layer the layer's display name ({@code client shoppers}, {@code payments /charge -> provider})
   * @param cancelOnTimeout whether an attempt's work is cancelled when its timeout wins
   * @param assignKeys whether a request without an idempotency key gets one, shared by its attempts
   */
  public RetryingCaller(Simulation sim, String layer, Callee target, RetryPolicy policy,
      boolean cancelOnTimeout, boolean assignKeys) {
    this.sim = sim;
    this.layer = layer;
    this.target = target;
    this.policy = policy;
    this.cancelOnTimeout = cancelOnTimeout;
    this.assignKeys = assignKeys;
    this.budget = policy.budget().get();
    this.backoffRandom = sim.random("retry." + layer + ".backoff");
    var metrics = sim.metrics();
    String prefix = "retry." + layer;
    this.requests = metrics.counter(prefix + ".requests");
    this.attempts = metrics.counter(prefix + ".attempts");
    this.retries = metrics.counter(prefix + ".retries");
    this.budgetRefused = metrics.counter(prefix + ".budget-refused");
    this.exhausted = metrics.counter(prefix + ".exhausted");
    this.attemptStats = new TrafficStats(sim, prefix + ".attempt");
  }

  @Override
  public String name() {
    return target.name();
  }

  /** Returns the layer's display name. */
  public String layer() {
    return layer;
  }

  /** Returns the policy. */
  public RetryPolicy policy() {
    return policy;
  }

  /** Returns the budget shared by this layer's requests. */
  public RetryBudget budget() {
    return budget;
  }

  /** Returns the number of logical requests accepted. */
  public long requests() {
    return requests.count();
  }

  /** Returns the number of attempts sent. */
  public long attempts() {
    return attempts.count();
  }

  /** Returns the number of retries the budget refused. */
  public long budgetRefused() {
    return budgetRefused.count();
  }

  /** Returns the number of requests that failed after their last allowed attempt. */
  public long exhausted() {
    return exhausted.count();
  }

  /** Returns the per-attempt books (latency of each attempt from its own send). */
  public TrafficStats attemptStats() {
    return attemptStats;
  }

  @Override
  public void accept(Invocation call) {
    requests.increment(sim.nowNanos());
    budget.onRequest(sim.nowNanos());
    Logical request = new Logical(call);
    if (open != null) {
      open.add(request);
      if (open.size() >= pruneAt) {
        open.removeIf(r -> r.outer.isAnswered());
        pruneAt = Math.max(64, 2 * open.size());
      }
    }
    call.onCancel(request::cancel);
    request.send();
  }

  /**
   * Restarts the request count after the registry's totals were reset at the end of a warm-up the
   * way client books do: requests still unanswered count as accepted in the measured period, so
   * the layer's requests match its client's.
   */
  public void rebaseAfterWarmup() {
    long unanswered = 0;
    if (open != null) {
      for (Logical r : open) {
        if (!r.outer.isAnswered()) {
          unanswered++;
        }
      }
    }
    requests.resetTotal(unanswered);
    open = null;
  }

  /** One logical request: its attempts so far and the sleep between them. */
  private final class Logical {
    final Invocation outer;
    final RequestContext context;
    final long deadlineAtNanos;
    int attemptsMade;
    long previousSleepNanos;
    long lastRetryCost;
    long sleepHandle = EventQueue.NO_HANDLE;
    boolean done;

    Logical(Invocation outer) {
      this.outer = outer;
      RequestContext c = outer.context();
      String key = c.idempotencyKey() == null && assignKeys ? layer + "#" + c.requestId() : c.idempotencyKey();
      this.context = new RequestContext(c.requestId(), c.attempt(), key);
      this.deadlineAtNanos = policy.deadlineNanos() == Invocation.NO_TIMEOUT
          ? Long.MAX_VALUE : outer.startNanos() + policy.deadlineNanos();
    }

    void send() {
      sleepHandle = EventQueue.NO_HANDLE;
      if (done || outer.isAnswered()) {
        return;
      }
      long now = sim.nowNanos();
      long timeout = policy.attemptTimeoutNanos(now, deadlineAtNanos);
      if (timeout == 0) {
        finish(Outcome.TIMEOUT);
        return;
      }
      attemptsMade++;
      attempts.increment(now);
      attemptStats.start();
      RequestContext attempt = new RequestContext(context.requestId(), attemptsMade, context.idempotencyKey());
      Invocation.send(sim, target, attempt, timeout, cancelOnTimeout, outcome -> onAttempt(outcome, now));
    }

    void onAttempt(Outcome outcome, long sentNanos) {
      long now = sim.nowNanos();
      attemptStats.finish(outcome, sentNanos);
      boolean retryable = policy.retries(outcome);
      budget.onAttempt(now, outcome, retryable);
      if (done || outer.isAnswered()) {
        done = true;
        return;
      }
      if (outcome.isSuccess()) {
        budget.onRequestSucceeded(now, lastRetryCost);
        finish(outcome);
        return;
      }
      long sleep = retryable && attemptsMade < policy.maxAttempts() ? drawSleep() : 0;
      switch (policy.decide(attemptsMade, outcome, now, deadlineAtNanos, sleep)) {
        case FINAL:
          finish(outcome);
          return;
        case EXHAUSTED:
          exhausted.increment(now);
          finish(outcome);
          return;
        case PAST_DEADLINE:
          sleepHandle = sim.scheduleAt(deadlineAtNanos, () -> finish(Outcome.TIMEOUT));
          return;
        default:
          long cost = budget.tryRetry(now, outcome);
          if (cost == RetryBudget.REFUSED) {
            budgetRefused.increment(now);
            finish(outcome);
            return;
          }
          lastRetryCost = cost;
          previousSleepNanos = sleep;
          retries.increment(now);
          sleepHandle = sim.schedule(sleep, this::send);
      }
    }

    private long drawSleep() {
      Backoff backoff = policy.backoff();
      double u = backoff.kind().isRandom() ? backoffRandom.nextDouble() : 0.0;
      return backoff.sleepNanos(attemptsMade, previousSleepNanos, u);
    }

    void finish(Outcome outcome) {
      if (done) {
        return;
      }
      done = true;
      outer.complete(outcome);
    }

    void cancel() {
      done = true;
      sim.cancel(sleepHandle);
    }
  }
}
