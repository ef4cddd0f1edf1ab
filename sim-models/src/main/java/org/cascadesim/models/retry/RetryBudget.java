package org.cascadesim.models.retry;

import java.util.ArrayDeque;
import org.cascadesim.models.request.Outcome;

/**
 * A limit on how many retries one retrying caller may send, shared by all its logical requests:
 * the AWS SDK retry quota, gRPC retry throttling or Finagle's {@code RetryBudget}. Each is a small
 * state machine driven only by the calls below with the simulated time passed in, so it is
 * unit-tested without the engine.
 *
 * <p>Call order for one logical request: {@link #onRequest} once; after every attempt {@link
 * #onAttempt}; before every retry {@link #tryRetry} (the retry is sent only when it returns 0 or
 * more); when the request ends with a success {@link #onRequestSucceeded} with the cost of its
 * last retry.
 */
public sealed interface RetryBudget
    permits RetryBudget.Unlimited, RetryBudget.AwsTokenBucket, RetryBudget.GrpcThrottle, RetryBudget.Finagle {

  /** Returned by {@link #tryRetry} when the budget refuses the retry. */
  long REFUSED = -1;

  /** A logical request starts. */
  default void onRequest(long nowNanos) {}

  /** An attempt ended with {@code outcome}; {@code retryable} says whether the policy retries it. */
  default void onAttempt(long nowNanos, Outcome outcome, boolean retryable) {}

  /**
   * Asks to send a retry after a failed attempt; returns the tokens withdrawn (0 or more) when
   * the retry may go, {@link #REFUSED} otherwise.
   */
  long tryRetry(long nowNanos, Outcome failure);

  /** The logical request succeeded; {@code lastRetryCost} is what its last retry withdrew, 0 if none. */
  default void onRequestSucceeded(long nowNanos, long lastRetryCost) {}

  /** No budget: every retry the policy allows is sent. */
  final class Unlimited implements RetryBudget {
    @Override
    public long tryRetry(long nowNanos, Outcome failure) {
      return 0;
    }
  }

  /**
   * The AWS SDK "standard" retry quota ({@code @smithy/util-retry} {@code StandardRetryStrategy},
   * constants of aws-sdk-js-v3 {@code middleware-retry}): the bucket starts full at {@code
   * capacity} (500); a retry after a timeout withdraws {@code timeoutCost} (10), after another
   * failure {@code retryCost} (5), and is refused when fewer tokens remain; a success puts back
   * the cost of the request's last retry, or {@code successIncrement} (1) when it needed none,
   * never above {@code capacity}.
   */
  final class AwsTokenBucket implements RetryBudget {
    private final long capacity;
    private final long retryCost;
    private final long timeoutCost;
    private final long successIncrement;
    private long tokens;

    /** Creates a full bucket. */
    public AwsTokenBucket(long capacity, long retryCost, long timeoutCost, long successIncrement) {
      this.capacity = capacity;
      this.retryCost = retryCost;
      this.timeoutCost = timeoutCost;
      this.successIncrement = successIncrement;
      this.tokens = capacity;
    }

    /** The SDK defaults: 500 tokens, retry cost 5, timeout cost 10, increment 1. */
    public static AwsTokenBucket sdkDefaults() {
      return new AwsTokenBucket(500, 5, 10, 1);
    }

    /** Returns the tokens left. */
    public long tokens() {
      return tokens;
    }

    @Override
    public long tryRetry(long nowNanos, Outcome failure) {
      long cost = failure == Outcome.TIMEOUT ? timeoutCost : retryCost;
      if (tokens < cost) {
        return REFUSED;
      }
      tokens -= cost;
      return cost;
    }

    @Override
    public void onRequestSucceeded(long nowNanos, long lastRetryCost) {
      tokens = Math.min(capacity, tokens + (lastRetryCost > 0 ? lastRetryCost : successIncrement));
    }
  }

  /**
   * gRPC retry throttling (gRFC A6 {@code retryThrottling}): the token count starts at {@code
   * maxTokens}, loses 1 per attempt failing with a retryable outcome, gains {@code tokenRatio} per
   * successful attempt, stays within [0, maxTokens]; retries are allowed only while the count is
   * above {@code maxTokens / 2}. Kept in thousandths of a token, as the ratio has at most three
   * decimals.
   */
  final class GrpcThrottle implements RetryBudget {
    private final long maxMilli;
    private final long ratioMilli;
    private long milli;

    /** Creates a full throttle; {@code tokenRatio} is rounded to three decimals. */
    public GrpcThrottle(long maxTokens, double tokenRatio) {
      this.maxMilli = maxTokens * 1000;
      this.ratioMilli = Math.round(tokenRatio * 1000);
      this.milli = maxMilli;
    }

    /** Returns the token count. */
    public double tokens() {
      return milli / 1000.0;
    }

    @Override
    public void onAttempt(long nowNanos, Outcome outcome, boolean retryable) {
      if (outcome.isSuccess()) {
        milli = Math.min(maxMilli, milli + ratioMilli);
      } else if (retryable) {
        milli = Math.max(0, milli - 1000);
      }
    }

    @Override
    public long tryRetry(long nowNanos, Outcome failure) {
      return 2 * milli > maxMilli ? 0 : REFUSED;
    }
  }

  /**
   * Finagle's {@code RetryBudget} ({@code finagle-core .../service/RetryBudget.scala}): a leaky
   * token bucket whose entries expire after {@code ttl}; each logical request deposits 1000, each
   * retry withdraws {@code 1000 / percentCanRetry}, allowed while the balance (live entries plus a
   * constant reserve of {@code minRetriesPerSec * ttl} retries, ttl in whole seconds as Finagle's
   * {@code ttl.inSeconds}) covers it. With {@code percentCanRetry = 0}, as in Finagle, requests
   * deposit nothing and a retry costs 1, so only the reserve pays for retries (and none at all
   * when {@code minRetriesPerSec} is 0 too: Finagle's {@code RetryBudget.Empty}). Simplified:
   * entries expire exactly {@code ttl} after they were made, where Finagle's windowed adder expires
   * them in ten slices of {@code ttl / 10}.
   */
  final class Finagle implements RetryBudget {
    private static final long SCALE = 1000;
    private final long ttlNanos;
    private final long deposit;
    private final long withdrawal;
    private final long reserve;
    private final ArrayDeque<long[]> entries = new ArrayDeque<>();
    private long live;

    /** Creates a budget; {@code percentCanRetry} must be in [0, 1000] and {@code ttl} positive. */
    public Finagle(long ttlNanos, double minRetriesPerSec, double percentCanRetry) {
      if (ttlNanos <= 0 || !(percentCanRetry >= 0 && percentCanRetry <= SCALE)) {
        throw new IllegalArgumentException("ttl must be positive and percentCanRetry in [0, 1000]");
      }
      this.ttlNanos = ttlNanos;
      this.deposit = percentCanRetry == 0 ? 0 : SCALE;
      this.withdrawal = percentCanRetry == 0 ? 1 : (long) (SCALE / percentCanRetry);
      this.reserve = (long) (minRetriesPerSec * (ttlNanos / 1_000_000_000L) * withdrawal);
    }

    /** Finagle's defaults: ttl 10s, 10 retries per second, 20 % of requests. */
    public static Finagle finagleDefaults() {
      return new Finagle(10_000_000_000L, 10, 0.2);
    }

    /** Returns the balance at {@code nowNanos} (reserve plus live entries). */
    public long balance(long nowNanos) {
      expire(nowNanos);
      return reserve + live;
    }

    @Override
    public void onRequest(long nowNanos) {
      if (deposit > 0) {
        put(nowNanos, deposit);
      }
    }

    @Override
    public long tryRetry(long nowNanos, Outcome failure) {
      if (balance(nowNanos) < withdrawal) {
        return REFUSED;
      }
      put(nowNanos, -withdrawal);
      return withdrawal;
    }

    private void put(long nowNanos, long amount) {
      expire(nowNanos);
      entries.addLast(new long[] {nowNanos, amount});
      live += amount;
    }

    private void expire(long nowNanos) {
      while (!entries.isEmpty() && entries.peekFirst()[0] + ttlNanos <= nowNanos) {
        live -= entries.pollFirst()[1];
      }
    }
  }
}
