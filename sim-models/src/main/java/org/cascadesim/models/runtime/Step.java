package org.cascadesim.models.runtime;

import java.util.List;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;

/**
 * One step of an endpoint's handler program, written in the order the handler's code does it.
 * A step ends by calling {@link Execution#proceed()}, {@link Execution#fail(Outcome)} or {@link
 * Execution#answer(Outcome)}, or opens a nested block with {@link Execution#enterBlock}. New
 * kinds of step (scoped pool use, offloading, idempotency) are new implementations.
 */
public interface Step {

  /** Runs the step for an execution that is ready to run it. */
  void run(Execution execution);

  /** Synchronous CPU work: needs a worker and holds it for the drawn duration. */
  record Cpu(Distribution duration) implements Step {
    @Override
    public void run(Execution execution) {
      execution.cpu(duration);
    }
  }

  /** Waiting on I/O that is not modelled as a dependency (a disk read, a sleep). */
  record Io(Distribution duration) implements Step {
    @Override
    public void run(Execution execution) {
      execution.io(duration);
    }
  }

  /**
   * A call to a dependency or another service's endpoint, with the caller's optional deadline
   * ({@link Invocation#NO_TIMEOUT} for none) and whether the callee's work is cancelled when the
   * deadline wins.
   */
  record Call(Callee target, long timeoutNanos, boolean cancelOnTimeout) implements Step {
    @Override
    public void run(Execution execution) {
      execution.call(target, timeoutNanos, cancelOnTimeout);
    }
  }

  /** Returns an immutable copy of a program. */
  static List<Step> program(List<Step> steps) {
    return List.copyOf(steps);
  }
}
