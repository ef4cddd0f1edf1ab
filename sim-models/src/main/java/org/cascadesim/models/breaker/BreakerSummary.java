package org.cascadesim.models.breaker;

import java.util.List;
import java.util.Map;

/**
 * What one breaker did during a run: its transitions with their times, its calls by result, the
 * calls still in flight through it, and any stuck half-open episodes.
 *
 * @param service the service that owns the breaker
 * @param name the breaker's name in the service's {@code breakers} map
 * @param kind {@code opossum} or {@code resilience4j}
 * @param finalState the state at the end of the run
 * @param transitions every transition, in time order
 * @param calls calls fired through the breaker
 * @param results calls by result, every result present, in declaration order
 * @param inFlight calls whose callee had not answered at the end (hung, abandoned after a timeout, or pending)
 * @param maxInFlight the most calls in flight at once
 * @param stuck stuck half-open episodes, in time order
 */
public record BreakerSummary(
    String service,
    String name,
    String kind,
    BreakerState finalState,
    List<Transition> transitions,
    long calls,
    Map<CallResult, Long> results,
    long inFlight,
    long maxInFlight,
    List<StuckEpisode> stuck) {

  /** Copies the lists so the summary is immutable. */
  public BreakerSummary {
    transitions = List.copyOf(transitions);
    results = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(results));
    stuck = List.copyOf(stuck);
  }

  /** Returns the number of calls that ended with {@code result}. */
  public long count(CallResult result) {
    return results.getOrDefault(result, 0L);
  }

  /** Returns the time of the first transition into {@code state}, or -1. */
  public long firstTime(BreakerState state) {
    for (Transition t : transitions) {
      if (t.to() == state) {
        return t.atNanos();
      }
    }
    return -1;
  }
}
