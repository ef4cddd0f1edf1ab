/**
 * The scenario model: immutable records describing one simulation run, plus the semantic
 * validator that checks them.
 *
 * <p>Why it lives here: the records are plain Java (no parser library, no annotations) so that
 * model code and tests can build scenarios in code, and the command line's reader can bind YAML
 * or JSON onto them. Durations are {@code long} nanoseconds and rates are {@code double} per
 * second, with the unit at the end of every name ({@code timeoutNanos}, {@code ratePerSecond}).
 * Kinds that later issues will extend (runtimes, steps, distributions, faults, load shapes) are
 * sealed interfaces, so adding a kind means adding a record. Defaults live in one place,
 * {@link org.cascadesim.models.scenario.ScenarioDefaults}.
 */
package org.cascadesim.models.scenario;
