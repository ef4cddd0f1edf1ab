package org.cascadesim.spark;

import java.io.Serializable;

/**
 * A test seam called on the executor after a run's simulation and before its result is returned,
 * with Spark's attempt number; a hook that throws on the first attempt makes Spark retry the task
 * (up to {@code spark.task.maxFailures}, or F in {@code local[N,F]}), which is how tests show that
 * retries do not change the results. Production uses {@link #NONE}.
 */
@FunctionalInterface
public interface TaskHook extends Serializable {
  /** The hook that does nothing. */
  TaskHook NONE = (task, attempt) -> { };

  /** Called after {@code task} ran on attempt {@code attempt} (0 for the first). */
  void afterRun(RunTask task, int attempt);
}
