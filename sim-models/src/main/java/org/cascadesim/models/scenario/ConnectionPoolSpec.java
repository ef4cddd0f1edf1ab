package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A fixed-size connection pool ({@code kind: connection-pool}) that handlers use with a {@code
 * with} step: database/sql, pgxpool and HikariCP as mechanisms.md section c describes them.
 *
 * @param size how many connections
 * @param acquireTimeoutNanos how long an acquire may wait, or {@link ScenarioDefaults#NO_TIMEOUT}
 * @param maxWaiters how many acquires may wait at once, or {@link ScenarioDefaults#UNBOUNDED}
 * @param handoff which waiter a freed connection goes to
 * @param handoffDelayNanos the wake-up delay of {@code fair-with-barging} hand-off
 */
public record ConnectionPoolSpec(
    int size, long acquireTimeoutNanos, int maxWaiters, PoolHandoff handoff, long handoffDelayNanos)
    implements PoolSpec {
  /** Checks the hand-off is present. */
  public ConnectionPoolSpec {
    Objects.requireNonNull(handoff, "handoff");
  }

  /** A pool of {@code size} with every other key at its default. */
  public static ConnectionPoolSpec ofSize(int size) {
    return new ConnectionPoolSpec(size, ScenarioDefaults.NO_TIMEOUT, ScenarioDefaults.UNBOUNDED,
        ScenarioDefaults.POOL_HANDOFF, ScenarioDefaults.POOL_HANDOFF_DELAY_NANOS);
  }

  /** Whether an acquire gives up after {@link #acquireTimeoutNanos()}. */
  public boolean hasAcquireTimeout() {
    return acquireTimeoutNanos != ScenarioDefaults.NO_TIMEOUT;
  }

  /** Whether acquires beyond {@link #maxWaiters()} waiting are rejected. */
  public boolean isWaitersBounded() {
    return maxWaiters != ScenarioDefaults.UNBOUNDED;
  }
}
