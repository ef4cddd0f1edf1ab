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
 * with the failure. On a non-blocking runtime whatever ends a wait (a success, a failure, a
 * timeout, an early answer) queues for a worker before the handler goes on or ends: on an event
 * loop the error handler is a callback like any other. A downstream {@link Outcome#TIMEOUT} becomes {@link Outcome#ERROR} at this
 * hop, because "timeout" is reserved for the caller's own deadline. Frames with exit hooks (for
 * scoped resources) are unwound on every exit path.
 */
public final class Execution {

  private final Endpoint endpoint;
  private final Invocation call;
  private final Simulation sim;
  private final long startNanos;
  private Frame frame;
  private boolean onWorker;
  private boolean finished;
  private boolean cancelled;
  private boolean waitingForWorker;
  private long queuedSinceNanos;
  private boolean queuedAsNew;
  /** What the execution does when it next gets a worker: go on (null) or end with this outcome. */
  private Outcome endingOnWorker;
  private Runnable abortWait;
  private boolean degraded;

  Execution(Endpoint endpoint, Invocation call) {
    this.endpoint = endpoint;
    this.call = call;
    this.sim = endpoint.simulation();
    this.startNanos = sim.nowNanos();
    this.frame = new Frame(endpoint.program(), null, null);
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
    endingOnWorker = null;
    if (!endpoint.runtime().admit(this)) {
      waitingForWorker = false;
      finish(Outcome.REJECTED);
    }
  }

  /** Called by the runtime when the execution gets a worker. */
  public void onWorker() {
    onWorker = true;
    waitingForWorker = false;
    Outcome ending = endingOnWorker;
    endingOnWorker = null;
    continueWith(ending);
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
    resume(null);
  }

  /**
   * Aborts the handler with a failure: every open block's exit hook runs, innermost first, and the
   * request answers with the failure. A downstream timeout becomes an error at this hop. After a
   * wait on a non-blocking runtime the failure is a callback like a success: it queues for a worker
   * (the error handler runs on the event loop).
   */
  public void fail(Outcome outcome) {
    resume(outcome == Outcome.TIMEOUT ? Outcome.ERROR : outcome);
  }

  /**
   * Ends the handler early with this outcome as it is (a replayed idempotent response, a
   * fallback): every open block's exit hook runs first. After a wait on a non-blocking runtime
   * it queues for a worker, as {@link #fail(Outcome)} does.
   */
  public void answer(Outcome outcome) {
    resume(outcome);
  }

  /**
   * Runs the handler's next piece (go on when {@code ending} is null, else end with it; no
   * allocation on this per-step path): at once when the execution holds its worker (the step did not
   * wait, or the runtime keeps the worker across waits); otherwise, after a wait on a non-blocking
   * runtime, it is a callback that queues for a worker in the runtime's order, whether it goes on,
   * fails or answers (mechanisms.md d.1: every ready callback is served FIFO).
   */
  private void resume(Outcome ending) {
    if (finished) {
      return;
    }
    ServiceRuntime runtime = endpoint.runtime();
    if (!onWorker && !runtime.holdsWorkerWhileWaiting()) {
      waitingForWorker = true;
      endingOnWorker = ending;
      runtime.requestWorker(this);
      return;
    }
    continueWith(ending);
  }

  /** Goes on with the next step ({@code ending} null) or ends the handler with {@code ending}. */
  private void continueWith(Outcome ending) {
    if (ending == null) {
      advance();
    } else {
      finish(ending);
    }
  }

  /**
   * Runs {@code body} as a nested block, then continues after the step that opened it. {@code
   * onExit} (may be null) runs exactly once when the block ends, on every exit path: the block's
   * last step done, a failure, an early answer or the caller's cancellation. This is how scoped
   * resources ({@code with: pool}) are released: {@code defer Release(conn)}.
   */
  public void enterBlock(List<Step> body, Runnable onExit) {
    frame = new Frame(List.copyOf(body), onExit, frame);
    proceed();
  }

  /**
   * Marks the answer as degraded (a fallback replaced a failed call's result): when the handler
   * completes, the request answers {@link Outcome#DEGRADED} instead of {@link Outcome#OK}.
   */
  public void markDegraded() {
    degraded = true;
  }

