package org.cascadesim.models.scenario;

/** A retry budget of one retrying layer ({@code budget: {kind: token-bucket}}). */
public sealed interface BudgetSpec {

  /** No budget: every retry the policy allows is sent. */
  record None() implements BudgetSpec {}

  /**
   * The AWS SDK standard retry quota.
   *
   * @param capacity the initial and largest number of tokens (500)
   * @param retryCost the tokens a retry after an error or rejection costs (5)
   * @param timeoutCost the tokens a retry after a timeout costs (10)
   * @param successIncrement the tokens a success that needed no retry puts back (1)
   */
  record TokenBucket(long capacity, long retryCost, long timeoutCost, long successIncrement) implements BudgetSpec {}

  /**
   * gRPC retry throttling.
   *
   * @param maxTokens the initial and largest token count
   * @param tokenRatio the tokens a success adds (up to three decimals)
   */
  record Grpc(long maxTokens, double tokenRatio) implements BudgetSpec {}

  /**
   * Finagle's RetryBudget.
   *
   * @param ttlNanos how long deposits and withdrawals count (1s to 60s)
   * @param minRetriesPerSec the retries allowed per second whatever the traffic
   * @param percentCanRetry retries allowed per request, as a fraction (0.2 = 20 %)
   */
  record Finagle(long ttlNanos, double minRetriesPerSec, double percentCanRetry) implements BudgetSpec {}
}
