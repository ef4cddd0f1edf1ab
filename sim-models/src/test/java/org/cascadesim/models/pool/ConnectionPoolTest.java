package org.cascadesim.models.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.Counter;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

  private static final long MS = 1_000_000L;

  private final Simulation sim = new Simulation(3);
  private final List<String> log = new ArrayList<>();

  /** A listener that logs "<name> got" / "<name> refused|timed out" with the time in ms. */
  private ConnectionPool.Listener logging(String name) {
    return new ConnectionPool.Listener() {
      @Override
      public void onAcquired() {
        log.add(name + " got @" + sim.nowNanos() / MS);
      }

      @Override
      public void onRefused(boolean timedOut) {
        log.add(name + (timedOut ? " timed out @" : " refused @") + sim.nowNanos() / MS);
      }
    };
  }

  private ConnectionPool pool(int size, long timeout, int maxWaiters, Handoff handoff) {
    return new ConnectionPool(sim, "s", "db", size, timeout, maxWaiters, handoff, 5 * MS);
  }

  private long count(String name) {
    return ((Counter) sim.metrics().find("pool.s.db." + name)).count();
  }

  @Test
  void idleConnectionsAreTakenAtOnceAndTheRestWait() {
    ConnectionPool pool = pool(2, ConnectionPool.NO_TIMEOUT, ConnectionPool.UNBOUNDED, Handoff.FIFO);
    pool.acquire(logging("a"));
    pool.acquire(logging("b"));
    ConnectionPool.Ticket c = pool.acquire(logging("c"));

    assertThat(log).containsExactly("a got @0", "b got @0");
    assertThat(c.isWaiting()).isTrue();
    assertThat(pool.inUse()).isEqualTo(2);
    assertThat(pool.idle()).isZero();
    assertThat(pool.waiting()).isEqualTo(1);
    assertThat(pool.checkInvariants()).isNull();
  }

  @Test
  void fifoHandsFreedConnectionsToWaitersInArrivalOrderAtTheReleaseInstant() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT, ConnectionPool.UNBOUNDED, Handoff.FIFO);
    pool.acquire(logging("a"));
    for (String n : List.of("b", "c", "d")) {
      pool.acquire(logging(n));
    }
    for (int i = 1; i <= 3; i++) {
      sim.schedule(i * 10 * MS, pool::release);
    }
    sim.runUntilIdle();

    assertThat(log).containsExactly("a got @0", "b got @10", "c got @20", "d got @30");
    assertThat(pool.inUse()).isEqualTo(1);
    assertThat(pool.idle()).isZero();
    assertThat(pool.checkInvariants()).isNull();
  }

  @Test
  void aFullWaiterQueueRejectsAtOnce() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT, 1, Handoff.FIFO);
    pool.acquire(logging("a"));
    pool.acquire(logging("b"));
    ConnectionPool.Ticket c = pool.acquire(logging("c"));

    assertThat(log).containsExactly("a got @0", "c refused @0");
    assertThat(c.isWaiting()).isFalse();
    assertThat(count("rejected")).isEqualTo(1);
    assertThat(count("acquire-timeouts")).isZero();
  }

  @Test
  void maxWaitersZeroIsTryAcquire() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT, 0, Handoff.FIFO);
    pool.acquire(logging("a"));
    pool.acquire(logging("b"));
    assertThat(log).containsExactly("a got @0", "b refused @0");
  }

  @Test
  void anAcquireDeadlineRefusesTheWaiterAndCountsItApartFromRejections() {
    ConnectionPool pool = pool(1, 100 * MS, ConnectionPool.UNBOUNDED, Handoff.FIFO);
    pool.acquire(logging("a"));
    sim.schedule(30 * MS, () -> pool.acquire(logging("b")));
    sim.schedule(200 * MS, pool::release);
    sim.runUntilIdle();

    assertThat(log).containsExactly("a got @0", "b timed out @130");
    assertThat(count("acquire-timeouts")).isEqualTo(1);
    assertThat(count("rejected")).isZero();
    assertThat(pool.inUse()).isZero();
    assertThat(pool.idle()).isEqualTo(1);
  }

  @Test
  void aWaiterServedBeforeItsDeadlineIsNotRefusedLater() {
    ConnectionPool pool = pool(1, 100 * MS, ConnectionPool.UNBOUNDED, Handoff.FIFO);
    pool.acquire(logging("a"));
    pool.acquire(logging("b"));
    sim.schedule(50 * MS, pool::release);
    sim.runUntilIdle();

    assertThat(log).containsExactly("a got @0", "b got @50");
    assertThat(count("acquire-timeouts")).isZero();
  }

  @Test
  void aCallerThatGivesUpLeavesTheQueueAndTheNextWaiterIsServed() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT, ConnectionPool.UNBOUNDED, Handoff.FIFO);
    pool.acquire(logging("a"));
    ConnectionPool.Ticket b = pool.acquire(logging("b"));
    pool.acquire(logging("c"));
    sim.schedule(10 * MS, () -> assertThat(b.cancel()).isTrue());
    sim.schedule(20 * MS, pool::release);
    sim.runUntilIdle();

    assertThat(log).containsExactly("a got @0", "c got @20");
    assertThat(count("cancelled")).isEqualTo(1);
    assertThat(b.cancel()).as("a second cancel does nothing").isFalse();
  }

  @Test
  void acquireWaitIsRecordedForEveryGrantIncludingZeroWaits() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT, ConnectionPool.UNBOUNDED, Handoff.FIFO);
    pool.acquire(logging("a"));
    pool.acquire(logging("b"));
    sim.schedule(40 * MS, pool::release);
    sim.runUntilIdle();

    var wait = sim.metrics().latency("pool.s.db.acquire-wait").histogram();
    assertThat(wait.getTotalCount()).isEqualTo(2);
    assertThat(wait.getMinValue()).isZero();
    assertThat(wait.getMaxValue()).isBetween(40 * MS - 40 * MS / 1000, 40 * MS + 40 * MS / 1000);
  }

  @Test
  void fairHandoffWakesTheLongestWaiterAfterTheWakeUpDelay() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT, ConnectionPool.UNBOUNDED, Handoff.FAIR_WITH_BARGING);
    pool.acquire(logging("a"));
    pool.acquire(logging("b"));
    pool.acquire(logging("c"));
    sim.schedule(10 * MS, pool::release);
    sim.runUntilIdle();

    assertThat(log).containsExactly("a got @0", "b got @15");
    assertThat(pool.checkInvariants()).isNull();
  }

  @Test
  void aBorrowerArrivingDuringTheWakeUpBargesAheadOfTheWaiter() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT, ConnectionPool.UNBOUNDED, Handoff.FAIR_WITH_BARGING);
    pool.acquire(logging("a"));
    pool.acquire(logging("b"));
    sim.schedule(10 * MS, pool::release);
    sim.schedule(12 * MS, () -> pool.acquire(logging("x")));
    sim.schedule(12 * MS, () -> assertThat(pool.checkInvariants()).isNull());
    sim.schedule(50 * MS, pool::release);
    sim.runUntilIdle();

    assertThat(log).containsExactly("a got @0", "x got @12", "b got @55");
    assertThat(count("barged")).isEqualTo(1);
    assertThat(pool.checkInvariants()).isNull();
  }

  @Test
  void aFairHandoffWhoseWaiterLeftLeavesTheConnectionIdle() {
    ConnectionPool pool = pool(1, 3 * MS, ConnectionPool.UNBOUNDED, Handoff.FAIR_WITH_BARGING);
    pool.acquire(logging("a"));
    sim.schedule(1 * MS, () -> pool.acquire(logging("b"))); // deadline at 4 ms
    sim.schedule(2 * MS, pool::release); // wake-up due at 7 ms
    sim.runUntilIdle();

    assertThat(log).containsExactly("a got @0", "b timed out @4");
    assertThat(pool.idle()).isEqualTo(1);
    assertThat(pool.checkInvariants()).isNull();
    pool.acquire(logging("c"));
    assertThat(log).endsWith("c got @7");
  }

  @Test
  void randomHandoffServesWaitersInAnOrderOtherThanArrival() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT, ConnectionPool.UNBOUNDED, Handoff.RANDOM);
    pool.acquire(logging("w0"));
    int n = 30;
    for (int i = 1; i <= n; i++) {
      pool.acquire(logging("w" + i));
      sim.schedule(i * MS, pool::release);
    }
    sim.runUntilIdle();

    List<String> served = new ArrayList<>();
    for (String line : log.subList(1, log.size())) {
      served.add(line.substring(0, line.indexOf(' ')));
    }
    List<String> arrival = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      arrival.add("w" + i);
    }
    assertThat(served).containsExactlyInAnyOrderElementsOf(arrival);
    assertThat(served).as("1 in 30! chance of arrival order").isNotEqualTo(arrival);
  }

  @Test
  void releasingWithoutAConnectionIsABug() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT, ConnectionPool.UNBOUNDED, Handoff.FIFO);
    org.assertj.core.api.Assertions.assertThatThrownBy(pool::release).isInstanceOf(IllegalStateException.class);
  }
}
