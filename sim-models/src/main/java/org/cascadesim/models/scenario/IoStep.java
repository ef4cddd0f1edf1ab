package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * Waiting that does not need a thread of its own in an asynchronous runtime ({@code io: 20ms}).
 *
 * @param time how long the step waits
 */
public record IoStep(DistributionSpec time) implements StepSpec {
  /** Checks the time is present. */
  public IoStep {
    Objects.requireNonNull(time, "time");
  }
}
