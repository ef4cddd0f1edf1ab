package org.cascadesim.models.breaker;

import java.util.ArrayDeque;
import java.util.Locale;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.event.EventQueue;
import org.cascadesim.models.request.Outcome;

/**
 * resilience4j's CircuitBreaker with its TimeLimiter and semaphore Bulkhead, rule by rule from
 * {@code CircuitBreakerStateMachine} and {@code CircuitBreakerMetrics} (mechanisms.md sections
 * b.1 and b.3):
 *
 * <ul>
 *   <li>CLOSED permits every call and records it only when it completes (success or error, slow
 *       when its duration is strictly above {@code slowCallDurationThreshold}); after each record
 *       it opens when at least {@code minimumNumberOfCalls} are in the window (capped at the size
 *       for COUNT_BASED) and the failure rate or the slow-call rate is at or above its threshold;
 *   <li>OPEN rejects calls ({@code CallNotPermittedException}, not recorded); the {@code n}-th
 *       consecutive opening waits {@code waitDurationInOpenState} (or its exponential); then the
 *       first call strictly after the wait moves it to HALF_OPEN (lazy) or a timer does
 *       (automatic); outcomes of calls started earlier are still recorded, without transition;
 *   <li>HALF_OPEN admits {@code permittedNumberOfCallsInHalfOpenState} calls into a fresh
 *       COUNT_BASED window of that size; after every record, once min(minimumNumberOfCalls,
 *       permitted) calls are recorded it opens if a threshold is reached and closes otherwise;
 *       {@code maxWaitDurationInHalfOpenState} above 0 opens it after that long;
 *   <li>every transition creates the new state's metrics: CLOSED starts with an empty window,
 *       OPEN keeps the window it came with; the consecutive-opening count resets on CLOSED.
 * </ul>
 *
 * <p>Decorator order (resilience4j-spring6 aspect order, {@code Retry(CircuitBreaker(RateLimiter(
 * TimeLimiter(Bulkhead(fn)))))}): the breaker asks for permission first; the Bulkhead then takes
 * a permit, waiting FIFO up to {@code maxWaitDuration} (a full Bulkhead is a recorded failure);
 * the TimeLimiter's timer starts when the call is made and a timeout is a recorded failure whose
 * work keeps running and keeps its Bulkhead permit until the callee answers (cancelling a
 * CompletableFuture does not interrupt the work). The breaker measures the duration from the
 * permission, Bulkhead wait included.
 */
public final class Resilience4jBreaker extends Breaker {

  /** The outcome of a threshold check ({@code CircuitBreakerMetrics.Result}). */
  enum Check {
    BELOW_MINIMUM_CALLS,
    BELOW_THRESHOLDS,
    ABOVE_THRESHOLDS
  }

  private final Resilience4jConfig config;
  private Resilience4jWindow window;
  private int minimumCalls;
  private int attempts;
  private long retryAfterNanos;
  private int permits;
  private long stateTimer = EventQueue.NO_HANDLE;
  private int bulkheadInUse;
  private final ArrayDeque<Waiter> bulkheadQueue = new ArrayDeque<>();

  /** A call waiting for a Bulkhead permit. */
  private static final class Waiter {
    final Call call;
    final Downstream downstream;
    long timer = EventQueue.NO_HANDLE;

    Waiter(Call call, Downstream downstream) {
      this.call = call;
      this.downstream = downstream;
    }
  }

  /** Creates a closed breaker. */
  public Resilience4jBreaker(Simulation sim, String service, String name, Resilience4jConfig config) {
    super(sim, service, name, "resilience4j", config.stuckHalfOpenAfterNanos());
    this.config = config;
    newClosedWindow();
  }

  /** Returns the window the current state records into. */
  public Resilience4jWindow window() {
    return window;
  }

  /** Returns the count of consecutive openings (0 while closed). */
  public int attempts() {
    return attempts;
  }

  /** Returns when the open state's wait ends (meaningful while open). */
  public long retryAfterNanos() {
    return retryAfterNanos;
  }

  /** Returns the Bulkhead permits in use. */
  public int bulkheadInUse() {
    return bulkheadInUse;
  }

  @Override
  protected boolean trialPermitsExhausted() {
    return permits == 0;
  }

  /**
   * Pure threshold check of {@code CircuitBreakerMetrics.checkIfThresholdsExceeded}: below the
   * minimum the rates read -1; otherwise a rate at or above its threshold is exceeded.
   */
  static Check check(Resilience4jWindow.Snapshot s, int minimumCalls, float failureRateThreshold,
      float slowCallRateThreshold) {
    if (s.calls() == 0 || s.calls() < minimumCalls) {
      return Check.BELOW_MINIMUM_CALLS;
    }
    if (s.failureRate() >= failureRateThreshold || s.slowCallRate() >= slowCallRateThreshold) {
      return Check.ABOVE_THRESHOLDS;
    }
    return Check.BELOW_THRESHOLDS;
  }

