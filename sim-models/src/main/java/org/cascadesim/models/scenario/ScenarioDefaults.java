package org.cascadesim.models.scenario;

/** The default value of every optional scenario key, in one place so that docs and code agree. */
public final class ScenarioDefaults {
  /** The master seed when a scenario does not set {@code seed}. */
  public static final long SEED = 1L;
  /** The warmup when a scenario does not set {@code warmup}: measure from the start. */
  public static final long WARMUP_NANOS = 0L;
  /** The event budget of one run; a run that needs more stops with a clear message. */
  public static final long MAX_EVENTS = 100_000_000L;
  /** The in-flight request budget of one run; a retry storm beyond it stops the run. */
  public static final long MAX_IN_FLIGHT = 1_000_000L;
  /** The timeout value meaning "no timeout" (written {@code none} in a scenario). */
  public static final long NO_TIMEOUT = -1L;
  /** The queue limit value meaning "unbounded" (written {@code unbounded} in a scenario). */
  public static final int UNBOUNDED = -1;
  /** The error rate of a dependency that does not set {@code errorRate}. */
  public static final double ERROR_RATE = 0.0;
  /** Whether a call's work is cancelled when the caller times out, unless set. */
  public static final boolean CANCEL_ON_TIMEOUT = false;
  /** Loop time an event-loop request costs before its handler runs, unless {@code overhead} is set. */
  public static final long LOOP_OVERHEAD_NANOS = 0L;
  /** The libuv threadpool's size when {@code UV_THREADPOOL_SIZE} is not set (libuv threadpool docs). */
  public static final int LIBUV_THREADS = 4;
  /** The largest libuv threadpool (libuv 1.30 and later). */
  public static final int LIBUV_MAX_THREADS = 1024;
  /**
   * Loop time the completion callback of an offloaded task costs, unless {@code callbackCost} is
   * set: an assumed order of magnitude (wrapping the result, resolving a promise or receiving a
   * small message), not a measurement.
   */
  public static final long CALLBACK_COST_NANOS = 50_000L;
  /** The hand-off of a connection pool that does not set {@code handoff}: pgxpool's FIFO. */
  public static final PoolHandoff POOL_HANDOFF = PoolHandoff.FIFO;
  /** The wake-up delay of {@code fair-with-barging} hand-off: a thread unpark and reschedule. */
  public static final long POOL_HANDOFF_DELAY_NANOS = 20_000L;
  /** The memory estimate of one goroutine, 8 KiB (see docs/scenario-reference.md). */
  public static final long BYTES_PER_GOROUTINE = 8L * 1024;

  /** Attempts in all (including the first) of a retry policy that does not set maxAttempts (resilience4j, AWS SDK). */
  public static final int RETRY_MAX_ATTEMPTS = 3;
  /** The backoff base when unset (AWS SDK {@code DEFAULT_RETRY_DELAY_BASE}). */
  public static final long BACKOFF_BASE_NANOS = 100_000_000L;
  /** The backoff cap when unset (AWS SDK {@code MAXIMUM_RETRY_DELAY}). */
  public static final long BACKOFF_CAP_NANOS = 20_000_000_000L;
  /** The backoff multiplier when unset (the AWS formulas' 2). */
  public static final double BACKOFF_MULTIPLIER = 2.0;
  /** resilience4j's default randomization factor. */
  public static final double BACKOFF_RANDOMIZATION_FACTOR = 0.5;
  /** AWS SDK retry quota: initial tokens. */
  public static final long TOKEN_BUCKET_CAPACITY = 500;
  /** AWS SDK retry quota: cost of a retry. */
  public static final long TOKEN_BUCKET_RETRY_COST = 5;
  /** AWS SDK retry quota: cost of a retry after a timeout. */
  public static final long TOKEN_BUCKET_TIMEOUT_COST = 10;
  /** AWS SDK retry quota: refund of a success without retry. */
  public static final long TOKEN_BUCKET_SUCCESS_INCREMENT = 1;
  /** Finagle RetryBudget default ttl. */
  public static final long FINAGLE_TTL_NANOS = 10_000_000_000L;
  /** Finagle RetryBudget default minRetriesPerSec. */
  public static final double FINAGLE_MIN_RETRIES_PER_SEC = 10;
  /** Finagle RetryBudget default percentCanRetry. */
  public static final double FINAGLE_PERCENT_CAN_RETRY = 0.2;
  /** The latency of one idempotency-store operation when unset. */
  public static final long STORE_OP_LATENCY_NANOS = 2_000_000L;
  /** How long an idempotency key lives when unset (Stripe prunes keys at least 24 h old). */
  public static final long STORE_TTL_NANOS = 86_400_000_000_000L;

  private ScenarioDefaults() {}
}
