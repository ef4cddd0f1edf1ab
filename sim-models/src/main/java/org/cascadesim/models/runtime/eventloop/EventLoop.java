package org.cascadesim.models.runtime.eventloop;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.cascadesim.core.Action;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.LatencyRecorder;
import org.cascadesim.core.metrics.TimeWeightedGauge;
import org.cascadesim.models.runtime.Execution;
import org.cascadesim.models.runtime.ServiceRuntime;

/**
 * A Node.js process: one event-loop thread that runs ready callbacks first in, first out, each to
 * completion with no preemption, plus a {@link WorkerPool} that {@link Offload} steps hand CPU
 * work to (Node docs, "The Node.js Event Loop" and "Don't Block the Event Loop"; libuv
 * threadpool docs).
 *
 * <p>A callback is a request's start (accept and parse cost {@code overheadNanos} of loop time
 * first) or a continuation after a wait: an {@code io} timer, a call's answer, an offloaded task's
 * completion. {@code cpu} steps run on the loop and block it, so every other ready callback,
 * timers included, waits behind them; a wait gives the loop back. The phase order of one loop
 * iteration (timers, poll, check) is not modelled: ties between phases are served in the order
 * they became ready.
 *
 * <p>Metrics: {@code service.<name>.loop.lag} (event-loop lag: the delay between a callback
 * becoming ready and starting, the signal Node's {@code monitorEventLoopDelay} samples), {@code
 * service.<name>.loop.busy} (0 or 1; its mean is the loop's utilisation) and {@code
 * service.<name>.loop.queue} (ready callbacks waiting), plus the pool's and the cores' metrics.
 */
public final class EventLoop implements ServiceRuntime {

  /**
   * How the process is configured.
   *
   * @param overheadNanos loop time every request costs before its handler runs (accept, parse)
   * @param poolThreads the worker pool's threads
   * @param callbackCostNanos loop time the completion callback of an offloaded task costs
   * @param cores how many threads compute at full speed at once, or {@link CpuCores#UNLIMITED}
   */
  public record Config(long overheadNanos, int poolThreads, long callbackCostNanos, int cores) {
    /** Checks the ranges. */
    public Config {
      if (overheadNanos < 0) {
        throw new IllegalArgumentException("overheadNanos must be >= 0 (was " + overheadNanos + ")");
      }
    }
  }

  private final Simulation sim;
  private final long overheadNanos;
  private final CpuCores cpu;
  private final WorkerPool pool;
  private final ArrayDeque<Ready> ready = new ArrayDeque<>();
  private final TimeWeightedGauge busyGauge;
  private final TimeWeightedGauge queueGauge;
  private final LatencyRecorder lagRecorder;
  private boolean busy;
  private boolean dispatching;

  /** Creates the runtime of service {@code service}. */
  public EventLoop(Simulation sim, String service, Config config) {
    this.sim = sim;
    this.overheadNanos = config.overheadNanos();
    String prefix = "service." + service + ".loop";
    this.busyGauge = sim.metrics().gauge(prefix + ".busy", sim.nowNanos());
    this.queueGauge = sim.metrics().gauge(prefix + ".queue", sim.nowNanos());
    this.lagRecorder = sim.metrics().latency(prefix + ".lag");
    this.cpu = new CpuCores(sim, service, config.cores());
    this.pool = new WorkerPool(sim, service, config.poolThreads(), config.callbackCostNanos(), cpu);
  }

  /** Returns the worker pool that offloaded work runs on. */
  public WorkerPool pool() {
    return pool;
  }

  /** Returns the process's cores. */
  public CpuCores cpu() {
    return cpu;
  }

  /** Returns whether a callback is running on the loop. */
  public boolean isBusy() {
    return busy;
  }

  /** Returns how many ready callbacks wait for the loop. */
  public int queued() {
    return ready.size();
  }

  @Override
  public boolean admit(Execution execution) {
    // Node accepts every connection (the kernel's listen backlog is not modelled).
    enqueue(execution, true);
    return true;
  }

  @Override
  public void requestWorker(Execution execution) {
    enqueue(execution, false);
  }

  @Override
  public void release(Execution execution) {
    busy = false;
    busyGauge.set(sim.nowNanos(), 0);
    dispatch();
  }

  @Override
  public boolean holdsWorkerWhileWaiting() {
    return false;
  }

  @Override
  public boolean withdraw(Execution execution) {
    for (Iterator<Ready> it = ready.iterator(); it.hasNext(); ) {
      if (it.next().execution() == execution) {
        it.remove();
        queueGauge.set(sim.nowNanos(), ready.size());
        return true;
      }
    }
    return false;
  }

  @Override
  public void compute(Simulation simulation, long nanos, Action done) {
    cpu.compute(nanos, done);
  }

  private void enqueue(Execution execution, boolean isNew) {
    ready.addLast(new Ready(execution, sim.nowNanos(), isNew));
    queueGauge.set(sim.nowNanos(), ready.size());
    dispatch();
  }

  /**
   * Starts ready callbacks while the loop is free. A callback that gives the loop back at once
   * returns here instead of starting the next one itself, so a long run of such callbacks does
   * not nest on the Java stack.
   */
  private void dispatch() {
    if (dispatching) {
      return;
    }
    dispatching = true;
    try {
      while (!busy && !ready.isEmpty()) {
        Ready next = ready.pollFirst();
        long now = sim.nowNanos();
        queueGauge.set(now, ready.size());
        busy = true;
        busyGauge.set(now, 1);
        lagRecorder.record(now, now - next.sinceNanos());
        Execution execution = next.execution();
        if (next.isNew() && overheadNanos > 0) {
          cpu.compute(overheadNanos, execution::onWorker);
        } else {
          execution.onWorker();
        }
      }
    } finally {
      dispatching = false;
    }
  }

  /** A callback waiting for the loop: whose, since when, and whether it starts a request. */
  private record Ready(Execution execution, long sinceNanos, boolean isNew) {}
}
