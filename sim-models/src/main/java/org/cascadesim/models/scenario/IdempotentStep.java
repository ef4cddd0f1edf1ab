package org.cascadesim.models.scenario;

import java.util.List;
import java.util.Objects;

/**
 * Steps run under the request's idempotency key ({@code idempotent: {store: keys, do: [...]}}).
 *
 * @param store the name of an idempotency store of the same service
 * @param steps the protected steps (the side effect)
 */
public record IdempotentStep(String store, List<StepSpec> steps) implements StepSpec {
  /** Copies the steps. */
  public IdempotentStep {
    Objects.requireNonNull(store, "store");
    steps = Specs.copy(steps, "steps");
  }
}
