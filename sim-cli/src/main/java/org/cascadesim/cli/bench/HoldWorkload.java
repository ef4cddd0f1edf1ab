package org.cascadesim.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cascadesim.core.Action;
import org.cascadesim.core.RunResult;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.SimulationConfig;
import org.cascadesim.core.StopReason;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.core.random.SeedMixer;

/**
 * The classic hold model: the queue is filled with {@code pending} events at exponentially
 * distributed times (untimed), then every executed event reschedules itself an exponential
 * increment later, so the number of pending events stays constant and each event costs one
 * removal and one insertion. The action is one shared instance. The reference variant does the
 * same (remove the earliest, add one) on {@link ReferenceHeap}.
 */
final class HoldWorkload implements Workload {

  static final double MEAN_INCREMENT_NANOS = 1_000_000;
  private static final int HOLD = 0;

  private final boolean reference;
  private final int pending;
  private final long events;
  private final long seed;
  private final String label;

  HoldWorkload(boolean reference, String label, int pending, long events, long seed) {
    this.reference = reference;
    this.label = label;
    this.pending = pending;
    this.events = events;
    this.seed = seed;
  }

  @Override
  public String name() {
    return (reference ? "ref-hold-" : "hold-") + label;
  }

  @Override
  public String description() {
    return (reference ? "hold model on the reference loop, " : "hold model on the engine, ")
        + pending + " pending events, exponential increments";
  }

  @Override
  public long expectedEvents() {
    return events;
  }

  int pending() {
    return pending;
  }

  @Override
  public Trial prepare() {
    return reference ? new ReferenceTrial() : new EngineTrial();
  }

  private static Map<String, Object> details(long nowNanos) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("finalTimeNanos", nowNanos);
    return details;
  }

  private final class EngineTrial implements Trial {
    private final Simulation sim =
        new Simulation(SimulationConfig.withSeed(seed).withMaxEvents(events));
    private final RandomStream random = sim.random("hold");
    private final Distribution.Exponential increment =
        new Distribution.Exponential(MEAN_INCREMENT_NANOS);

    EngineTrial() {
      Action hold = new Hold();
      for (int i = 0; i < pending; i++) {
        sim.schedule(increment.sampleNanos(random), hold);
      }
    }

    @Override
    public long run() {
      RunResult result = sim.runUntilIdle();
      if (result.reason() != StopReason.EVENT_LIMIT) {
        throw new IllegalStateException(name() + " stopped early: " + result);
      }
      return sim.eventsExecuted();
    }

    @Override
    public long pendingEvents() {
      return sim.pendingEvents();
    }

    @Override
    public Map<String, Object> details() {
      return HoldWorkload.details(sim.nowNanos());
    }

    private final class Hold implements Action {
      @Override
      public void run() {
        sim.schedule(increment.sampleNanos(random), this);
      }
    }
  }

  private final class ReferenceTrial implements Trial {
    private final RandomStream random = new RandomStream("hold", SeedMixer.streamSeed(seed, "hold"));
    private final Distribution.Exponential increment =
        new Distribution.Exponential(MEAN_INCREMENT_NANOS);
    private final ReferenceHeap heap = new ReferenceHeap();
    private long now;

    ReferenceTrial() {
      for (int i = 0; i < pending; i++) {
        heap.add(increment.sampleNanos(random), HOLD);
      }
    }

    @Override
    public long run() {
      ReferenceHeap h = heap;
      long executed = 0;
      long t = now;
      while (executed < events && h.size() > 0) {
        t = h.peekTime();
        int type = h.poll();
        executed++;
        if (type == HOLD) {
          h.add(t + increment.sampleNanos(random), HOLD);
        } else {
          throw new IllegalStateException("unknown event type " + type);
        }
      }
      now = t;
      return executed;
    }

    @Override
    public long pendingEvents() {
      return heap.size();
    }

    @Override
    public Map<String, Object> details() {
      return HoldWorkload.details(now);
    }
  }
}
