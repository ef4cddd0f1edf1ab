package org.cascadesim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Counts in total and per window of 10 ns. */
class CounterTest {

  @Test
  void countsInTotalAndPerWindow() {
    Counter counter = new MetricRegistry(10).counter("requests");
    counter.increment(0);
    counter.add(9, 2);
    counter.increment(10);
    counter.add(35, 5);

    assertThat(counter.count()).isEqualTo(9);
    assertThat(counter.perWindow()).containsExactly(3, 1, 0, 5);
  }

  @Test
  void perWindowGrowsPastItsInitialSize() {
    Counter counter = new MetricRegistry(10).counter("requests");
    counter.increment(1_000);

    long[] perWindow = counter.perWindow();
    assertThat(perWindow).hasSize(101);
    assertThat(perWindow[100]).isEqualTo(1);
  }

  @Test
  void aCounterOnlyGrows() {
    Counter counter = new MetricRegistry(10).counter("requests");

    assertThatThrownBy(() -> counter.add(0, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(counter.count()).isZero();
  }
}
