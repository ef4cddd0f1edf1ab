package org.cascadesim.core.support;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.cascadesim.core.RunResult;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.SimulationConfig;
import org.cascadesim.core.StopReason;
import org.cascadesim.core.event.EventQueue;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.core.metrics.LatencyRecorder;
import org.cascadesim.core.metrics.TimeWeightedGauge;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;

/**
 * A G/G/c/K FIFO queueing station built only from the engine's public API, the model side of the
 * queueing-theory tests: a renewal arrival process, {@code servers} identical servers, room for
 * {@code capacity} customers in the system (arrivals finding it full are blocked and lost).
 *
 * <p>The run is split into windows of simulated time that double as batches: the simulation's
 * metric window is the batch length, so {@link TimeWeightedGauge#windowMeans} gives the
 * time-average queue length of each batch directly and {@link Counter#perWindow} the arrivals and
 * blocks of each batch. Waits are batched by the window in which the customer arrived. Arrivals
 * stop after the last batch (the pending arrival is cancelled) and the run drains to idle, so the
 * station starts and ends empty and every accepted customer's wait and sojourn are known.
 */
public final class QueueingStation {

  /** The shape of a station. */
  public record Spec(Distribution interarrival, Distribution service, int servers, int capacity) {
    /** Validates the spec. */
    public Spec {
      if (servers < 1 || capacity < servers) {
        throw new IllegalArgumentException("need 1 <= servers <= capacity");
      }
    }

    /** An infinite-capacity station (M/M/c, M/D/1, ...). */
    public static Spec unbounded(Distribution interarrival, Distribution service, int servers) {
      return new Spec(interarrival, service, servers, Integer.MAX_VALUE);
    }
  }

  private final Simulation sim;
  private final Spec spec;
  private final RandomStream arrivalRandom;
  private final RandomStream serviceRandom;
  private final TimeWeightedGauge queueLength;
  private final TimeWeightedGauge inSystem;
  private final Counter offered;
  private final Counter blocked;
  private final LatencyRecorder sojournRecorder;
  private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
  private int busy;
  private long nextArrival = EventQueue.NO_HANDLE;

  // One entry per accepted customer, in arrival order (= service order under FIFO).
  private long[] arrivalTimes = new long[1024];
  private long[] waits = new long[1024];
  private int accepted;
  private long sojournSumNanos;

  private QueueingStation(Simulation sim, Spec spec) {
    this.sim = sim;
    this.spec = spec;
    this.arrivalRandom = sim.random("station.arrivals");
    this.serviceRandom = sim.random("station.service");
    this.queueLength = sim.metrics().gauge("station.queue", sim.nowNanos());
    this.inSystem = sim.metrics().gauge("station.in-system", sim.nowNanos());
    this.offered = sim.metrics().counter("station.offered");
    this.blocked = sim.metrics().counter("station.blocked");
    this.sojournRecorder = sim.metrics().latency("station.sojourn");
  }

  /** Creates a station on a new simulation whose metric window is the batch length. */
  public static QueueingStation create(long seed, Spec spec, long batchNanos) {
    return new QueueingStation(new Simulation(SimulationConfig.withSeed(seed).withWindowNanos(batchNanos)), spec);
  }

  /** Creates a station on an existing simulation (determinism tests drive it step by step). */
  public static QueueingStation on(Simulation sim, Spec spec) {
    return new QueueingStation(sim, spec);
  }

  /** Returns the simulation the station runs on. */
  public Simulation simulation() {
    return sim;
  }

  /**
   * Schedules the first arrival and, at {@code arrivalsEndNanos}, an event that cancels the
   * pending arrival so the station drains.
   */
  public void start(long arrivalsEndNanos) {
    nextArrival = sim.schedule(spec.interarrival().sampleNanos(arrivalRandom), this::arrive);
    sim.scheduleAt(arrivalsEndNanos, this::closeArrivals);
  }

  /** Runs {@code warmupBatches + batches} batches of arrivals, then drains to idle. */
  public Result run(int warmupBatches, int batches) {
    long batchNanos = sim.config().windowNanos();
    long arrivalsEnd = (warmupBatches + batches) * batchNanos;
    start(arrivalsEnd);
    RunResult result = sim.runUntilIdle();
    if (result.reason() != StopReason.IDLE) {
      throw new IllegalStateException("station did not drain: " + result);
    }
    return new Result(warmupBatches, batches);
  }

