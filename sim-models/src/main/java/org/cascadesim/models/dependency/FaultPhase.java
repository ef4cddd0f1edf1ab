package org.cascadesim.models.dependency;

import org.cascadesim.core.random.Distribution;

/**
 * A window of simulated time during which a dependency misbehaves: slower ({@code latency}
 * replaces the normal latency or service time), failing ({@code errorRate} replaces the normal
 * error rate) or hung (calls that start inside the window never answer).
 *
 * @param fromNanos start of the window, inclusive
 * @param toNanos end of the window, exclusive
 * @param latency the latency (or service time) during the window, or null to keep the normal one
 * @param errorRate the error probability during the window, or NaN to keep the normal one
 * @param hang whether calls starting in the window never answer
 */
public record FaultPhase(long fromNanos, long toNanos, Distribution latency, double errorRate, boolean hang) {

  /** Returns whether the phase is active at {@code nowNanos}. */
  public boolean activeAt(long nowNanos) {
    return nowNanos >= fromNanos && nowNanos < toNanos;
  }
}
