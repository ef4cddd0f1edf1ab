package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A call step through one of the service's breakers ({@code call: {to: provider, breaker:
 * provider, fallback: degraded, fallbackLatency: 5ms}}).
 *
 * @param call the call itself (its own {@code timeout} acts inside the breaker, like a transport deadline)
 * @param breaker the name of a breaker in the service's {@code breakers}
 * @param fallback what a call the breaker did not let succeed does
 * @param fallbackLatency how long the degraded fallback takes
 */
public record BreakerCallStep(CallStep call, String breaker, Fallback fallback, DistributionSpec fallbackLatency)
    implements StepSpec {

  /** A breaker fallback ({@code fallback: error | degraded}). */
  public enum Fallback {
    /** Fail fast with the breaker's outcome. */
    ERROR,
    /** Answer degraded after the fallback latency and continue the handler. */
    DEGRADED
  }

  /** Checks the parts are present. */
  public BreakerCallStep {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(breaker, "breaker");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(fallbackLatency, "fallbackLatency");
  }
}
