package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A dependency with a fixed number of servers and a queue, so abandoned work still costs
 * capacity ({@code concurrency: 20, serviceTime: ..., queue: fifo}).
 *
 * @param concurrency how many calls it serves at once
 * @param serviceTime how long one call occupies a server
 * @param discipline which waiting call is served next
 * @param queueLimit how many calls may wait, or {@link ScenarioDefaults#UNBOUNDED}
 */
public record BoundedCapacity(
    int concurrency, DistributionSpec serviceTime, QueueDiscipline discipline, int queueLimit)
    implements CapacitySpec {
  /** Checks the references are present. */
  public BoundedCapacity {
    Objects.requireNonNull(serviceTime, "serviceTime");
    Objects.requireNonNull(discipline, "discipline");
  }

  /** Whether calls beyond {@link #queueLimit()} waiting are rejected. */
  public boolean isQueueBounded() {
    return queueLimit != ScenarioDefaults.UNBOUNDED;
  }
}
