package org.cascadesim.models.retry;

import static org.assertj.core.api.Assertions.assertThat;

import org.cascadesim.models.request.Outcome;
import org.junit.jupiter.api.Test;

/** The three budgets driven by hand, against the rules of the AWS SDK, gRFC A6 and Finagle. */
class RetryBudgetTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void awsQuotaCharges5PerRetryAnd10AfterATimeoutAndRefusesWhenShort() {
    RetryBudget.AwsTokenBucket b = RetryBudget.AwsTokenBucket.sdkDefaults();
    assertThat(b.tryRetry(0, Outcome.ERROR)).isEqualTo(5);
    assertThat(b.tryRetry(0, Outcome.TIMEOUT)).isEqualTo(10);
    assertThat(b.tokens()).isEqualTo(485);
    // 485 tokens buy 48 more timeout retries (480), leaving 5: one more error retry, then nothing
    for (int i = 0; i < 48; i++) {
      assertThat(b.tryRetry(0, Outcome.TIMEOUT)).isEqualTo(10);
    }
    assertThat(b.tryRetry(0, Outcome.TIMEOUT)).isEqualTo(RetryBudget.REFUSED);
    assertThat(b.tryRetry(0, Outcome.ERROR)).isEqualTo(5);
    assertThat(b.tryRetry(0, Outcome.ERROR)).isEqualTo(RetryBudget.REFUSED);
    assertThat(b.tokens()).isZero();
  }

  @Test
  void awsQuotaRefundsTheLastRetryCostOrOneAndNeverExceedsCapacity() {
    RetryBudget.AwsTokenBucket b = RetryBudget.AwsTokenBucket.sdkDefaults();
    b.tryRetry(0, Outcome.TIMEOUT);
    b.onRequestSucceeded(0, 10); // success after a retry: its cost comes back
    assertThat(b.tokens()).isEqualTo(500);
    b.onRequestSucceeded(0, 0); // success without retry: +1, capped at 500
    assertThat(b.tokens()).isEqualTo(500);
    b.tryRetry(0, Outcome.ERROR);
    b.onRequestSucceeded(0, 0);
    assertThat(b.tokens()).isEqualTo(496);
  }

  @Test
  void grpcThrottleAllowsRetriesOnlyWhileTokensAreAboveHalf() {
    // gRFC A6 example: maxTokens 10, tokenRatio 0.1
    RetryBudget.GrpcThrottle b = new RetryBudget.GrpcThrottle(10, 0.1);
    for (int i = 0; i < 4; i++) {
      b.onAttempt(0, Outcome.ERROR, true);
    }
    assertThat(b.tokens()).isEqualTo(6.0);
    assertThat(b.tryRetry(0, Outcome.ERROR)).isZero();
    b.onAttempt(0, Outcome.ERROR, true); // 5 = maxTokens/2: not above half
    assertThat(b.tryRetry(0, Outcome.ERROR)).isEqualTo(RetryBudget.REFUSED);
    b.onAttempt(0, Outcome.OK, false); // 5.1
    assertThat(b.tokens()).isEqualTo(5.1);
    assertThat(b.tryRetry(0, Outcome.ERROR)).isZero();
    b.onAttempt(0, Outcome.ERROR, false); // a non-retryable failure costs nothing
    assertThat(b.tokens()).isEqualTo(5.1);
  }

  @Test
  void grpcThrottleStaysWithinZeroAndMax() {
    RetryBudget.GrpcThrottle b = new RetryBudget.GrpcThrottle(3, 0.5);
    b.onAttempt(0, Outcome.OK, false);
    assertThat(b.tokens()).isEqualTo(3.0);
    for (int i = 0; i < 10; i++) {
      b.onAttempt(0, Outcome.TIMEOUT, true);
    }
    assertThat(b.tokens()).isZero();
  }

  @Test
  void finagleDefaultsAllowTwentyPercentPlusTenRetriesPerSecondOfReserve() {
    RetryBudget.Finagle b = RetryBudget.Finagle.finagleDefaults();
    // reserve = 10/s * 10s * 5000 = 500,000 units = 100 retries with no traffic at all
    assertThat(b.balance(0)).isEqualTo(500_000);
    for (int i = 0; i < 100; i++) {
      assertThat(b.tryRetry(0, Outcome.ERROR)).isEqualTo(5_000);
    }
    assertThat(b.tryRetry(0, Outcome.ERROR)).isEqualTo(RetryBudget.REFUSED);
    // five requests deposit 5 x 1000 = one retry (20 %)
    for (int i = 0; i < 5; i++) {
      b.onRequest(SECOND);
    }
    assertThat(b.tryRetry(SECOND, Outcome.ERROR)).isEqualTo(5_000);
    assertThat(b.tryRetry(SECOND, Outcome.ERROR)).isEqualTo(RetryBudget.REFUSED);
  }

  @Test
  void finagleWithdrawalsExpireAfterTheTtl() {
    RetryBudget.Finagle b = RetryBudget.Finagle.finagleDefaults();
    for (int i = 0; i < 100; i++) {
      b.tryRetry(0, Outcome.ERROR);
    }
    assertThat(b.tryRetry(10 * SECOND - 1, Outcome.ERROR)).isEqualTo(RetryBudget.REFUSED);
    assertThat(b.balance(10 * SECOND)).isEqualTo(500_000);
  }

  @Test
  void finagleWithZeroPercentPaysRetriesOnlyFromTheReserveAtOneUnitEach() {
    // Finagle: percentCanRetry 0 -> deposits 0, withdrawals 1, reserve minRetriesPerSec * ttl * 1.
    RetryBudget.Finagle b = new RetryBudget.Finagle(10 * SECOND, 2, 0);
    assertThat(b.balance(0)).isEqualTo(20);
    for (int i = 0; i < 1000; i++) {
      b.onRequest(0);
    }
    assertThat(b.balance(0)).as("requests earn nothing").isEqualTo(20);
    for (int i = 0; i < 20; i++) {
      assertThat(b.tryRetry(0, Outcome.ERROR)).isEqualTo(1);
    }
    assertThat(b.tryRetry(0, Outcome.ERROR)).isEqualTo(RetryBudget.REFUSED);
    assertThat(b.tryRetry(10 * SECOND, Outcome.ERROR)).as("withdrawals expire after the ttl").isEqualTo(1);
  }

  @Test
  void finagleWithZeroPercentAndNoReserveNeverRetriesLikeItsEmptyBudget() {
    RetryBudget.Finagle b = new RetryBudget.Finagle(10 * SECOND, 0, 0);
    b.onRequest(0);
    assertThat(b.tryRetry(0, Outcome.ERROR)).isEqualTo(RetryBudget.REFUSED);
  }

  @Test
  void finagleCountsTheTtlInWholeSecondsForTheReserve() {
    // ttl.inSeconds truncates: 1.9 s -> 1 s, so the reserve is 10/s * 1 s = 10 retries of 5000.
    assertThat(new RetryBudget.Finagle(1_900_000_000L, 10, 0.2).balance(0)).isEqualTo(50_000);
  }

  @Test
  void unlimitedAlwaysAllows() {
    assertThat(new RetryBudget.Unlimited().tryRetry(0, Outcome.TIMEOUT)).isZero();
  }
}
