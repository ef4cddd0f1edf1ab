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

  private ScenarioDefaults() {}
}
