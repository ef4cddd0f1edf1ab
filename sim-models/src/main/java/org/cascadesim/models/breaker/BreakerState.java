package org.cascadesim.models.breaker;

/**
 * The three states both modelled libraries share (opossum {@code lib/circuit.js} CLOSED, OPEN,
 * HALF_OPEN; resilience4j {@code CircuitBreaker.State}), with the value the state gauge shows.
 */
public enum BreakerState {
  /** Calls pass and outcomes are recorded. */
  CLOSED(0),
  /** Trial calls only; every other call is rejected. */
  HALF_OPEN(1),
  /** Every call is rejected without calling. */
  OPEN(2);

  private final int gaugeValue;

  BreakerState(int gaugeValue) {
    this.gaugeValue = gaugeValue;
  }

  /** Returns the value of the {@code breaker.<service>.<name>.state} gauge: 0, 1 or 2. */
  public int gaugeValue() {
    return gaugeValue;
  }

  /** Returns the lower-case, hyphenated name used in reports ({@code half-open}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
