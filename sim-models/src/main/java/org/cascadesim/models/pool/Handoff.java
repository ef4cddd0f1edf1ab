package org.cascadesim.models.pool;

import org.cascadesim.core.random.RandomStream;

/**
 * Which waiter a freed connection goes to, after the three pools the research compared
 * (mechanisms.md section c): Go {@code database/sql} gives it to a random waiter ({@code
 * putConnDBLocked} calls {@code connRequests.TakeRandom()}), pgxpool waits on {@code
 * x/sync/semaphore}, whose waiters are served front-first, and HikariCP offers it on a fair {@code
 * SynchronousQueue} that a newly arriving borrower can beat by scanning the shared list first.
 */
public enum Handoff {
  /** Longest waiting first: pgxpool / puddle v2 over {@code golang.org/x/sync/semaphore}. */
  FIFO,
  /** A uniformly random waiter: Go {@code database/sql} ({@code connRequestSet.TakeRandom}). */
  RANDOM,
  /**
   * Longest waiting first after a wake-up delay, during which a new borrower may take the
   * connection ahead of every waiter: HikariCP's {@code ConcurrentBag} ({@code borrow} scans the
   * shared list before {@code handoffQueue.poll}).
   */
  FAIR_WITH_BARGING;

  /**
   * Returns the position, in arrival order for FIFO and fair hand-off or in the waiter set's slot
   * order for random hand-off, of the waiter that gets a freed connection. Random hand-off draws
   * one uniform index from {@code random}, as {@code TakeRandom} draws {@code rand.IntN(len)};
   * the other policies draw nothing.
   *
   * @param waiting the number of waiters, at least 1
   */
  public int pick(int waiting, RandomStream random) {
    if (waiting <= 0) {
      throw new IllegalArgumentException("no waiter to hand a connection to (waiting=" + waiting + ")");
    }
    return this == RANDOM ? random.nextInt(waiting) : 0;
  }

  /** Returns the scenario spelling: {@code fifo}, {@code random}, {@code fair-with-barging}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
