package org.cascadesim.models.retry;

import java.util.List;
import java.util.function.Supplier;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;

/**
 * What a retrying caller does with one logical request: how many attempts in all (resilience4j
 * and gRPC count the first call), each attempt's timeout, the deadline over all attempts (gRFC A6:
 * the call deadline covers all attempts), which outcomes are retried, the backoff between
 * attempts, and the retry budget shared by the caller's requests.
 *
 * @param maxAttempts attempts in all, including the first (1 means no retry)
 * @param perAttemptTimeoutNanos each attempt's timeout, or {@link Invocation#NO_TIMEOUT}
 * @param deadlineNanos the deadline over all attempts from the first send, or {@link
 *     Invocation#NO_TIMEOUT}
 * @param retryOn the failed outcomes that are retried
 * @param backoff the sleep before each retry
 * @param budget makes the budget of one caller (a new one per retrying caller)
 */
public record RetryPolicy(
    int maxAttempts,
    long perAttemptTimeoutNanos,
    long deadlineNanos,
    List<Outcome> retryOn,
    Backoff backoff,
    Supplier<RetryBudget> budget) {

  /** What to do after a failed attempt. */
  public enum Decision {
    /** The outcome is final: a success, or a failure the policy does not retry. */
    FINAL,
    /** No attempt left. */
    EXHAUSTED,
    /** The sleep would end at or after the deadline: the request times out at the deadline. */
    PAST_DEADLINE,
    /** Sleep, then retry (if the budget agrees). */
    RETRY
  }

  /** Checks and copies the parameters. */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 (was " + maxAttempts + ")");
    }
    retryOn = List.copyOf(retryOn);
    if (backoff == null || budget == null) {
      throw new IllegalArgumentException("backoff and budget are required");
    }
  }

  /** Returns whether a failed attempt with this outcome is retried. */
  public boolean retries(Outcome outcome) {
    return !outcome.isSuccess() && retryOn.contains(outcome);
  }

  /**
   * Decides what follows an attempt: a pure function of the attempts made so far, the attempt's
   * outcome, the time, the deadline and the sleep the backoff chose.
   *
   * @param deadlineAtNanos the absolute deadline, or {@link Long#MAX_VALUE} for none
   */
  public Decision decide(int attemptsMade, Outcome outcome, long nowNanos, long deadlineAtNanos, long sleepNanos) {
    if (!retries(outcome)) {
      return Decision.FINAL;
    }
    if (attemptsMade >= maxAttempts) {
      return Decision.EXHAUSTED;
    }
    if (deadlineAtNanos != Long.MAX_VALUE && nowNanos + sleepNanos >= deadlineAtNanos) {
      return Decision.PAST_DEADLINE;
    }
    return Decision.RETRY;
  }

  /**
   * Returns the timeout of an attempt sent at {@code nowNanos}: the per-attempt timeout cut to what
   * is left of the deadline, {@link Invocation#NO_TIMEOUT} when neither applies.
   */
  public long attemptTimeoutNanos(long nowNanos, long deadlineAtNanos) {
    if (deadlineAtNanos == Long.MAX_VALUE) {
      return perAttemptTimeoutNanos;
    }
    long left = Math.max(0, deadlineAtNanos - nowNanos);
    return perAttemptTimeoutNanos == Invocation.NO_TIMEOUT ? left : Math.min(perAttemptTimeoutNanos, left);
  }
}
