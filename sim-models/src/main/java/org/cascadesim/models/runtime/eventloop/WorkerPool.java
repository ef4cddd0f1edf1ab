package org.cascadesim.models.runtime.eventloop;

import java.util.ArrayDeque;
import org.cascadesim.core.Action;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.LatencyRecorder;
import org.cascadesim.core.metrics.TimeWeightedGauge;

/**
 * The threads an event loop hands CPU work to: the libuv threadpool (4 threads by default,
 * {@code UV_THREADPOOL_SIZE}; work is queued at the tail and idle threads take from the head,
 * libuv {@code src/threadpool.c}) or a pool of {@code worker_threads} with a FIFO task queue
 * (Node's worker_threads docs recommend a pool over one worker per task). A task holds one thread
 * for its CPU time, which the process's {@link CpuCores} may stretch.
 *
 * <p>Metrics: {@code service.<name>.pool.busy} (busy threads), {@code service.<name>.pool.queue}
 * (tasks waiting for a thread) and {@code service.<name>.pool.wait} (time a task waited).
 */
public final class WorkerPool {

  private final Simulation sim;
  private final int threads;
  private final long callbackCostNanos;
  private final CpuCores cpu;
  private final ArrayDeque<Task> queue = new ArrayDeque<>();
  private final TimeWeightedGauge busyGauge;
  private final TimeWeightedGauge queueGauge;
  private final LatencyRecorder waitRecorder;
  private int busy;

  /**
   * Creates the pool of service {@code service}.
   *
   * @param threads how many threads, at least 1
   * @param callbackCostNanos loop time the completion callback of each task costs
   * @param cpu the cores the threads compute on
   */
  public WorkerPool(Simulation sim, String service, int threads, long callbackCostNanos, CpuCores cpu) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (was " + threads + ")");
    }
    if (callbackCostNanos < 0) {
      throw new IllegalArgumentException("callbackCostNanos must be >= 0 (was " + callbackCostNanos + ")");
    }
    this.sim = sim;
    this.threads = threads;
    this.callbackCostNanos = callbackCostNanos;
    this.cpu = cpu;
    String prefix = "service." + service + ".pool";
    this.busyGauge = sim.metrics().gauge(prefix + ".busy", sim.nowNanos());
    this.queueGauge = sim.metrics().gauge(prefix + ".queue", sim.nowNanos());
    this.waitRecorder = sim.metrics().latency(prefix + ".wait");
  }

  /** Returns the number of threads. */
  public int threads() {
    return threads;
  }

  /** Returns the loop time each completion callback costs. */
  public long callbackCostNanos() {
    return callbackCostNanos;
  }

  /** Returns how many threads are busy. */
  public int busy() {
    return busy;
  }

  /** Returns how many tasks wait for a thread. */
  public int queued() {
    return queue.size();
  }

  /** Queues {@code workNanos} of CPU work; {@code done} runs when a thread has computed it. */
  public void submit(long workNanos, Action done) {
    Task task = new Task(workNanos, done, sim.nowNanos());
    if (busy < threads) {
      start(task);
      return;
    }
    queue.addLast(task);
    queueGauge.set(sim.nowNanos(), queue.size());
  }

  private void start(Task task) {
    busy++;
    long now = sim.nowNanos();
    busyGauge.set(now, busy);
    waitRecorder.record(now, now - task.queuedNanos());
    cpu.compute(task.workNanos(), () -> finish(task));
  }

  private void finish(Task task) {
    busy--;
    busyGauge.set(sim.nowNanos(), busy);
    Task next = queue.pollFirst();
    if (next != null) {
      queueGauge.set(sim.nowNanos(), queue.size());
      start(next);
    }
    task.done().run();
  }

  /** A unit of work and what to do when it is computed. */
  private record Task(long workNanos, Action done, long queuedNanos) {}
}
