package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * Computation that holds a runtime thread for its duration ({@code cpu: 5ms}).
 *
 * @param time how long the step computes
 */
public record CpuStep(DistributionSpec time) implements StepSpec {
  /** Checks the time is present. */
  public CpuStep {
    Objects.requireNonNull(time, "time");
  }
}
