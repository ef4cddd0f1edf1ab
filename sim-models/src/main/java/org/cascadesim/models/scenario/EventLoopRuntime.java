package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A Node.js process ({@code model: event-loop}): one event-loop thread runs every callback to
 * completion, first in, first out, so synchronous CPU work blocks every endpoint; {@code offload}
 * steps run on a worker pool instead.
 *
 * @param overheadNanos loop time each request costs before its handler runs (accept and parse)
 * @param workerPool the pool that {@code offload} steps run on
 * @param cores how many threads compute at full speed at once (the loop plus busy pool threads),
 *     or {@link ScenarioDefaults#UNBOUNDED} for no limit
 */
public record EventLoopRuntime(long overheadNanos, WorkerPoolSpec workerPool, int cores)
    implements RuntimeSpec {
  /** Checks the pool is present. */
  public EventLoopRuntime {
    Objects.requireNonNull(workerPool, "workerPool");
  }

  /** Whether the process's parallel CPU is capped by {@link #cores()}. */
  public boolean hasCoreLimit() {
    return cores != ScenarioDefaults.UNBOUNDED;
  }
}
