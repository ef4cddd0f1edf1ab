package org.cascadesim.models.breaker;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.event.EventQueue;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.core.metrics.TimeWeightedGauge;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;

/**
 * A circuit breaker owned by a service, shared by every call step that names it: an explicit
 * state machine whose transitions are checked against a table and recorded with their simulated
 * time. Subclasses follow one library rule by rule ({@link OpossumBreaker}, {@link
 * Resilience4jBreaker}); this class keeps the books common to both and detects the "stuck
 * half-open" trap (mechanisms.md section 0 fact 3, section i point 2).
 *
 * <p>Metrics: gauge {@code breaker.<service>.<name>.state} (0 closed, 1 half-open, 2 open),
 * counters {@code .calls} and {@code .calls.<result>} (success, failure, timeout,
 * short-circuited, semaphore-rejected), gauge {@code .inflight} (calls whose callee has not
 * answered, including those the breaker already timed out), counter {@code .stuck-half-open}.
 */
public abstract class Breaker {

  /** Sends the protected call; the breaker calls it at most once per fired call. */
  @FunctionalInterface
  public interface Downstream {
    /** Sends the call now; {@code onAnswer} gets the callee's answer, or never (a hang). */
    void send(Invocation.Reply onAnswer);
  }

  /** Receives how a fired call ended, exactly once. */
  @FunctionalInterface
  public interface Reply {
    /**
     * @param result the breaker's result
     * @param downstream the callee's outcome for {@link CallResult#FAILURE} (ERROR, REJECTED,
     *     TIMEOUT of a transport deadline, ...), otherwise {@code result.outcome()}
     */
    void onResult(CallResult result, Outcome downstream);
  }

  /** One fired call as the breaker tracks it. */
  protected static final class Call {
    long startNanos;
    boolean settled;
    long timerHandle = EventQueue.NO_HANDLE;
    boolean holdsPermit;
    final Reply reply;

    Call(Reply reply) {
      this.reply = reply;
    }
  }

  private final TransitionTable table = TransitionTable.standard();
  /** The simulation. */
  protected final Simulation sim;
  private final String service;
  private final String name;
  private final String kind;
  private final long stuckAfterNanos;
  private final List<Transition> transitions = new ArrayList<>();
  private final TimeWeightedGauge stateGauge;
  private final TimeWeightedGauge inFlightGauge;
  private final Counter calls;
  private final Map<CallResult, Counter> results = new EnumMap<>(CallResult.class);
  private final Counter stuckCounter;
  private final List<StuckEpisode> stuck = new ArrayList<>();
  private BreakerState state = BreakerState.CLOSED;
  private long halfOpenSinceNanos;
  private int halfOpenEpisode;
  private StuckEpisode current;

  /**
   * Registers the breaker's metrics.
   *
   * @param stuckAfterNanos how long a half-open trial may stay unanswered, with no permit left,
   *     before the breaker is reported stuck
   */
  protected Breaker(Simulation sim, String service, String name, String kind, long stuckAfterNanos) {
    this.sim = sim;
    this.service = service;
    this.name = name;
    this.kind = kind;
    this.stuckAfterNanos = stuckAfterNanos;
    String prefix = "breaker." + service + "." + name;
    var metrics = sim.metrics();
    this.stateGauge = metrics.gauge(prefix + ".state", sim.nowNanos());
    this.calls = metrics.counter(prefix + ".calls");
    for (CallResult r : CallResult.values()) {
      results.put(r, metrics.counter(prefix + ".calls." + r.label()));
    }
    this.inFlightGauge = metrics.gauge(prefix + ".inflight", sim.nowNanos());
    this.stuckCounter = metrics.counter(prefix + ".stuck-half-open");
  }

  /**
   * Fires one call: the breaker decides whether to send it, sends it through {@code downstream}
   * if so, and answers through {@code reply}, possibly at once (a rejection).
   */
  public abstract void fire(Downstream downstream, Reply reply);

