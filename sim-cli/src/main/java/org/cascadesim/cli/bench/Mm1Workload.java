package org.cascadesim.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cascadesim.core.Action;
import org.cascadesim.core.RunResult;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.SimulationConfig;
import org.cascadesim.core.StopReason;
import org.cascadesim.core.metrics.LatencyRecorder;
import org.cascadesim.core.metrics.MetricRegistry;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.core.random.SeedMixer;

/**
 * M/M/1 at utilisation 0.9 (mean interarrival 1 us, mean service 0.9 us), recording every
 * customer's wait in a {@link LatencyRecorder}: two event types, at most two pending events, so
 * the figure measures the per-event cost of the engine (dispatch, clock, bookkeeping) rather than
 * the heap. The reference variant runs the same model, with the same random streams and the same
 * recorder, on {@link ReferenceHeap} with an {@code int} payload switch instead of actions.
 */
final class Mm1Workload implements Workload {

  static final double MEAN_INTERARRIVAL_NANOS = 1_000;
  static final double MEAN_SERVICE_NANOS = 900;
  private static final int ARRIVAL = 0;
  private static final int DEPARTURE = 1;

  private final boolean reference;
  private final long events;
  private final long seed;

  Mm1Workload(boolean reference, long events, long seed) {
    this.reference = reference;
    this.events = events;
    this.seed = seed;
  }

  @Override
  public String name() {
    return reference ? "ref-mm1" : "mm1";
  }

  @Override
  public String description() {
    return reference
        ? "M/M/1 (rho 0.9) on the reference loop: long[]+int[] binary heap, int payload switch"
        : "M/M/1 (rho 0.9) on the engine, waits recorded in a LatencyRecorder";
  }

  @Override
  public long expectedEvents() {
    return events;
  }

  @Override
  public Trial prepare() {
    return reference ? new ReferenceTrial() : new EngineTrial();
  }

  private static Map<String, Object> details(LatencyRecorder waits) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("waitsRecorded", waits.count());
    details.put("meanWaitNanos", Math.round(waits.histogram().getMean()));
    return details;
  }

  /** The model on the engine: two shared actions, a FIFO of arrival times. */
  private final class EngineTrial implements Trial {
    private final Simulation sim =
        new Simulation(SimulationConfig.withSeed(seed).withMaxEvents(events));
    private final RandomStream arrivals = sim.random("mm1.arrivals");
    private final RandomStream services = sim.random("mm1.services");
    private final Distribution.Exponential interarrival =
        new Distribution.Exponential(MEAN_INTERARRIVAL_NANOS);
    private final Distribution.Exponential service = new Distribution.Exponential(MEAN_SERVICE_NANOS);
    private final LatencyRecorder waits = sim.metrics().latency("mm1.wait");
    private final LongFifo line = new LongFifo();
    private final Action departure = new Departure();
    private boolean busy;

    EngineTrial() {
      sim.schedule(interarrival.sampleNanos(arrivals), new Arrival());
    }

    @Override
    public long run() {
      RunResult result = sim.runUntilIdle();
      if (result.reason() != StopReason.EVENT_LIMIT) {
        throw new IllegalStateException("mm1 stopped early: " + result);
      }
      return sim.eventsExecuted();
    }

    @Override
    public long pendingEvents() {
      return sim.pendingEvents();
    }

    @Override
    public Map<String, Object> details() {
      return Mm1Workload.details(waits);
    }

    private final class Arrival implements Action {
      @Override
      public void run() {
        long now = sim.nowNanos();
        sim.schedule(interarrival.sampleNanos(arrivals), this);
        if (busy) {
          line.add(now);
        } else {
          busy = true;
          waits.record(now, 0);
          sim.schedule(service.sampleNanos(services), departure);
        }
      }
    }

    private final class Departure implements Action {
      @Override
      public void run() {
        if (line.isEmpty()) {
          busy = false;
        } else {
          long now = sim.nowNanos();
          waits.record(now, now - line.remove());
          sim.schedule(service.sampleNanos(services), this);
        }
      }
    }
  }

  /** The same model as a hand-written loop over {@link ReferenceHeap}. */
  private final class ReferenceTrial implements Trial {
    private final RandomStream arrivals = stream("mm1.arrivals");
    private final RandomStream services = stream("mm1.services");
    private final Distribution.Exponential interarrival =
        new Distribution.Exponential(MEAN_INTERARRIVAL_NANOS);
    private final Distribution.Exponential service = new Distribution.Exponential(MEAN_SERVICE_NANOS);
    private final LatencyRecorder waits =
        new MetricRegistry(SimulationConfig.DEFAULT_WINDOW_NANOS).latency("mm1.wait");
    private final ReferenceHeap heap = new ReferenceHeap();

    ReferenceTrial() {
      heap.add(interarrival.sampleNanos(arrivals), ARRIVAL);
    }

    private RandomStream stream(String name) {
      return new RandomStream(name, SeedMixer.streamSeed(seed, name));
    }

    @Override
    public long run() {
      ReferenceHeap h = heap;
      LongFifo fifo = new LongFifo();
      boolean busy = false;
      long executed = 0;
      while (executed < events && h.size() > 0) {
        long now = h.peekTime();
        int type = h.poll();
        executed++;
        switch (type) {
          case ARRIVAL:
            h.add(now + interarrival.sampleNanos(arrivals), ARRIVAL);
            if (busy) {
              fifo.add(now);
            } else {
              busy = true;
              waits.record(now, 0);
              h.add(now + service.sampleNanos(services), DEPARTURE);
            }
            break;
          case DEPARTURE:
            if (fifo.isEmpty()) {
              busy = false;
            } else {
              waits.record(now, now - fifo.remove());
              h.add(now + service.sampleNanos(services), DEPARTURE);
            }
            break;
          default:
            throw new IllegalStateException("unknown event type " + type);
        }
      }
      return executed;
    }

    @Override
    public long pendingEvents() {
      return heap.size();
    }

    @Override
    public Map<String, Object> details() {
      return Mm1Workload.details(waits);
    }
  }
}
