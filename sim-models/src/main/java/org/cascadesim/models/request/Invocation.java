package org.cascadesim.models.request;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.event.EventQueue;

/**
 * One call from a caller to a {@link Callee}, with the caller's optional deadline.
 *
 * <p>The first of the callee's answer and the caller's deadline wins; the loser is ignored. When
 * the deadline wins, the caller sees {@link Outcome#TIMEOUT} at once, and the callee keeps working
 * (its capacity stays consumed) unless the call was made with cancellation, which is how a Go
 * context around a cancellable call, or opossum and resilience4j's time limiter with
 * cancellation, behave. Without it the work runs to completion unobserved, like an uncancellable
 * provider call.
 */
public final class Invocation {

  /** Receives the answer of a call. */
  @FunctionalInterface
  public interface Reply {
    /** Called exactly once per call with its outcome. */
    void onReply(Outcome outcome);
  }

  /** A timeout meaning "no deadline". */
  public static final long NO_TIMEOUT = -1;

  private final Simulation sim;
  private final RequestContext context;
  private final long startNanos;
  private final Reply reply;
  private final boolean cancelOnTimeout;
  private long timeoutHandle = EventQueue.NO_HANDLE;
  private long deadlineNanos = NO_TIMEOUT;
  private boolean answered;
  private boolean cancelled;
  private Runnable onCancel;

  private Invocation(
      Simulation sim, RequestContext context, Reply reply, boolean cancelOnTimeout) {
    this.sim = sim;
    this.context = context;
    this.startNanos = sim.nowNanos();
    this.reply = reply;
    this.cancelOnTimeout = cancelOnTimeout;
  }

  /**
   * Sends a call now.
   *
   * @param timeoutNanos the caller's deadline from now, or {@link #NO_TIMEOUT}
   * @param cancelOnTimeout whether the callee's work is cancelled when the deadline wins
   */
  public static Invocation send(
      Simulation sim,
      Callee callee,
      RequestContext context,
      long timeoutNanos,
      boolean cancelOnTimeout,
      Reply reply) {
    Invocation call = new Invocation(sim, context, reply, cancelOnTimeout);
    if (timeoutNanos >= 0) {
      call.deadlineNanos = sim.nowNanos() + timeoutNanos;
      call.timeoutHandle = sim.schedule(timeoutNanos, call::expire);
    }
    callee.accept(call);
    return call;
  }

  /** Returns the request this call belongs to. */
  public RequestContext context() {
    return context;
  }

  /** Returns when the call was sent. */
  public long startNanos() {
    return startNanos;
  }

  /** Returns the caller's deadline (absolute simulated time), or {@link #NO_TIMEOUT} when it has none. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** Returns whether the caller has had its answer (from the callee or from its deadline). */
  public boolean isAnswered() {
    return answered;
  }

  /** Returns whether the caller cancelled the work; a callee drops cancelled work when it can. */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Registers what the callee does when the work is cancelled (drop it from a queue, free a
   * server); replaces any earlier hook. Runs at most once.
   */
  public void onCancel(Runnable hook) {
    this.onCancel = hook;
  }

  /** The callee's answer; ignored when the caller's deadline already won. */
  public void complete(Outcome outcome) {
    if (answered) {
      return;
    }
    answered = true;
    sim.cancel(timeoutHandle);
    onCancel = null;
    reply.onReply(outcome);
  }

  private void expire() {
    if (answered) {
      return;
    }
    answered = true;
    if (cancelOnTimeout) {
      cancelled = true;
      Runnable hook = onCancel;
      onCancel = null;
      if (hook != null) {
        hook.run();
      }
    }
    reply.onReply(Outcome.TIMEOUT);
  }
}
