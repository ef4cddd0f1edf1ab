package org.cascadesim.models.scenario;

import java.util.List;

/**
 * An endpoint's handler: the steps it runs in order, written as a list under the endpoint name.
 *
 * @param steps the handler steps in file order
 */
public record EndpointSpec(List<StepSpec> steps) {
  /** Copies the steps so the record is immutable. */
  public EndpointSpec {
    steps = Specs.copy(steps, "steps");
  }
}
