package org.cascadesim.models.dependency;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.event.EventQueue;
import org.cascadesim.core.metrics.TimeWeightedGauge;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.stats.TrafficStats;

/**
 * Something a service calls that the scenario does not model inside: a database, a card provider.
 *
 * <p>Two shapes. With unlimited capacity each call simply takes a latency drawn from a
 * distribution. With {@code concurrency = c} it is a c-server queue: a call waits (FIFO or LIFO,
 * optionally up to {@code queueLimit}, beyond which it is rejected) for one of c servers, then
 * holds it for a service time. Work a caller abandoned still holds its server until it finishes
 * (unless the caller cancels it), which is what makes retries against a saturated dependency
 * self-sustaining. Fault phases change latency, error rate or make calls hang.
 *
 * <p>Random draws: every call draws its latency and then its error coin from the streams {@code
 * dependency.<name>.latency} and {@code dependency.<name>.errors}, in call order, whatever the
 * fault phase, so variants that change something else see the same draws (common random numbers).
 */
public final class Dependency implements Callee {

  /** The queue discipline of a finite-capacity dependency. */
  public enum QueueOrder {
    /** First in, first out. */
    FIFO,
    /** Last in, first out: the newest waiter is served first. */
    LIFO
  }

  /** Unlimited concurrency. */
  public static final int UNLIMITED = -1;

  private final Simulation sim;
  private final String name;
  private final Distribution latency;
  private final double errorRate;
  private final int concurrency;
  private final QueueOrder order;
  private final int queueLimit;
  private final List<FaultPhase> faults;
  private final RandomStream latencyStream;
  private final RandomStream errorStream;
  private final TrafficStats stats;
  private final TimeWeightedGauge busyGauge;
  private final TimeWeightedGauge queueGauge;
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private int busy;
  private Consumer<Invocation> effectListener;

  /**
   * Creates a dependency.
   *
   * @param latency the latency (unlimited concurrency) or service time (finite concurrency)
   * @param errorRate the probability that a call answers with an error
   * @param concurrency the number of servers, or {@link #UNLIMITED}
   * @param order the queue discipline when all servers are busy
   * @param queueLimit the maximum number of waiting calls, or -1 for no limit
   * @param faults fault phases, earliest first; the first active one applies
   */
  public Dependency(
      Simulation sim,
      String name,
      Distribution latency,
      double errorRate,
      int concurrency,
      QueueOrder order,
      int queueLimit,
      List<FaultPhase> faults) {
    this.sim = sim;
    this.name = name;
    this.latency = latency;
    this.errorRate = errorRate;
    this.concurrency = concurrency;
    this.order = order;
    this.queueLimit = queueLimit;
    this.faults = List.copyOf(faults);
    this.latencyStream = sim.random("dependency." + name + ".latency");
    this.errorStream = sim.random("dependency." + name + ".errors");
    this.stats = new TrafficStats(sim, "dependency." + name);
    this.busyGauge = concurrency == UNLIMITED ? null : sim.metrics().gauge("dependency." + name + ".busy", sim.nowNanos());
    this.queueGauge = concurrency == UNLIMITED ? null : sim.metrics().gauge("dependency." + name + ".queue", sim.nowNanos());
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * Registers who is told of every call this dependency completes successfully, whether or not
   * the caller is still waiting (a side effect such as a charge happens either way).
   */
  public void onSuccessfulWork(Consumer<Invocation> listener) {
    this.effectListener = listener;
  }

  /** Returns the books of this dependency. */
  public TrafficStats stats() {
    return stats;
  }

  @Override
  public void accept(Invocation call) {
    stats.start();
    Job job = new Job(call, sim.nowNanos());
    call.onCancel(job::cancel);
    if (concurrency == UNLIMITED || busy < concurrency) {
      startService(job);
    } else if (queueLimit >= 0 && queue.size() >= queueLimit) {
      job.finish(Outcome.REJECTED);
    } else {
      job.queued = true;
      queue.addLast(job);
      queueGauge.set(sim.nowNanos(), queue.size());
    }
  }

  private void startService(Job job) {
    long now = sim.nowNanos();
    if (concurrency != UNLIMITED) {
      busy++;
      busyGauge.set(now, busy);
      job.holdsServer = true;
    }
    FaultPhase phase = activePhase(now);
    Distribution dist = phase != null && phase.latency() != null ? phase.latency() : latency;
    long serviceNanos = dist.sampleNanos(latencyStream);
    double rate = phase != null && !Double.isNaN(phase.errorRate()) ? phase.errorRate() : errorRate;
    boolean fails = errorStream.nextDouble() < rate;
    if (phase != null && phase.hang()) {
      return; // never answers; holds its server until cancelled
    }
    job.handle = sim.schedule(serviceNanos, () -> job.finish(fails ? Outcome.ERROR : Outcome.OK));
  }

  private FaultPhase activePhase(long now) {
    for (FaultPhase phase : faults) {
      if (phase.activeAt(now)) {
        return phase;
      }
    }
    return null;
  }

  private void releaseServer() {
    busy--;
    long now = sim.nowNanos();
    busyGauge.set(now, busy);
    if (!queue.isEmpty()) {
      Job next = order == QueueOrder.FIFO ? queue.pollFirst() : queue.pollLast();
      next.queued = false;
      queueGauge.set(now, queue.size());
      startService(next);
    }
  }

  /** One call inside the dependency. */
  private final class Job {
    final Invocation call;
    final long startNanos;
    long handle = EventQueue.NO_HANDLE;
    boolean queued;
    boolean holdsServer;
    boolean done;

    Job(Invocation call, long startNanos) {
      this.call = call;
      this.startNanos = startNanos;
    }

    void finish(Outcome outcome) {
      if (done) {
        return;
      }
      done = true;
      stats.finish(outcome, startNanos);
      if (holdsServer) {
        holdsServer = false;
        releaseServer();
      }
      if (outcome == Outcome.OK && effectListener != null) {
        effectListener.accept(call);
      }
      call.complete(outcome);
    }

    /** The caller cancelled: drop the call from the queue or free its server. */
    void cancel() {
      if (done) {
        return;
      }
      if (queued) {
        queue.remove(this);
        queued = false;
        queueGauge.set(sim.nowNanos(), queue.size());
      }
      sim.cancel(handle);
      finish(Outcome.TIMEOUT);
    }
  }
}