  @Override
  public void fire(Downstream downstream, Reply reply) {
    Call call = begin(reply);
    if (!tryAcquirePermission(call)) {
      settle(call, CallResult.SHORT_CIRCUITED, Outcome.SHORT_CIRCUITED);
      return;
    }
    if (config.bulkheadMaxConcurrentCalls() == Resilience4jConfig.NO_BULKHEAD) {
      start(call, downstream);
    } else if (bulkheadInUse < config.bulkheadMaxConcurrentCalls() && bulkheadQueue.isEmpty()) {
      bulkheadInUse++;
      call.holdsPermit = true;
      start(call, downstream);
    } else if (config.bulkheadMaxWaitNanos() > 0) {
      Waiter waiter = new Waiter(call, downstream);
      bulkheadQueue.addLast(waiter);
      waiter.timer = sim.schedule(config.bulkheadMaxWaitNanos(), () -> {
        bulkheadQueue.remove(waiter);
        bulkheadFull(call);
      });
    } else {
      bulkheadFull(call);
    }
  }

  private void bulkheadFull(Call call) {
    record(call, true);
    settle(call, CallResult.SEMAPHORE_REJECTED, Outcome.REJECTED);
  }

  private boolean tryAcquirePermission(Call call) {
    switch (state()) {
      case CLOSED:
        return true;
      case OPEN:
        if (sim.nowNanos() > retryAfterNanos) {
          toHalfOpen("waitDurationInOpenState elapsed, first call after it");
          return acquireTrial(call);
        }
        return false;
      default:
        return acquireTrial(call);
    }
  }

  private boolean acquireTrial(Call call) {
    if (permits > 0) {
      permits--;
      watchTrial(call);
      return true;
    }
    return false;
  }

  /** Makes the call: TimeLimiter timer, then the callee. */
  private void start(Call call, Downstream downstream) {
    if (config.timeLimiterNanos() > 0) {
      call.timerHandle = sim.schedule(config.timeLimiterNanos(), () -> {
        call.timerHandle = EventQueue.NO_HANDLE;
        record(call, true);
        settle(call, CallResult.TIMEOUT, Outcome.TIMEOUT);
      });
    }
    send(downstream, outcome -> {
      releaseBulkhead(call);
      if (call.settled) {
        return; // the TimeLimiter already answered; the late result is not recorded
      }
      boolean failed = !outcome.isSuccess();
      record(call, failed);
      settle(call, failed ? CallResult.FAILURE : CallResult.SUCCESS, outcome);
    });
  }

  private void releaseBulkhead(Call call) {
    if (!call.holdsPermit) {
      return;
    }
    call.holdsPermit = false;
    bulkheadInUse--;
    Waiter next = bulkheadQueue.pollFirst();
    if (next != null) {
      sim.cancel(next.timer);
      bulkheadInUse++;
      next.call.holdsPermit = true;
      start(next.call, next.downstream);
    }
  }

  /** Records a completed call in the current state's window and applies the state's rule. */
  private void record(Call call, boolean failed) {
    long now = sim.nowNanos();
    long duration = now - call.startNanos;
    boolean slow = duration > config.slowCallDurationThresholdNanos();
    Resilience4jWindow.Snapshot s = window.record(now, failed, slow);
    if (state() == BreakerState.OPEN) {
      return;
    }
    Check c = check(s, minimumCalls, config.failureRateThreshold(), config.slowCallRateThreshold());
    String rates = String.format(Locale.ROOT, "failure rate %.1f%%, slow-call rate %.1f%% over %d calls",
        s.failureRate(), s.slowCallRate(), s.calls());
    if (c == Check.ABOVE_THRESHOLDS) {
      toOpen(rates + " at or above a threshold");
    } else if (c == Check.BELOW_THRESHOLDS && state() == BreakerState.HALF_OPEN) {
      toClosed(rates + " below the thresholds");
    }
  }

  private void newClosedWindow() {
    int size = config.slidingWindowSize();
    if (config.timeBased()) {
      window = Resilience4jWindow.timeBased(size);
      minimumCalls = config.minimumNumberOfCalls();
    } else {
      window = Resilience4jWindow.countBased(size);
      minimumCalls = Math.min(config.minimumNumberOfCalls(), size);
    }
  }

  private void toOpen(String reason) {
    sim.cancel(stateTimer);
    transition(BreakerState.OPEN, reason);
    attempts++;
    long wait = config.waitInOpenStateNanos(attempts);
    retryAfterNanos = sim.nowNanos() + wait;
    stateTimer = config.automaticTransitionFromOpenToHalfOpenEnabled()
        ? sim.schedule(wait, () -> toHalfOpen("waitDurationInOpenState elapsed, automatic transition"))
        : EventQueue.NO_HANDLE;
  }

  private void toHalfOpen(String reason) {
    sim.cancel(stateTimer);
    stateTimer = EventQueue.NO_HANDLE;
    transition(BreakerState.HALF_OPEN, reason);
    int permitted = config.permittedNumberOfCallsInHalfOpenState();
    permits = permitted;
    window = Resilience4jWindow.countBased(permitted);
    minimumCalls = Math.min(config.minimumNumberOfCalls(), permitted);
    if (config.maxWaitDurationInHalfOpenStateNanos() > 0) {
      stateTimer = sim.schedule(config.maxWaitDurationInHalfOpenStateNanos(),
          () -> toOpen("maxWaitDurationInHalfOpenState elapsed"));
    }
  }

  private void toClosed(String reason) {
    sim.cancel(stateTimer);
    stateTimer = EventQueue.NO_HANDLE;
    transition(BreakerState.CLOSED, reason);
    attempts = 0;
    permits = 0;
    newClosedWindow();
  }
}
