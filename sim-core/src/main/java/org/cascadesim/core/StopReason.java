package org.cascadesim.core;

/** Why a run returned: every run stops for exactly one of these reasons. */
public enum StopReason {
  /** The next pending event lies after the requested end time (the normal end of a run). */
  END_TIME,
  /** No event is pending: nothing more can happen. */
  IDLE,
  /** The configured maximum number of events was executed: a runaway guard. */
  EVENT_LIMIT,
  /** A model asked the simulation to stop (for example a limit on requests in flight). */
  STOPPED
}
