package org.cascadesim.models.scenario;

/**
 * Budgets that stop a runaway run (a retry storm) with a clear message instead of running out of
 * memory.
 *
 * @param maxEvents the most events one run may process
 * @param maxInFlight the most requests that may be in flight at once
 */
public record LimitsSpec(long maxEvents, long maxInFlight) {
  /** The limits used when a scenario does not set {@code limits}. */
  public static LimitsSpec defaults() {
    return new LimitsSpec(ScenarioDefaults.MAX_EVENTS, ScenarioDefaults.MAX_IN_FLIGHT);
  }
}