  /** Returns the service's runtime. */
  public ServiceRuntime runtime() {
    return endpoint.runtime();
  }

  /** Returns the simulation. */
  public Simulation simulation() {
    return sim;
  }

  /** Returns the endpoint this execution runs. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** Returns whether the caller cancelled this execution's work. */
  public boolean isCancelled() {
    return cancelled;
  }

  private void advance() {
    if (cancelled) {
      finish(Outcome.TIMEOUT);
      return;
    }
    while (frame.pc == frame.steps.size()) {
      if (frame.parent == null) {
        finish(degraded ? Outcome.DEGRADED : Outcome.OK);
        return;
      }
      popFrame();
    }
    frame.steps.get(frame.pc++).run(this);
  }

  private void popFrame() {
    Frame done = frame;
    frame = done.parent;
    if (done.onExit != null) {
      done.onExit.run();
    }
  }

  /** Holds the worker for a duration drawn from {@code duration} (a {@code cpu} step). */
  public void cpu(Distribution duration) {
    long nanos = duration.sampleNanos(endpoint.stepRandom());
    endpoint.runtime().compute(sim, nanos, this::proceed);
  }

  /** Waits for a duration drawn from {@code duration} without needing a worker (an {@code io} step). */
  public void io(Distribution duration) {
    long nanos = duration.sampleNanos(endpoint.stepRandom());
    beginWait();
    sim.schedule(nanos, this::proceed);
  }

  /** Calls a callee with an optional deadline and fails the handler if the call fails. */
  public void call(Callee target, long timeoutNanos, boolean cancelOnTimeout) {
    beginWait();
    Invocation.send(sim, target, call.context(), timeoutNanos, cancelOnTimeout, outcome -> {
      if (outcome.isSuccess()) {
        proceed();
      } else {
        fail(outcome);
      }
    });
  }

  /**
   * Starts a wait (a call, I/O, a queue for a resource): a non-blocking runtime takes the worker
   * back; the step resumes with {@link #proceed()}, {@link #fail(Outcome)} or {@link
   * #answer(Outcome)} when the wait ends, each of which queues for a worker again first.
   */
  public void beginWait() {
    ServiceRuntime runtime = endpoint.runtime();
    if (onWorker && !runtime.holdsWorkerWhileWaiting()) {
      onWorker = false;
      runtime.release(this);
    }
  }

  /**
   * Starts a wait that the caller's cancellation ends at once, like {@link #beginWait()} otherwise:
   * if the caller cancels before {@link #endAbortableWait()}, {@code leave} runs (the request
   * leaves a pool's queue, as Go's {@code Acquire(ctx)} returns {@code ctx.Err()}) and the request
   * ends as timed out, unwinding its blocks.
   */
  public void beginAbortableWait(Runnable leave) {
    beginWait();
    abortWait = leave;
  }

  /** Ends the wait started by {@link #beginAbortableWait(Runnable)}; cancellation no longer aborts it. */
  public void endAbortableWait() {
    abortWait = null;
  }

  private void cancel() {
    cancelled = true;
    if (abortWait != null) {
      Runnable leave = abortWait;
      abortWait = null;
      leave.run();
      finish(Outcome.TIMEOUT);
      return;
    }
    if (waitingForWorker && endpoint.runtime().withdraw(this)) {
      waitingForWorker = false;
      finish(Outcome.TIMEOUT);
    }
  }

  /** One level of nesting: a block's steps, its program counter and its exit hook. */
  private static final class Frame {
    final List<Step> steps;
    final Runnable onExit;
    final Frame parent;
    int pc;

    Frame(List<Step> steps, Runnable onExit, Frame parent) {
      this.steps = steps;
      this.onExit = onExit;
      this.parent = parent;
    }
  }

  private void finish(Outcome outcome) {
    if (finished) {
      return;
    }
    finished = true;
    while (frame.parent != null) {
      popFrame();
    }
    if (onWorker) {
      onWorker = false;
      endpoint.runtime().release(this);
    }
    endpoint.finished(this, outcome, startNanos);
  }
}
