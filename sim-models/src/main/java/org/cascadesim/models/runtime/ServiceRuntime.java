package org.cascadesim.models.runtime;

import org.cascadesim.core.Action;
import org.cascadesim.core.Simulation;

/**
 * How a service runs its handlers: who may execute CPU work, how many at once, and whether a
 * handler keeps its thread while it waits.
 *
 * <p>An {@link Execution} asks for a worker before it runs; the runtime grants it by calling
 * {@link Execution#onWorker()} (at once or later, in its queue order). A blocking runtime keeps
 * the worker across waits (a thread-per-request server); a non-blocking one takes it back at every
 * wait and queues the continuation when the wait ends (an event loop).
 */
public interface ServiceRuntime {

  /**
   * Admits a new request. Returns {@code false} when the runtime refuses it (a full queue); the
   * execution then ends as rejected.
   */
  boolean admit(Execution execution);

  /** Queues a continuation for a worker (non-blocking runtimes, after a wait). */
  void requestWorker(Execution execution);

  /** Gives back the worker the execution holds. */
  void release(Execution execution);

  /** Returns whether a handler keeps its worker while it waits on I/O or a call. */
  boolean holdsWorkerWhileWaiting();

  /** Removes an execution still waiting for a worker (its caller cancelled it); true if removed. */
  boolean withdraw(Execution execution);

  /**
   * Runs {@code nanos} of CPU work for a handler that holds a worker and calls {@code done} when
   * it is finished. By default the work runs at full speed; a runtime that models a limited
   * number of cores stretches it while other threads compete for them.
   */
  default void compute(Simulation sim, long nanos, Action done) {
    sim.schedule(nanos, done);
  }
}
