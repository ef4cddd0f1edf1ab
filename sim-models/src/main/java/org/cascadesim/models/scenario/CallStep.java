package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A synchronous call to a dependency or another service's endpoint: the handler waits for the
 * answer or its timeout ({@code call: provider} or {@code call: {to: provider, timeout: 1s}}).
 *
 * @param to what is called
 * @param timeoutNanos how long the caller waits, or {@link ScenarioDefaults#NO_TIMEOUT}
 * @param cancelOnTimeout whether the callee stops working when the caller gives up (otherwise
 *     abandoned work still costs capacity)
 * @param retry the call site's retry policy, or null for none
 */
public record CallStep(CallTarget to, long timeoutNanos, boolean cancelOnTimeout, RetrySpec retry)
    implements StepSpec {
  /** Checks the target is present. */
  public CallStep {
    Objects.requireNonNull(to, "to");
  }

  /** A call without retries. */
  public CallStep(CallTarget to, long timeoutNanos, boolean cancelOnTimeout) {
    this(to, timeoutNanos, cancelOnTimeout, null);
  }

  /** Whether the caller gives up after {@link #timeoutNanos()}. */
  public boolean hasTimeout() {
    return timeoutNanos != ScenarioDefaults.NO_TIMEOUT;
  }
}
