package org.cascadesim.models.scenario;

import java.util.Locale;

/** A failed outcome a retry policy may retry ({@code retryOn: [timeout, error, rejected, conflict]}). */
public enum RetryCondition {
  /** The attempt's own timeout (or the deadline) expired. */
  TIMEOUT,
  /** The callee answered with an error. */
  ERROR,
  /** The callee refused for lack of capacity. */
  REJECTED,
  /** The callee answered 409/422 (an idempotency key in use); Stripe's SDKs retry 409. */
  CONFLICT,
  /** An open circuit breaker refused without calling. */
  SHORT_CIRCUITED;

  /** Returns the scenario spelling ({@code short-circuited}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
