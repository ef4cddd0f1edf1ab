package org.cascadesim.models.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * One fully resolved scenario run: the base scenario or one variant merged onto it, with every
 * default filled in, so the engine never has to guess.
 *
 * @param name the scenario's name (required in the file)
 * @param description free text, empty when absent
 * @param seed the master seed of the named random streams
 * @param durationNanos simulated run length
 * @param warmupNanos leading part of the run excluded from measurements
 * @param limits budgets that stop a runaway run
 * @param clients load generators by name, in file order
 * @param services services by name, in file order
 * @param dependencies leaf dependencies by name, in file order
 */
public record ScenarioSpec(
    String name,
    String description,
    long seed,
    long durationNanos,
    long warmupNanos,
    LimitsSpec limits,
    Map<String, ClientSpec> clients,
    Map<String, ServiceSpec> services,
    Map<String, DependencySpec> dependencies) {

  /** Copies the maps so the spec is immutable and keeps file order. */
  public ScenarioSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(limits, "limits");
    clients = Specs.copy(clients, "clients");
    services = Specs.copy(services, "services");
    dependencies = Specs.copy(dependencies, "dependencies");
  }
}
