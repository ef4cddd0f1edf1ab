package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A load generator: who sends requests to which service endpoint, how often, and how long it
 * waits for an answer.
 *
 * @param target the service endpoint the client calls
 * @param load open-loop arrivals or a closed-loop user population
 * @param timeoutNanos how long the client waits, or {@link ScenarioDefaults#NO_TIMEOUT}
 * @param retry the client's retry policy, or null for none
 * @param idempotencyKeyPerRequest whether each logical request carries one idempotency key,
 *     shared by all its attempts
 */
public record ClientSpec(
    EndpointRef target, LoadSpec load, long timeoutNanos, RetrySpec retry, boolean idempotencyKeyPerRequest) {
  /** Checks the references are present. */
  public ClientSpec {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(load, "load");
  }

  /** A client without retries or idempotency keys. */
  public ClientSpec(EndpointRef target, LoadSpec load, long timeoutNanos) {
    this(target, load, timeoutNanos, null, false);
  }

  /** Whether the client gives up after {@link #timeoutNanos()}. */
  public boolean hasTimeout() {
    return timeoutNanos != ScenarioDefaults.NO_TIMEOUT;
  }
}
