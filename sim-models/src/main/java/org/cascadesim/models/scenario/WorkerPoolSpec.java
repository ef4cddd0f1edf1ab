package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * The worker pool of an event-loop runtime ({@code workerPool: {kind: libuv, threads: 4}}).
 *
 * @param kind which Node pool it stands for
 * @param threads how many threads
 * @param callbackCostNanos loop time the completion callback of each offloaded task costs
 */
public record WorkerPoolSpec(WorkerPoolKind kind, int threads, long callbackCostNanos) {
  /** Checks the kind is present. */
  public WorkerPoolSpec {
    Objects.requireNonNull(kind, "kind");
  }

  /** The pool an event loop has when a scenario does not set {@code workerPool}. */
  public static WorkerPoolSpec defaults() {
    return new WorkerPoolSpec(
        WorkerPoolKind.LIBUV, ScenarioDefaults.LIBUV_THREADS, ScenarioDefaults.CALLBACK_COST_NANOS);
  }
}
