package org.cascadesim.models.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cascadesim.core.random.RandomStream;
import org.junit.jupiter.api.Test;

class HandoffTest {

  @Test
  void fifoAndFairGiveTheConnectionToTheLongestWaiterAndDrawNothing() {
    RandomStream used = new RandomStream("pool.s.db.handoff", 42);
    RandomStream fresh = new RandomStream("pool.s.db.handoff", 42);
    for (int n = 1; n < 50; n++) {
      assertThat(Handoff.FIFO.pick(n, used)).isZero();
      assertThat(Handoff.FAIR_WITH_BARGING.pick(n, used)).isZero();
    }
    assertThat(used.nextLong()).as("no draw consumed").isEqualTo(fresh.nextLong());
  }

  @Test
  void randomPicksEveryWaiterWithEqualProbability() {
    RandomStream random = new RandomStream("pool.s.db.handoff", 7);
    int waiters = 8;
    int draws = 80_000;
    long[] counts = new long[waiters];
    for (int i = 0; i < draws; i++) {
      int pick = Handoff.RANDOM.pick(waiters, random);
      assertThat(pick).isBetween(0, waiters - 1);
      counts[pick]++;
    }
    // Pearson chi-square with 7 degrees of freedom: the 0.999 quantile is 24.32.
    double expected = (double) draws / waiters;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    assertThat(chi2).isLessThan(24.32);
  }

  @Test
  void aSingleWaiterAlwaysGetsTheConnection() {
    RandomStream random = new RandomStream("x", 1);
    for (Handoff h : Handoff.values()) {
      assertThat(h.pick(1, random)).isZero();
    }
  }

  @Test
  void pickingWithoutWaitersIsAnError() {
    assertThatThrownBy(() -> Handoff.RANDOM.pick(0, new RandomStream("x", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void labelsAreTheScenarioSpellings() {
    assertThat(Handoff.FAIR_WITH_BARGING.label()).isEqualTo("fair-with-barging");
    assertThat(Handoff.RANDOM.label()).isEqualTo("random");
  }
}
