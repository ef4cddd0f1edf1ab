package org.cascadesim.models.run;

import org.cascadesim.core.Simulation;
import org.cascadesim.models.runtime.eventloop.CpuCores;
import org.cascadesim.models.runtime.eventloop.EventLoop;
import org.cascadesim.models.scenario.EventLoopRuntime;

/** Builds the runtime of an {@code event-loop} service from its spec, for {@link ModelAssembler}. */
final class EventLoopAssembly {
  private EventLoopAssembly() {}

  static EventLoop runtime(Simulation sim, String service, EventLoopRuntime spec) {
    EventLoop.Config config = new EventLoop.Config(
        spec.overheadNanos(),
        spec.workerPool().threads(),
        spec.workerPool().callbackCostNanos(),
        spec.hasCoreLimit() ? spec.cores() : CpuCores.UNLIMITED);
    return new EventLoop(sim, service, config);
  }
}
