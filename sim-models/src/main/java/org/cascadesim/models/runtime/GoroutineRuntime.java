package org.cascadesim.models.runtime;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.TimeWeightedGauge;

/**
 * Go's model: one lightweight thread (goroutine) per request, unbounded, so nothing ever waits
 * for a worker. CPU steps run in parallel without limit (the machine's cores are not modelled
 * here); the number of goroutines in flight is the signal that something downstream is stuck.
 * It also reports an estimate of their memory, {@code live x bytesPerGoroutine} (gauge {@code
 * service.<name>.goroutine-bytes}): Go's {@code net/http} server has no request timeout by
 * default, so a stalled dependency grows this without bound (mechanisms.md c.4).
 */
public final class GoroutineRuntime implements ServiceRuntime {
  /**
   * The default memory estimate of one in-flight request's goroutine, 8 KiB: Go's minimum stack
   * is 2 KiB and grows by doubling, and a handler that calls a database driver and an HTTP client
   * typically reaches 4 to 8 KiB (docs/scenario-reference.md, {@code bytesPerGoroutine}).
   */
  public static final long DEFAULT_BYTES_PER_GOROUTINE = 8 * 1024;

  private final Simulation sim;
  private final TimeWeightedGauge goroutines;
  private final TimeWeightedGauge memory;
  private final long bytesPerGoroutine;
  private long live;

  /** Creates the runtime of service {@code service} with the default memory estimate per goroutine. */
  public GoroutineRuntime(Simulation sim, String service) {
    this(sim, service, DEFAULT_BYTES_PER_GOROUTINE);
  }

  /** Creates the runtime of service {@code service}, estimating {@code bytesPerGoroutine} per goroutine. */
  public GoroutineRuntime(Simulation sim, String service, long bytesPerGoroutine) {
    this.sim = sim;
    this.bytesPerGoroutine = bytesPerGoroutine;
    this.goroutines = sim.metrics().gauge("service." + service + ".goroutines", sim.nowNanos());
    this.memory = sim.metrics().gauge("service." + service + ".goroutine-bytes", sim.nowNanos());
  }

  @Override
  public boolean admit(Execution execution) {
    goroutines.set(sim.nowNanos(), ++live);
    memory.set(sim.nowNanos(), live * bytesPerGoroutine);
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
      memory.set(sim.nowNanos(), live * bytesPerGoroutine);
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
