package org.cascadesim.models.scenario;

import java.util.List;

/**
 * Poisson arrivals whose rate follows a profile ({@code process: profile}): steps and ramps run
 * one after another from time 0, the last rate holds until the end of the run, and spikes
 * replace the rate inside their own window.
 *
 * @param phases the phases in file order
 */
public record ProfileArrivals(List<LoadPhase> phases) implements ArrivalSpec {
  /** Copies the phases so the record is immutable. */
  public ProfileArrivals {
    phases = Specs.copy(phases, "phases");
  }
}
