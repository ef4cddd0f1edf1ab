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
  /** The hand-off of a connection pool that does not set {@code handoff}: pgxpool's FIFO. */
  public static final PoolHandoff POOL_HANDOFF = PoolHandoff.FIFO;
  /** The wake-up delay of {@code fair-with-barging} hand-off: a thread unpark and reschedule. */
  public static final long POOL_HANDOFF_DELAY_NANOS = 20_000L;
  /** The memory estimate of one goroutine, 8 KiB (see docs/scenario-reference.md). */
  public static final long BYTES_PER_GOROUTINE = 8L * 1024;

  private ScenarioDefaults() {}
}
