package org.cascadesim.models.breaker;

/**
 * One state change of a breaker, recorded with its simulated time and the rule that caused it.
 *
 * @param atNanos when the transition happened
 * @param from the state left
 * @param to the state entered
 * @param reason the rule, e.g. {@code error rate 52.4% > 50%} or {@code resetTimeout elapsed}
 */
public record Transition(long atNanos, BreakerState from, BreakerState to, String reason) {}
