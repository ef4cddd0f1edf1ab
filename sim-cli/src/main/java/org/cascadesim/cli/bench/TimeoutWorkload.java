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

/**
 * A timeout-heavy workload: requests arrive (exponential, mean 1 us); each schedules a 10 ms
 * timeout, and four requests in five (request numbers not divisible by 5) also get a response
 * after a uniform delay below 9 ms, allocated per request as an action holding the timeout's
 * handle. With cancellation the response cancels its timeout, so 80% of the timeouts never run.
 * Without cancellation (the "nocancel" variant, for the ratio) the response only marks the request
 * done and every timeout runs and checks that mark, the usual alternative to cancelling.
 *
 * <p>Events: {@code requests} arrivals + 0.8 {@code requests} responses + the timeouts that run
 * (0.2 or 1.0 {@code requests}): exactly 2.0 or 2.8 events per request.
 */
final class TimeoutWorkload implements Workload {

  static final double MEAN_INTERARRIVAL_NANOS = 1_000;
  static final long TIMEOUT_NANOS = 10_000_000;
  static final double MAX_RESPONSE_NANOS = 9_000_000;

  private final boolean cancel;
  private final int requests;
  private final long seed;

  TimeoutWorkload(boolean cancel, int requests, long seed) {
    if (requests % 5 != 0) {
      throw new IllegalArgumentException("requests must be a multiple of 5");
    }
    this.cancel = cancel;
    this.requests = requests;
    this.seed = seed;
  }

  @Override
  public String name() {
    return cancel ? "timeouts" : "timeouts-nocancel";
  }

  @Override
  public String description() {
    return cancel
        ? requests + " requests with 10 ms timeouts, 80% of timeouts cancelled by the response"
        : requests + " requests with 10 ms timeouts, none cancelled (every timeout runs and checks)";
  }

  @Override
  public long expectedEvents() {
    return cancel ? 2L * requests : 14L * requests / 5;
  }

  int requests() {
    return requests;
  }

  @Override
  public Trial prepare() {
    return new EngineTrial();
  }

  private final class EngineTrial implements Trial {
    private final Simulation sim = new Simulation(SimulationConfig.withSeed(seed));
    private final RandomStream arrivals = sim.random("timeouts.arrivals");
    private final RandomStream responses = sim.random("timeouts.responses");
    private final Distribution.Exponential interarrival =
        new Distribution.Exponential(MEAN_INTERARRIVAL_NANOS);
    private final Distribution.Uniform responseDelay =
        new Distribution.Uniform(0, MAX_RESPONSE_NANOS);
    private final boolean[] done = new boolean[requests];
    private final Action timeout = new Timeout();
    private int issued;
    private int nextTimeout;
    private long completed;
    private long timedOut;
    private long cancelled;

    EngineTrial() {
      sim.schedule(interarrival.sampleNanos(arrivals), new Arrival());
    }

    @Override
    public long run() {
      RunResult result = sim.runUntilIdle();
      if (result.reason() != StopReason.IDLE) {
        throw new IllegalStateException(name() + " stopped early: " + result);
      }
      if (timedOut != requests / 5 || completed != requests - requests / 5) {
        throw new IllegalStateException(name() + ": " + timedOut + " timed out, " + completed
            + " completed of " + requests);
      }
      return sim.eventsExecuted();
    }

    @Override
    public long pendingEvents() {
      return sim.pendingEvents();
    }

    @Override
    public Map<String, Object> details() {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("requests", requests);
      details.put("completed", completed);
      details.put("timedOut", timedOut);
      details.put("timeoutsCancelled", cancelled);
      return details;
    }

    private final class Arrival implements Action {
      @Override
      public void run() {
        int id = issued++;
        long handle = sim.schedule(TIMEOUT_NANOS, timeout);
        if (id % 5 != 0) {
          sim.schedule(responseDelay.sampleNanos(responses), new Response(id, handle));
        }
        if (issued < requests) {
          sim.schedule(interarrival.sampleNanos(arrivals), this);
        }
      }
    }

    private final class Response implements Action {
      private final int id;
      private final long timeoutHandle;

      Response(int id, long timeoutHandle) {
        this.id = id;
        this.timeoutHandle = timeoutHandle;
      }

      @Override
      public void run() {
        completed++;
        if (cancel) {
          if (!sim.cancel(timeoutHandle)) {
            throw new IllegalStateException("timeout of request " + id + " was not pending");
          }
          cancelled++;
        } else {
          done[id] = true;
        }
      }
    }

    /** Shared by all requests; without cancellation timeouts run in request order (fixed delay). */
    private final class Timeout implements Action {
      @Override
      public void run() {
        if (cancel) {
          timedOut++;
        } else if (!done[nextTimeout++]) {
          timedOut++;
        }
      }
    }
  }
}
