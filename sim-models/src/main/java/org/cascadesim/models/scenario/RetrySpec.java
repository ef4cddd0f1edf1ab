package org.cascadesim.models.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A retry policy on a client or a call step ({@code retry: {maxAttempts: 3, backoff: ...}}):
 * retries at several layers multiply.
 *
 * @param maxAttempts attempts in all, including the first
 * @param perAttemptTimeoutNanos each attempt's timeout, or {@link ScenarioDefaults#NO_TIMEOUT} to
 *     use the client's or call's {@code timeout}
 * @param deadlineNanos the deadline over all attempts, or {@link ScenarioDefaults#NO_TIMEOUT}
 * @param retryOn the failed outcomes retried
 * @param backoff the sleep before each retry
 * @param budget the retry budget of the layer
 */
public record RetrySpec(
    int maxAttempts,
    long perAttemptTimeoutNanos,
    long deadlineNanos,
    List<RetryCondition> retryOn,
    BackoffSpec backoff,
    BudgetSpec budget) {

  /** Copies the conditions. */
  public RetrySpec {
    retryOn = Specs.copy(retryOn, "retryOn");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(budget, "budget");
  }

  /** Whether the policy sets its own per-attempt timeout. */
  public boolean hasPerAttemptTimeout() {
    return perAttemptTimeoutNanos != ScenarioDefaults.NO_TIMEOUT;
  }

  /** Whether the policy has a deadline over all attempts. */
  public boolean hasDeadline() {
    return deadlineNanos != ScenarioDefaults.NO_TIMEOUT;
  }
}
