package org.cascadesim.models.request;

import java.util.Locale;

/**
 * The one outcome vocabulary shared by every component: how a request, an attempt or a call
 * ended. Every counter, table and time series is keyed by it.
 */
public enum Outcome {
  /** The callee answered successfully. */
  OK,
  /** The callee answered with an error (including an error caused by a failed downstream call). */
  ERROR,
  /** The caller's own deadline expired first; the callee may still be working. */
  TIMEOUT,
  /** Refused for lack of capacity: a full queue, a pool with too many waiters, a bulkhead. */
  REJECTED,
  /** Refused by an open circuit breaker without calling. */
  SHORT_CIRCUITED,
  /** Refused because the same idempotency key is in progress (HTTP 409) or was reused with another payload (422). */
  CONFLICT,
  /** Served by a fallback: a degraded answer instead of the real one. */
  DEGRADED;

  /** Returns whether this outcome counts as a successful answer for goodput. */
  public boolean isSuccess() {
    return this == OK;
  }

  /** Returns the lower-case, hyphenated name used in reports ({@code short-circuited}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
