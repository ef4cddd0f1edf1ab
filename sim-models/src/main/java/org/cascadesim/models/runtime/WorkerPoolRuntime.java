package org.cascadesim.models.runtime;

import java.util.ArrayDeque;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.LatencyRecorder;
import org.cascadesim.core.metrics.TimeWeightedGauge;

/**
 * A fixed set of worker threads fed by one first-in-first-out queue.
 *
 * <p>Blocking, it is a thread-per-request server (a servlet container's pool): a request holds
 * its thread from admission to its answer, waits included, so a slow dependency exhausts the pool.
 * Non-blocking with one thread, it is an event loop: every callback (the request's start and each
 * continuation after a wait) queues for the loop and runs to completion. The time a callback or
 * request waits in the queue is recorded as {@code service.<name>.wait} (for an event loop, the
 * event-loop lag).
 */
public final class WorkerPoolRuntime implements ServiceRuntime {

  /** A queue with no limit. */
  public static final int UNBOUNDED = -1;

  private final Simulation sim;
  private final int threads;
  private final int queueLimit;
  private final boolean blocking;
  private final ArrayDeque<Execution> ready = new ArrayDeque<>();
  private final TimeWeightedGauge busyGauge;
  private final TimeWeightedGauge queueGauge;
  private final LatencyRecorder waitRecorder;
  private int busy;
  private int queuedNew;

  /**
   * Creates the runtime of service {@code service}.
   *
   * @param threads the number of workers, at least 1
   * @param queueLimit how many new requests may wait for a worker before new ones are rejected, or
   *     {@link #UNBOUNDED}; continuations are never rejected
   * @param blocking whether a request keeps its worker while it waits
   */
  public WorkerPoolRuntime(Simulation sim, String service, int threads, int queueLimit, boolean blocking) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (was " + threads + ")");
    }
    this.sim = sim;
    this.threads = threads;
    this.queueLimit = queueLimit;
    this.blocking = blocking;
    String prefix = "service." + service;
    this.busyGauge = sim.metrics().gauge(prefix + ".workers.busy", sim.nowNanos());
    this.queueGauge = sim.metrics().gauge(prefix + ".queue", sim.nowNanos());
    this.waitRecorder = sim.metrics().latency(prefix + ".wait");
  }

  @Override
  public boolean admit(Execution execution) {
    if (busy < threads) {
      grant(execution, sim.nowNanos());
      return true;
    }
    if (queueLimit != UNBOUNDED && queuedNew >= queueLimit) {
      return false;
    }
    queuedNew++;
    execution.markQueued(sim.nowNanos(), true);
    enqueue(execution);
    return true;
  }

  @Override
  public void requestWorker(Execution execution) {
    if (busy < threads && ready.isEmpty()) {
      grant(execution, sim.nowNanos());
      return;
    }
    execution.markQueued(sim.nowNanos(), false);
    enqueue(execution);
  }

  @Override
  public void release(Execution execution) {
    busy--;
    long now = sim.nowNanos();
    busyGauge.set(now, busy);
    Execution next = ready.pollFirst();
    if (next != null) {
      if (next.queuedAsNew()) {
        queuedNew--;
      }
      queueGauge.set(now, ready.size());
      grant(next, next.queuedSinceNanos());
    }
  }

  @Override
  public boolean holdsWorkerWhileWaiting() {
    return blocking;
  }

  @Override
  public boolean withdraw(Execution execution) {
    if (ready.remove(execution)) {
      if (execution.queuedAsNew()) {
        queuedNew--;
      }
      queueGauge.set(sim.nowNanos(), ready.size());
      return true;
    }
    return false;
  }

  private void enqueue(Execution execution) {
    ready.addLast(execution);
    queueGauge.set(sim.nowNanos(), ready.size());
  }

  private void grant(Execution execution, long readySinceNanos) {
    busy++;
    long now = sim.nowNanos();
    busyGauge.set(now, busy);
    waitRecorder.record(now, now - readySinceNanos);
    execution.onWorker();
  }
}
