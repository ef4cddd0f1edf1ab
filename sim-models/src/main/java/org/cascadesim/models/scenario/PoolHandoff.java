package org.cascadesim.models.scenario;

/** Which waiter gets a freed pooled connection (mechanisms.md section c; written {@code handoff}). */
public enum PoolHandoff {
  /** {@code fifo}: the longest waiter, as pgxpool (puddle over {@code x/sync/semaphore}). */
  FIFO,
  /** {@code random}: a uniformly random waiter, as Go {@code database/sql}. */
  RANDOM,
  /** {@code fair-with-barging}: the longest waiter, unless a new borrower takes it first, as HikariCP. */
  FAIR_WITH_BARGING
}
