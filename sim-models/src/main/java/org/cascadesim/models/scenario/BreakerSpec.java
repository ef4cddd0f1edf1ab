package org.cascadesim.models.scenario;

/**
 * A circuit breaker a service owns ({@code breakers: {provider: {kind: opossum, ...}}}), selected
 * by {@code kind}; call steps name it with {@code breaker:}.
 */
public sealed interface BreakerSpec permits OpossumBreakerSpec, Resilience4jBreakerSpec {
  /** Returns how long a half-open trial may hang before the run reports the breaker stuck, or {@link BreakerDefaults#STUCK_DEFAULT}. */
  long stuckHalfOpenAfterNanos();
}
