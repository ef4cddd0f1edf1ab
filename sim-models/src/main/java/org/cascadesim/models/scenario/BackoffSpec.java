package org.cascadesim.models.scenario;

import java.util.Objects;
import org.cascadesim.models.retry.Backoff;

/**
 * The sleep before each retry ({@code backoff: {kind: full-jitter, base: 100ms, cap: 2s}}); the
 * formulas are those of {@link Backoff}.
 *
 * @param kind the formula
 * @param baseNanos the base (the constant sleep of {@code constant})
 * @param capNanos the largest sleep
 * @param multiplier the growth per retry
 * @param randomizationFactor the ±fraction of {@code randomized-exponential}
 */
public record BackoffSpec(Backoff.Kind kind, long baseNanos, long capNanos, double multiplier, double randomizationFactor) {
  /** Checks the kind is present. */
  public BackoffSpec {
    Objects.requireNonNull(kind, "kind");
  }
}
