package org.cascadesim.models.runtime;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.TimeWeightedGauge;

/**
 * Go's model: one lightweight thread (goroutine) per request, unbounded, so nothing ever waits
 * for a worker. CPU steps run in parallel without limit (the machine's cores are not modelled
 * here); the number of goroutines in flight is the signal that something downstream is stuck.
 */
public final class GoroutineRuntime implements ServiceRuntime {
  private final Simulation sim;
  private final TimeWeightedGauge goroutines;
  private long live;

  /** Creates the runtime of service {@code service}. */
  public GoroutineRuntime(Simulation sim, String service) {
    this.sim = sim;
    this.goroutines = sim.metrics().gauge("service." + service + ".goroutines", sim.nowNanos());
  }

  @Override
  public boolean admit(Execution execution) {
    goroutines.set(sim.nowNanos(), ++live);
    execution.onWorker();
    return true;
  }

  @Override
  public void requestWorker(Execution execution) {
    execution.onWorker();
  }

  @Override
  public void release(Execution execution) {
    if (execution.isFinished()) {
      goroutines.set(sim.nowNanos(), --live);
    }
  }

  @Override
  public boolean holdsWorkerWhileWaiting() {
    return true;
  }

  @Override
  public boolean withdraw(Execution execution) {
    return false;
  }

  /** Returns the number of goroutines alive. */
  public long live() {
    return live;
  }
}