  /** Returns whether no trial permit is left in the half-open state. */
  protected abstract boolean trialPermitsExhausted();

  /** Returns the current state. */
  public BreakerState state() {
    return state;
  }

  /** Returns the service that owns the breaker. */
  public String service() {
    return service;
  }

  /** Returns the breaker's name. */
  public String name() {
    return name;
  }

  /** Returns every transition so far. */
  public List<Transition> transitions() {
    return List.copyOf(transitions);
  }

  /** Returns the stuck half-open episodes so far (the current one with endedAt -1). */
  public List<StuckEpisode> stuckEpisodes() {
    List<StuckEpisode> all = new ArrayList<>(stuck);
    if (current != null) {
      all.add(current);
    }
    return all;
  }

  /** Returns the calls currently in flight through the breaker. */
  public long inFlight() {
    return inFlightGauge.value();
  }

  /** Returns what the breaker did so far. */
  public BreakerSummary summary() {
    Map<CallResult, Long> counts = new EnumMap<>(CallResult.class);
    results.forEach((r, c) -> counts.put(r, c.count()));
    return new BreakerSummary(service, name, kind, state, transitions, calls.count(), counts,
        inFlightGauge.value(), inFlightGauge.max(), stuckEpisodes());
  }

  /** Moves to {@code to}, checking the transition table and recording it. */
  protected final void transition(BreakerState to, String reason) {
    table.check(state, to);
    long now = sim.nowNanos();
    transitions.add(new Transition(now, state, to, reason));
    if (state == BreakerState.HALF_OPEN && current != null) {
      stuck.add(new StuckEpisode(current.halfOpenSinceNanos(), current.trialStartNanos(),
          current.detectedAtNanos(), now, current.rejectedWhileStuck()));
      current = null;
    }
    state = to;
    stateGauge.set(now, to.gaugeValue());
    if (to == BreakerState.HALF_OPEN) {
      halfOpenSinceNanos = now;
      halfOpenEpisode++;
    }
  }

  /** Starts tracking a fired call. */
  protected final Call begin(Reply reply) {
    calls.increment(sim.nowNanos());
    Call call = new Call(reply);
    call.startNanos = sim.nowNanos();
    return call;
  }

  /** Sends the call downstream, keeping the in-flight books; {@code onAnswer} sees every answer. */
  protected final void send(Downstream downstream, Invocation.Reply onAnswer) {
    inFlightGauge.add(sim.nowNanos(), 1);
    downstream.send(outcome -> {
      inFlightGauge.add(sim.nowNanos(), -1);
      onAnswer.onReply(outcome);
    });
  }

  /** Ends a call with its result (once) and answers the caller. */
  protected final void settle(Call call, CallResult result, Outcome downstream) {
    if (call.settled) {
      return;
    }
    call.settled = true;
    sim.cancel(call.timerHandle);
    results.get(result).increment(sim.nowNanos());
    if (result == CallResult.SHORT_CIRCUITED && current != null) {
      current = new StuckEpisode(current.halfOpenSinceNanos(), current.trialStartNanos(),
          current.detectedAtNanos(), -1, current.rejectedWhileStuck() + 1);
    }
    call.reply.onResult(result, result == CallResult.FAILURE ? downstream : result.outcome());
  }

  /**
   * Watches a half-open trial: if, {@code stuckHalfOpenAfter} from now, the breaker is still in
   * this half-open episode with no permit left and the trial still unanswered, it is stuck.
   */
  protected final void watchTrial(Call trial) {
    int episode = halfOpenEpisode;
    long trialStart = sim.nowNanos();
    sim.schedule(stuckAfterNanos, () -> {
      if (state == BreakerState.HALF_OPEN && halfOpenEpisode == episode && !trial.settled
          && trialPermitsExhausted() && current == null) {
        current = new StuckEpisode(halfOpenSinceNanos, trialStart, sim.nowNanos(), -1, 0);
        stuckCounter.increment(sim.nowNanos());
      }
    });
  }
}
