package org.cascadesim.models.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Resilience4jWindowTest {
  private static final long S = 1_000_000_000L;

  @Test
  void countBasedWindowKeepsTheLastNCalls() {
    Resilience4jWindow w = Resilience4jWindow.countBased(3);
    w.record(0, true, false);
    w.record(0, true, true);
    w.record(0, false, false);
    assertThat(w.snapshot(0)).isEqualTo(new Resilience4jWindow.Snapshot(3, 2, 1));
    // The fourth call overwrites the first (a failure).
    assertThat(w.record(0, false, false)).isEqualTo(new Resilience4jWindow.Snapshot(3, 1, 1));
    assertThat(w.snapshot(0).failureRate()).isEqualTo(100f / 3);
  }

  @Test
  void timeBasedWindowKeepsTheLastNWholeSeconds() {
    Resilience4jWindow w = Resilience4jWindow.timeBased(10);
    w.record(0, true, false);
    w.record(S / 2, true, false);
    w.record(5 * S, false, false);
    assertThat(w.snapshot(9 * S + S / 2).calls()).isEqualTo(3);
    // At second 10 the window is seconds 1..10: second 0 has left.
    assertThat(w.snapshot(10 * S)).isEqualTo(new Resilience4jWindow.Snapshot(1, 0, 0));
    assertThat(w.record(15 * S, true, false)).isEqualTo(new Resilience4jWindow.Snapshot(1, 1, 0));
  }
}
