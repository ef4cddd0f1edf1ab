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
  private int inService;
  private long latencyPerInFlightNanos;
  private boolean shedExpired;
  private Consumer<Invocation> effectListener;

  /**
   * Creates a dependency.
   *
   * @param latency the latency (unlimited concurrency) or service time (finite concurrency)
   * @param errorRate the probability that a call answers with an error
   * @param concurrency the number of servers, or {@link #UNLIMITED}
   * @param order the queue discipline when all servers are busy
   * @param queueLimit the maximum number of waiting calls, or -1 for no limit
   * @param faults fault phases in the scenario's order; overlapping ones combine, each effect
   *     (latency, error rate, hang) taken from the first active phase that sets it
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

  /**
   * Sets how the dependency behaves under congestion (both off by default).
   *
   * @param latencyPerInFlightNanos added to every call's latency (or service time) once per call
   *     already in service when it starts, so latency grows with concurrency as in Brooker's
   *     congestive-collapse model (mechanisms.md g.3: 1.0 s + 0.01 s per concurrent request)
   * @param shedExpired whether a queued call is dropped when it reaches a server if its caller's
   *     deadline has passed or would pass before its service time ends (a deadline-aware queue,
   *     mechanisms.md g.5.5; the server is taken to know each call's cost)
   */
  public void congestion(long latencyPerInFlightNanos, boolean shedExpired) {
    this.latencyPerInFlightNanos = latencyPerInFlightNanos;
    this.shedExpired = shedExpired;
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
      job.fromQueue = true;
      queue.addLast(job);
      queueGauge.set(sim.nowNanos(), queue.size());
    }
  }

  /**
   * Starts serving a call; returns false when {@code shedExpired} dropped it instead because it
   * would end after its caller's deadline (only for a call taken from the queue).
   */
  private boolean startService(Job job) {
    long now = sim.nowNanos();
    // Overlapping faults combine: each effect comes from the first active fault that sets it.
    Distribution dist = latency;
    double rate = errorRate;
    boolean hang = false;
    boolean latencyFault = false;
    boolean rateFault = false;
    for (FaultPhase phase : faults) {
      if (phase.activeAt(now)) {
        if (!latencyFault && phase.latency() != null) {
          dist = phase.latency();
          latencyFault = true;
        }
        if (!rateFault && !Double.isNaN(phase.errorRate())) {
          rate = phase.errorRate();
          rateFault = true;
        }
        hang |= phase.hang();
      }
    }
    long serviceNanos = saturatedAdd(dist.sampleNanos(latencyStream), congestionNanos());
    boolean fails = errorStream.nextDouble() < rate;
    if (shedExpired && job.fromQueue && job.call.deadlineNanos() != Invocation.NO_TIMEOUT
        && now + serviceNanos > job.call.deadlineNanos()) {
      job.finish(Outcome.TIMEOUT);
      return false;
    }
    if (concurrency != UNLIMITED) {
      busy++;
      busyGauge.set(now, busy);
      job.holdsServer = true;
    }
    inService++;
    job.inService = true;
    if (hang) {
      return true; // never answers; holds its server until cancelled
    }
    job.handle = sim.schedule(serviceNanos, () -> job.finish(fails ? Outcome.ERROR : Outcome.OK));
    return true;
  }

  /** The latency added by the calls already in service, saturating at {@code Long.MAX_VALUE}. */
  private long congestionNanos() {
    if (inService == 0 || latencyPerInFlightNanos == 0) {
      return 0;
    }
    return latencyPerInFlightNanos > Long.MAX_VALUE / inService ? Long.MAX_VALUE : latencyPerInFlightNanos * inService;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private void releaseServer() {
    busy--;
    long now = sim.nowNanos();
    busyGauge.set(now, busy);
    while (!queue.isEmpty()) {
      Job next = order == QueueOrder.FIFO ? queue.pollFirst() : queue.pollLast();
      next.queued = false;
      queueGauge.set(now, queue.size());
      if (shedExpired && next.call.isAnswered()) {
        next.finish(Outcome.TIMEOUT); // the caller gave up: drop it without serving it
        continue;
      }
      if (!startService(next)) {
        continue; // it could not finish before its caller's deadline: dropped
      }
      return;
    }
  }

  /** One call inside the dependency. */
  private final class Job {
    final Invocation call;
    final long startNanos;
    long handle = EventQueue.NO_HANDLE;
    boolean queued;
    boolean holdsServer;
    boolean inService;
    boolean fromQueue;
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
      if (inService) {
        inService = false;
        Dependency.this.inService--;
      }
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
