package org.cascadesim.models.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The scoped use of one of the service's pools ({@code with: db, do: [...]}): acquire a
 * connection, run the nested steps, release it on every exit path, as {@code conn :=
 * pool.Acquire(); defer pool.Release(conn)} does.
 *
 * @param pool the name of a pool of the same service
 * @param steps the steps run while the connection is held
 */
public record WithStep(String pool, List<StepSpec> steps) implements StepSpec {
  /** Copies the steps so the record is immutable. */
  public WithStep {
    Objects.requireNonNull(pool, "pool");
    steps = Specs.copy(steps, "steps");
  }
}
