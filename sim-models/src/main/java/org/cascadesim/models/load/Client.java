package org.cascadesim.models.load;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.cascadesim.models.stats.TrafficStats;

/**
 * A source of load aimed at one endpoint: open loop (requests at the intended times of an
 * {@link ArrivalProcess}, whatever happens to earlier ones) or closed loop (a fixed population of
 * users, each sending, waiting for the answer or its timeout, thinking, and sending again).
 *
 * <p>Latency is measured from the intended send time. In open loop that is the arrival time of
 * the plan; in closed loop the user sends when it has finished thinking, so the two coincide.
 */
public final class Client {

  private final Simulation sim;
  private final String name;
  private final Callee target;
  private final ArrivalProcess arrivals;
  private final int users;
  private final Distribution thinkTime;
  private final long timeoutNanos;
  private final InFlightLimit limit;
  private final TrafficStats stats;
  private final RandomStream arrivalRandom;
  private final RandomStream thinkRandom;
  private long endNanos;
  private long nextRequestId;

  private Client(Simulation sim, String name, Callee target, ArrivalProcess arrivals, int users,
      Distribution thinkTime, long timeoutNanos, InFlightLimit limit) {
    this.sim = sim;
    this.name = name;
    this.target = target;
    this.arrivals = arrivals;
    this.users = users;
    this.thinkTime = thinkTime;
    this.timeoutNanos = timeoutNanos;
    this.limit = limit;
    this.stats = new TrafficStats(sim, "client." + name);
    this.arrivalRandom = sim.random("client." + name + ".arrivals");
    this.thinkRandom = sim.random("client." + name + ".think");
  }

  /** Creates an open-loop client. */
  public static Client openLoop(Simulation sim, String name, Callee target, ArrivalProcess arrivals,
      long timeoutNanos, InFlightLimit limit) {
    return new Client(sim, name, target, arrivals, 0, null, timeoutNanos, limit);
  }

  /** Creates a closed-loop client of {@code users} users thinking {@code thinkTime} between requests. */
  public static Client closedLoop(Simulation sim, String name, Callee target, int users,
      Distribution thinkTime, long timeoutNanos, InFlightLimit limit) {
    return new Client(sim, name, target, null, users, thinkTime, timeoutNanos, limit);
  }

  /** Returns the client's name. */
  public String name() {
    return name;
  }

  /** Returns what the client calls. */
  public Callee target() {
    return target;
  }

  /** Returns the client-side books (latency from the intended send time). */
  public TrafficStats stats() {
    return stats;
  }

  /** Starts sending now; no request is sent at or after {@code endNanos}. */
  public void start(long endNanos) {
    this.endNanos = endNanos;
    if (arrivals != null) {
      scheduleArrival(arrivals.first(sim.nowNanos(), arrivalRandom));
    } else {
      for (int u = 0; u < users; u++) {
        think();
      }
    }
  }

  private void scheduleArrival(long atNanos) {
    if (atNanos < endNanos) {
      sim.scheduleAt(atNanos, this::openLoopArrival);
    }
  }

  private void openLoopArrival() {
    send(null);
    scheduleArrival(arrivals.next(sim.nowNanos(), arrivalRandom));
  }

  private void think() {
    long at = sim.nowNanos() + thinkTime.sampleNanos(thinkRandom);
    if (at < endNanos && at >= sim.nowNanos()) {
      sim.scheduleAt(at, () -> send(this::think));
    }
  }

  private void send(Runnable afterAnswer) {
    long start = sim.nowNanos();
    stats.start();
    limit.enter(sim);
    RequestContext context = new RequestContext(nextRequestId++, 1, null);
    Invocation.send(sim, target, context, timeoutNanos, false, outcome -> {
      finish(outcome, start);
      if (afterAnswer != null) {
        afterAnswer.run();
      }
    });
  }

  private void finish(Outcome outcome, long startNanos) {
    stats.finish(outcome, startNanos);
    limit.leave();
  }
}
