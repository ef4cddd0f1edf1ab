package org.cascadesim.models.idempotency;

import java.util.List;
import org.cascadesim.models.runtime.Execution;
import org.cascadesim.models.runtime.Step;

/**
 * The {@code idempotent} step: runs {@code body} (the side-effecting steps, such as the charge)
 * under the request's idempotency key in {@code store}, the way the store's mode does it; a
 * request without a key runs the body unprotected.
 */
public record IdempotentBlock(IdempotencyStore store, List<Step> body) implements Step {
  /** Copies the body. */
  public IdempotentBlock {
    body = List.copyOf(body);
  }

  @Override
  public void run(Execution execution) {
    store.enter(execution, body);
  }
}