  private void arrive() {
    long now = sim.nowNanos();
    nextArrival = sim.schedule(spec.interarrival().sampleNanos(arrivalRandom), this::arrive);
    offered.increment(now);
    int present = busy + waiting.size();
    if (present >= spec.capacity()) {
      blocked.increment(now);
      return;
    }
    inSystem.set(now, present + 1);
    int index = accepted++;
    if (index == arrivalTimes.length) {
      arrivalTimes = Arrays.copyOf(arrivalTimes, index * 2);
      waits = Arrays.copyOf(waits, index * 2);
    }
    arrivalTimes[index] = now;
    if (busy < spec.servers()) {
      beginService(index, now);
    } else {
      waiting.addLast(index);
      queueLength.set(now, waiting.size());
    }
  }

  private void beginService(int index, long now) {
    busy++;
    long wait = now - arrivalTimes[index];
    waits[index] = wait;
    long serviceNanos = spec.service().sampleNanos(serviceRandom);
    sojournSumNanos += wait + serviceNanos;
    long arrivedAt = arrivalTimes[index];
    sim.schedule(serviceNanos, () -> depart(arrivedAt));
  }

  private void depart(long arrivedAt) {
    long now = sim.nowNanos();
    busy--;
    sojournRecorder.record(now, now - arrivedAt);
    inSystem.set(now, busy + waiting.size());
    if (!waiting.isEmpty()) {
      int next = waiting.removeFirst();
      queueLength.set(now, waiting.size());
      beginService(next, now);
    }
  }

  private void closeArrivals() {
    if (!sim.cancel(nextArrival)) {
      throw new IllegalStateException("the next arrival should have been pending");
    }
  }

  /** The measurements of a finished run. */
  public final class Result {
    private final int first;
    private final int batches;

    private Result(int warmupBatches, int batches) {
      this.first = warmupBatches;
      this.batches = batches;
    }

    /** Returns the time-average number waiting in each batch (from the queue-length gauge). */
    public double[] queueLengthBatches() {
      return Arrays.copyOfRange(queueLength.windowMeans(sim.nowNanos()), first, first + batches);
    }

    /** Returns the mean wait in nanoseconds of the customers arriving in each batch. */
    public double[] waitBatches() {
      return perArrivalBatch(wait -> wait);
    }

    /** Returns the fraction of customers arriving in each batch who waited longer than t. */
    public double[] waitExceedsBatches(long thresholdNanos) {
      return perArrivalBatch(wait -> wait > thresholdNanos ? 1 : 0);
    }

    /** Returns the fraction of arrivals blocked in each batch (from the counters). */
    public double[] blockingBatches() {
      long[] offeredPerWindow = offered.perWindow();
      long[] blockedPerWindow = blocked.perWindow();
      double[] result = new double[batches];
      for (int b = 0; b < batches; b++) {
        int w = first + b;
        long blocks = w < blockedPerWindow.length ? blockedPerWindow[w] : 0;
        result[b] = (double) blocks / offeredPerWindow[w];
      }
      return result;
    }

    /** Returns the number of customers admitted over the whole run. */
    public int acceptedCustomers() {
      return accepted;
    }

    /** Returns the number of sojourns the latency recorder saw (one per departure). */
    public long recordedSojourns() {
      return sojournRecorder.count();
    }

    /** Returns the whole run's time-average number in the system, L. */
    public double timeAverageInSystem() {
      return inSystem.mean(sim.nowNanos());
    }

    /** Returns the whole run's time-average number waiting, Lq. */
    public double timeAverageInQueue() {
      return queueLength.mean(sim.nowNanos());
    }

    /** Returns the whole run's admitted arrival rate per nanosecond, lambda. */
    public double admittedArrivalRate() {
      return (double) accepted / sim.nowNanos();
    }

    /** Returns the mean sojourn (wait plus service) in nanoseconds over all admitted customers, W. */
    public double meanSojournNanos() {
      return (double) sojournSumNanos / accepted;
    }

    /** Returns the mean wait in nanoseconds over all admitted customers, Wq. */
    public double meanWaitNanos() {
      double sum = 0;
      for (int i = 0; i < accepted; i++) {
        sum += waits[i];
      }
      return sum / accepted;
    }

    private double[] perArrivalBatch(java.util.function.LongToDoubleFunction valueOfWait) {
      long batchNanos = sim.config().windowNanos();
      double[] sums = new double[batches];
      long[] counts = new long[batches];
      for (int i = 0; i < accepted; i++) {
        int b = (int) (arrivalTimes[i] / batchNanos) - first;
        if (b >= 0 && b < batches) {
          sums[b] += valueOfWait.applyAsDouble(waits[i]);
          counts[b]++;
        }
      }
      for (int b = 0; b < batches; b++) {
        sums[b] /= counts[b];
      }
      return sums;
    }
  }
}
