package org.cascadesim.models.breaker;

import java.util.Locale;
import org.cascadesim.models.request.Outcome;

/**
 * How one call through a breaker ended, as the breaker books it: every call that fires ends as
 * exactly one of these (or is still in flight), so {@code calls = sum of results + in flight}.
 */
public enum CallResult {
  /** The callee answered successfully. */
  SUCCESS(Outcome.OK),
  /** The callee answered with an error (or its transport timeout fired). */
  FAILURE(Outcome.ERROR),
  /** The breaker's own timeout (opossum {@code timeout}, resilience4j TimeLimiter) fired first. */
  TIMEOUT(Outcome.TIMEOUT),
  /** Rejected without calling: the breaker is open, or half-open with no trial permit left. */
  SHORT_CIRCUITED(Outcome.SHORT_CIRCUITED),
  /** Rejected by the concurrency limit (opossum {@code capacity}, resilience4j Bulkhead). */
  SEMAPHORE_REJECTED(Outcome.REJECTED);

  private final Outcome outcome;

  CallResult(Outcome outcome) {
    this.outcome = outcome;
  }

  /** Returns the request outcome this result maps to when there is no fallback. */
  public Outcome outcome() {
    return outcome;
  }

  /** Returns the lower-case, hyphenated name used in metric names ({@code short-circuited}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
