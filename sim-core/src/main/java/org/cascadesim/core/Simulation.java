package org.cascadesim.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.cascadesim.core.event.EventQueue;
import org.cascadesim.core.metrics.MetricRegistry;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.core.random.SeedMixer;

/**
 * One discrete-event simulation: it owns the clock, the pending events, the named random streams
 * and the metrics, so two simulations in one JVM cannot influence each other (no statics).
 *
 * <p>Time is a {@code long} count of nanoseconds from epoch 0. Events are totally ordered by
 * (time, sequence), where the sequence is a per-simulation counter, so events scheduled for the
 * same instant run in the order they were scheduled. Every run mode is a loop over {@link #step()}
 * semantics: take the earliest event, move the clock to its time, run it.
 *
 * <p>Not thread-safe: a simulation is driven by one thread from start to end. Independent
 * simulations may run on different threads (sweeps do).
 */
public final class Simulation {

  private final SimulationConfig config;
  private final EventQueue queue = new EventQueue();
  private final MetricRegistry metrics;
  private final Map<String, RandomStream> streams = new LinkedHashMap<>();

  private long nowNanos;
  private long nextSeq;
  private long eventsExecuted;
  private EventObserver observer;
  private StopReason stopRequested;
  private String stopDetail;

  /** Creates a simulation with default limits and the given master seed. */
  public Simulation(long seed) {
    this(SimulationConfig.withSeed(seed));
  }

  /** Creates a simulation with the given settings. */
  public Simulation(SimulationConfig config) {
    this.config = config;
    this.metrics = new MetricRegistry(config.windowNanos());
  }

  /** Returns the settings this simulation was created with. */
  public SimulationConfig config() {
    return config;
  }

  /** Returns the master seed. */
  public long seed() {
    return config.seed();
  }

  /** Returns the current simulated time in nanoseconds. */
  public long nowNanos() {
    return nowNanos;
  }

  /** Returns the number of events executed so far. */
  public long eventsExecuted() {
    return eventsExecuted;
  }

  /** Returns the number of pending events. */
  public int pendingEvents() {
    return queue.size();
  }

  /** Returns the metrics of this simulation. */
  public MetricRegistry metrics() {
    return metrics;
  }

  /**
   * Returns the random stream with this name, creating it on first use from {@code
   * SeedMixer.streamSeed(seed, name)}: the same name always gives the same draws, whatever other
   * streams exist.
   */
  public RandomStream random(String name) {
    RandomStream stream = streams.get(name);
    if (stream == null) {
      stream = new RandomStream(name, SeedMixer.streamSeed(config.seed(), name));
      streams.put(name, stream);
    }
    return stream;
  }

  /** Sets the observer that sees every event before it runs (fingerprints, traces), or null. */
  public void setObserver(EventObserver observer) {
    this.observer = observer;
  }

  /**
   * Schedules an action {@code delayNanos} from now and returns a handle for {@link
   * #cancel(long)}. A time past {@code Long.MAX_VALUE} saturates there.
   */
  public long schedule(long delayNanos, Action action) {
    Objects.requireNonNull(action, "action");
    if (delayNanos < 0) {
      throw new IllegalArgumentException("delay must be >= 0 (was " + delayNanos + "ns)");
    }
    long at = nowNanos + delayNanos;
    if (at < nowNanos) {
      at = Long.MAX_VALUE;
    }
    return queue.add(at, nextSeq++, action);
  }

  /** Schedules an action at an absolute time, which must not lie in the past. */
  public long scheduleAt(long timeNanos, Action action) {
    Objects.requireNonNull(action, "action");
    if (timeNanos < nowNanos) {
      throw new IllegalArgumentException(
          "cannot schedule in the past: " + timeNanos + "ns < now " + nowNanos + "ns");
    }
    return queue.add(timeNanos, nextSeq++, action);
  }

