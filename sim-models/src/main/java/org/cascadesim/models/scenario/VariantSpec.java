package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A named variant of a scenario, already merged onto the base, so it runs like any other spec.
 *
 * @param name the variant's name
 * @param description what the variant changes, empty when absent
 * @param spec the resolved spec
 */
public record VariantSpec(String name, String description, ScenarioSpec spec) {
  /** Checks the fields are present. */
  public VariantSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(spec, "spec");
  }
}
