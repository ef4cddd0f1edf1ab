package org.cascadesim.models.scenario;

import java.util.Objects;
import org.cascadesim.models.idempotency.IdempotencyStore;

/**
 * An idempotency-key table ({@code kind: idempotency-store}).
 *
 * @param mode check-then-insert, insert-after-unique or atomic-claim
 * @param opLatencyNanos the latency of one store operation (it is a database)
 * @param inProgress what an atomic claim does with a duplicate in progress: 409 or wait
 * @param ttlNanos how long a key lives, or {@link ScenarioDefaults#NO_TIMEOUT} for ever
 */
public record IdempotencyStoreSpec(
    IdempotencyStore.Mode mode, long opLatencyNanos, IdempotencyStore.InProgress inProgress, long ttlNanos)
    implements StoreSpec {
  /** Checks the enums are present. */
  public IdempotencyStoreSpec {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(inProgress, "inProgress");
  }
}
