package org.cascadesim.models.breaker;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/**
 * The legal transitions of one breaker kind, enforced at runtime: an illegal transition is a bug
 * in the model and throws, like resilience4j's {@code StateTransition.transitionBetween}, which
 * only knows a fixed whitelist of (from, to) pairs.
 */
final class TransitionTable {
  private final Map<BreakerState, EnumSet<BreakerState>> legal = new EnumMap<>(BreakerState.class);

  private TransitionTable() {
    for (BreakerState s : BreakerState.values()) {
      legal.put(s, EnumSet.noneOf(BreakerState.class));
    }
  }

  /**
   * The automatic transitions of both opossum ({@code open()}, the reset timer's
   * {@code _halfOpen}, {@code close()}) and resilience4j (thresholds exceeded, wait elapsed,
   * half-open evaluation, {@code maxWaitDurationInHalfOpenState}); manual ones (forced open,
   * disabled, reset) are not modelled.
   */
  static TransitionTable standard() {
    TransitionTable t = new TransitionTable();
    t.allow(BreakerState.CLOSED, BreakerState.OPEN);
    t.allow(BreakerState.OPEN, BreakerState.HALF_OPEN);
    t.allow(BreakerState.HALF_OPEN, BreakerState.CLOSED);
    t.allow(BreakerState.HALF_OPEN, BreakerState.OPEN);
    return t;
  }

  private void allow(BreakerState from, BreakerState to) {
    legal.get(from).add(to);
  }

  /** Returns whether {@code from -> to} is legal. */
  boolean isLegal(BreakerState from, BreakerState to) {
    return legal.get(from).contains(to);
  }

  /** Throws {@link IllegalStateException} unless {@code from -> to} is legal. */
  void check(BreakerState from, BreakerState to) {
    if (!isLegal(from, to)) {
      throw new IllegalStateException("illegal breaker transition " + from + " -> " + to);
    }
  }
}
