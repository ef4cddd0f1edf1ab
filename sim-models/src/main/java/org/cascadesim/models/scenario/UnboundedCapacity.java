package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A dependency with infinite capacity: every call takes a latency drawn from a distribution
 * ({@code latency: ...}).
 *
 * @param latency the latency of one call
 */
public record UnboundedCapacity(DistributionSpec latency) implements CapacitySpec {
  /** Checks the latency is present. */
  public UnboundedCapacity {
    Objects.requireNonNull(latency, "latency");
  }
}
