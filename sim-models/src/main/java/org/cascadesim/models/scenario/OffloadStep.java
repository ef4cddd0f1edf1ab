package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * CPU work an event loop hands to its worker pool ({@code offload: 80ms}): the loop is free while
 * the work runs, and the completion callback costs a little loop time.
 *
 * @param time how much CPU time the work needs on a pool thread
 */
public record OffloadStep(DistributionSpec time) implements StepSpec {
  /** Checks the time is present. */
  public OffloadStep {
    Objects.requireNonNull(time, "time");
  }
}