  /**
   * Cancels a pending event in amortised O(1) (see {@link EventQueue#cancel(long)}): it is marked
   * cancelled at once and its entry is dropped lazily.
   *
   * @return whether the event was still pending; cancelling an event that already ran, was
   *     already cancelled, or {@link EventQueue#NO_HANDLE} returns {@code false}
   */
  public boolean cancel(long handle) {
    return queue.cancel(handle);
  }

  /** Returns whether the handle names an event that has neither run nor been cancelled. */
  public boolean isPending(long handle) {
    return queue.isPending(handle);
  }

  /**
   * Asks the running loop to stop after the current event; the run returns {@code reason} with
   * this detail. Models use it for their own limits (requests in flight, for example).
   */
  public void stop(StopReason reason, String detail) {
    if (stopRequested == null) {
      stopRequested = reason;
      stopDetail = detail;
    }
  }

  /**
   * Runs the earliest pending event, if any, ignoring the event limit.
   *
   * @return {@code false} when no event was pending
   */
  public boolean step() {
    if (queue.isEmpty()) {
      return false;
    }
    fire();
    return true;
  }

  /**
   * Runs every event with a time at or before {@code endTimeNanos} and then moves the clock to
   * {@code endTimeNanos}, unless the event limit or a model's stop request ends the run earlier.
   */
  public RunResult runUntil(long endTimeNanos) {
    if (endTimeNanos < nowNanos) {
      throw new IllegalArgumentException("end " + endTimeNanos + "ns lies before now " + nowNanos + "ns");
    }
    RunResult result = loop(endTimeNanos);
    if (result.reason() == StopReason.END_TIME || result.reason() == StopReason.IDLE) {
      nowNanos = endTimeNanos;
      return new RunResult(result.reason(), nowNanos, eventsExecuted, result.detail());
    }
    return result;
  }

  /** Runs until no event is pending, the event limit is hit or a model asks to stop. */
  public RunResult runUntilIdle() {
    return loop(Long.MAX_VALUE);
  }

  private RunResult loop(long endTimeNanos) {
    stopRequested = null;
    stopDetail = null;
    final EventQueue q = queue;
    final long maxEvents = config.maxEvents();
    // Fast path while no observer is set and the event limit is not reached: one queue call per
    // event. It leaves the loop below to report why the run stopped, with the same checks in the
    // same order (idle, end time, event limit).
    while (observer == null && eventsExecuted < maxEvents) {
      Action action = q.pollAtOrBefore(endTimeNanos);
      if (action == null) {
        break;
      }
      long time = q.polledTimeNanos();
      nowNanos = time;
      eventsExecuted++;
      try {
        action.run();
      } catch (SimulationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new SimulationException(config.seed(), time, q.polledSeq(), EventTypes.of(action), e);
      }
      if (stopRequested != null) {
        return new RunResult(stopRequested, nowNanos, eventsExecuted, stopDetail);
      }
    }
    while (true) {
      if (q.isEmpty()) {
        return new RunResult(StopReason.IDLE, nowNanos, eventsExecuted, "no pending events");
      }
      if (q.peekTimeNanos() > endTimeNanos) {
        return new RunResult(StopReason.END_TIME, nowNanos, eventsExecuted, "end time reached");
      }
      if (eventsExecuted >= maxEvents) {
        return new RunResult(StopReason.EVENT_LIMIT, nowNanos, eventsExecuted,
            "stopped at the limit of " + maxEvents + " events (simulated time "
                + nowNanos + "ns); raise the limit or shorten the run");
      }
      fire();
      if (stopRequested != null) {
        return new RunResult(stopRequested, nowNanos, eventsExecuted, stopDetail);
      }
    }
  }

  private void fire() {
    Action action = queue.poll();
    long time = queue.polledTimeNanos();
    nowNanos = time;
    eventsExecuted++;
    if (observer != null) {
      observer.onEvent(time, queue.polledSeq(), action);
    }
    try {
      action.run();
    } catch (SimulationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SimulationException(config.seed(), time, queue.polledSeq(), EventTypes.of(action), e);
    }
  }
}
