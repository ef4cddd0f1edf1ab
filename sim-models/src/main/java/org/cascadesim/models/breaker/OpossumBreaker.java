package org.cascadesim.models.breaker;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.event.EventQueue;
import org.cascadesim.models.breaker.OpossumWindow.Event;
import org.cascadesim.models.request.Outcome;

/**
 * opossum's breaker, rule by rule from {@code lib/circuit.js} ({@code call()}, {@code fail()},
 * {@code _halfOpen}, {@code open()}, {@code close()}; mechanisms.md sections a.1 to a.3):
 *
 * <ul>
 *   <li>every call is counted as a {@code fire} when it starts, rejected ones included; outcomes
 *       are counted when they happen, in {@link OpossumWindow};
 *   <li>a call is rejected when the breaker is not closed and no trial is pending;
 *   <li>the first call after {@code resetTimeout} (pendingClose) is the one half-open trial;
 *   <li>a full semaphore ({@code capacity}) rejects the call through the failure path;
 *   <li>{@code timeout} (0 = none) ends the call as a failure, releases the semaphore and ignores
 *       the callee's later answer (the work is not cancelled);
 *   <li>the open check runs only when a failure arrives: not during warm-up, not below {@code
 *       volumeThreshold} fires unless half-open, then open if {@code failures/fires*100 >
 *       errorThresholdPercentage} (strictly) or half-open;
 *   <li>any success closes a half-open breaker (even from a call started before);
 *   <li>opening starts the {@code resetTimeout} timer (a simulation event); closing clears it;
 *       statistics are never reset.
 * </ul>
 */
public final class OpossumBreaker extends Breaker {

  private final OpossumConfig config;
  private final OpossumWindow window;
  private final long createdNanos;
  private boolean pendingClose;
  private int semaphoreInUse;
  private long resetTimer = EventQueue.NO_HANDLE;

  /** Creates a closed breaker; its statistics clock starts now. */
  public OpossumBreaker(Simulation sim, String service, String name, OpossumConfig config) {
    super(sim, service, name, "opossum", config.stuckHalfOpenAfterNanos());
    this.config = config;
    this.createdNanos = sim.nowNanos();
    this.window = new OpossumWindow(config.rollingCountTimeoutNanos(), config.rollingCountBuckets(), createdNanos);
  }

  /** Returns the statistics window (for inspection). */
  public OpossumWindow window() {
    return window;
  }

  /** Returns whether the next call will be the half-open trial. */
  public boolean pendingClose() {
    return pendingClose;
  }

  /** Returns the semaphore permits in use. */
  public int semaphoreInUse() {
    return semaphoreInUse;
  }

  @Override
  protected boolean trialPermitsExhausted() {
    return !pendingClose;
  }

  @Override
  public void fire(Downstream downstream, Reply reply) {
    long now = sim.nowNanos();
    Call call = begin(reply);
    window.add(Event.FIRE, now);
    if (state() != BreakerState.CLOSED && !pendingClose) {
      window.add(Event.REJECT, now);
      settle(call, CallResult.SHORT_CIRCUITED, Outcome.SHORT_CIRCUITED);
      return;
    }
    if (state() == BreakerState.HALF_OPEN) {
      watchTrial(call);
    }
    pendingClose = false;
    if (semaphoreInUse >= config.capacity()) {
      window.add(Event.SEMAPHORE_REJECTION, now);
      fail(call, CallResult.SEMAPHORE_REJECTED, Outcome.REJECTED, "semaphore locked");
      return;
    }
    semaphoreInUse++;
    call.holdsPermit = true;
    if (config.timeoutNanos() > 0) {
      call.timerHandle = sim.schedule(config.timeoutNanos(), () -> {
        call.timerHandle = EventQueue.NO_HANDLE;
        release(call);
        window.add(Event.TIMEOUT, sim.nowNanos());
        fail(call, CallResult.TIMEOUT, Outcome.TIMEOUT, "timeout");
      });
    }
    send(downstream, outcome -> {
      if (call.settled) {
        return; // answered after the timeout: ignored, as opossum ignores a late resolution
      }
      release(call);
      if (outcome.isSuccess()) {
        window.add(Event.SUCCESS, sim.nowNanos());
        if (state() == BreakerState.HALF_OPEN) {
          close();
        }
        settle(call, CallResult.SUCCESS, outcome);
      } else {
        fail(call, CallResult.FAILURE, outcome, "failure");
      }
    });
  }

  private void release(Call call) {
    if (call.holdsPermit) {
      call.holdsPermit = false;
      semaphoreInUse--;
    }
  }

  /** opossum's {@code fail()}: count the failure, then decide whether to open. */
  private void fail(Call call, CallResult result, Outcome outcome, String what) {
    long now = sim.nowNanos();
    window.add(Event.FAILURE, now);
    decideOnFailure(now, what);
    settle(call, result, outcome);
  }

  private void decideOnFailure(long now, String what) {
    if (config.allowWarmUp() && now < createdNanos + config.rollingCountTimeoutNanos()) {
      return; // warming up: failures cannot open the breaker
    }
    boolean halfOpen = state() == BreakerState.HALF_OPEN;
    OpossumWindow.Totals stats = window.totals(now);
    if (stats.fires() < config.volumeThreshold() && !halfOpen) {
      return;
    }
    double errorRate = stats.errorPercentage();
    if (halfOpen) {
      open(what + " while half-open");
    } else if (errorRate > config.errorThresholdPercentage()) {
      open(String.format(java.util.Locale.ROOT, "%s: error rate %d/%d = %.1f%% > %s%%", what,
          stats.failures(), stats.fires(), errorRate, fmt(config.errorThresholdPercentage())));
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  /** opossum's {@code open()}: a no-op when already open. */
  private void open(String reason) {
    if (state() == BreakerState.OPEN) {
      return;
    }
    transition(BreakerState.OPEN, reason);
    pendingClose = false;
    resetTimer = sim.schedule(config.resetTimeoutNanos(), this::halfOpen);
  }

  /** opossum's {@code _halfOpen}: the reset timer fired. */
  private void halfOpen() {
    resetTimer = EventQueue.NO_HANDLE;
    transition(BreakerState.HALF_OPEN, "resetTimeout elapsed");
    pendingClose = true;
  }

  /** opossum's {@code close()}: clears the reset timer; a no-op when already closed. */
  private void close() {
    if (state() == BreakerState.CLOSED) {
      return;
    }
    sim.cancel(resetTimer);
    resetTimer = EventQueue.NO_HANDLE;
    transition(BreakerState.CLOSED, "success while half-open");
    pendingClose = false;
  }
}
