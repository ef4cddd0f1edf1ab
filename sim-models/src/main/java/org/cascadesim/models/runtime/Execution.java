package org.cascadesim.models.runtime;

import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;

/**
 * One request being handled by an endpoint: a program counter over the endpoint's steps plus the
 * worker it holds, if any.
 *
 * <p>Life cycle: admitted by the service's runtime, it runs its steps in order; CPU steps need a
 * worker, waits (I/O, calls) give the worker back when the runtime is non-blocking; the first
 * failed call aborts the handler ({@code if err != nil { return err }}) and the request answers
 * with the failure. A downstream {@link Outcome#TIMEOUT} becomes {@link Outcome#ERROR} at this
 * hop, because "timeout" is reserved for the caller's own deadline. Frames with exit hooks (for
 * scoped resources) are unwound on every exit path.
 */
public final class Execution {

  private final Endpoint endpoint;
  private final Invocation call;
  private final Simulation sim;
  private final long startNanos;
  private List<Step> steps;
  private int pc;
  private boolean onWorker;
  private boolean finished;
  private boolean cancelled;
  private boolean waitingForWorker;
  private long queuedSinceNanos;
  private boolean queuedAsNew;
  private Runnable continuation;

  Execution(Endpoint endpoint, Invocation call) {
    this.endpoint = endpoint;
    this.call = call;
    this.sim = endpoint.simulation();
    this.startNanos = sim.nowNanos();
    this.steps = endpoint.program();
  }

  /** Returns the inbound call this execution answers. */
  public Invocation call() {
    return call;
  }

  /** Returns whether the execution has answered. */
  public boolean isFinished() {
    return finished;
  }

  void start() {
    call.onCancel(this::cancel);
    waitingForWorker = true;
    continuation = this::advance;
    if (!endpoint.runtime().admit(this)) {
      waitingForWorker = false;
      finish(Outcome.REJECTED);
    }
  }

  /** Called by the runtime when the execution gets a worker. */
  void onWorker() {
    onWorker = true;
    waitingForWorker = false;
    Runnable next = continuation;
    continuation = null;
    next.run();
  }

  void markQueued(long nowNanos, boolean asNew) {
    queuedSinceNanos = nowNanos;
    queuedAsNew = asNew;
  }

  long queuedSinceNanos() {
    return queuedSinceNanos;
  }

  boolean queuedAsNew() {
    return queuedAsNew;
  }

  /** Moves on to the next step. */
  public void proceed() {
    ServiceRuntime runtime = endpoint.runtime();
    if (!onWorker && !runtime.holdsWorkerWhileWaiting()) {
      waitingForWorker = true;
      continuation = this::advance;
      runtime.requestWorker(this);
      return;
    }
    advance();
  }

  /** Aborts the handler with a failure. */
  public void fail(Outcome outcome) {
    finish(outcome == Outcome.TIMEOUT ? Outcome.ERROR : outcome);
  }

  private void advance() {
    if (cancelled) {
      finish(Outcome.TIMEOUT);
      return;
    }
    if (pc == steps.size()) {
      finish(Outcome.OK);
      return;
    }
    steps.get(pc++).run(this);
  }

  void cpu(Distribution duration) {
    long nanos = duration.sampleNanos(endpoint.stepRandom());
    sim.schedule(nanos, this::proceed);
  }

  void io(Distribution duration) {
    long nanos = duration.sampleNanos(endpoint.stepRandom());
    beginWait();
    sim.schedule(nanos, this::proceed);
  }

  void call(Callee target, long timeoutNanos, boolean cancelOnTimeout) {
    beginWait();
    Invocation.send(sim, target, call.context(), timeoutNanos, cancelOnTimeout, outcome -> {
      if (outcome.isSuccess()) {
        proceed();
      } else {
        fail(outcome);
      }
    });
  }

  private void beginWait() {
    ServiceRuntime runtime = endpoint.runtime();
    if (onWorker && !runtime.holdsWorkerWhileWaiting()) {
      onWorker = false;
      runtime.release(this);
    }
  }

  private void cancel() {
    cancelled = true;
    if (waitingForWorker && endpoint.runtime().withdraw(this)) {
      waitingForWorker = false;
      finish(Outcome.TIMEOUT);
    }
  }

  private void finish(Outcome outcome) {
    if (finished) {
      return;
    }
    finished = true;
    if (onWorker) {
      onWorker = false;
      endpoint.runtime().release(this);
    }
    endpoint.finished(this, outcome, startNanos);
  }
}
