package org.cascadesim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Time-weighted levels on hand-computed cases, with windows of 10 ns. */
class TimeWeightedGaugeTest {

  private static final long WINDOW = 10;

  /**
   * Level 2 on [0, 5), 4 on [5, 25), 1 on [25, 30). Area 10 + 80 + 5 = 95, mean 95 / 30. Window 0:
   * (2*5 + 4*5) / 10 = 3; window 1 is crossed by the single level 4: mean 4, max 4 although
   * nothing was set inside it; window 2: (4*5 + 1*5) / 10 = 2.5, max 4.
   */
  @Test
  void meanAndWindowsIntegrateTheLevelOverTime() {
    TimeWeightedGauge gauge = new MetricRegistry(WINDOW).gauge("queue", 0);
    gauge.set(0, 2);
    gauge.set(5, 4);
    gauge.set(25, 1);

    assertThat(gauge.mean(30)).isCloseTo(95.0 / 30, within(1e-12));
    assertThat(gauge.area(30)).isEqualTo(95.0);
    assertThat(gauge.windowMeans(30)).containsExactly(3.0, 4.0, 2.5);
    assertThat(gauge.windowMaxima(30)).containsExactly(4, 4, 4);
    assertThat(gauge.value()).isEqualTo(1);
    assertThat(gauge.max()).isEqualTo(4);
  }

  @Test
  void aLevelHeldAcrossManyWindowsFillsEachOfThem() {
    TimeWeightedGauge gauge = new MetricRegistry(WINDOW).gauge("pool", 0);
    gauge.set(3, 7);

    assertThat(gauge.windowMeans(50)).containsExactly(7.0 * 7 / 10, 7.0, 7.0, 7.0, 7.0);
    assertThat(gauge.windowMaxima(50)).containsExactly(7, 7, 7, 7, 7);
    assertThat(gauge.mean(50)).isCloseTo(7.0 * 47 / 50, within(1e-12));
  }

  @Test
  void theLastWindowAveragesOnlyItsElapsedPart() {
    TimeWeightedGauge gauge = new MetricRegistry(WINDOW).gauge("queue", 0);
    gauge.set(0, 2);
    gauge.set(22, 6);

    // Window 2 so far is [20, 25): 2 on [20, 22), 6 on [22, 25) -> (4 + 18) / 5.
    assertThat(gauge.windowMeans(25)).containsExactly(2.0, 2.0, 22.0 / 5);
  }

  @Test
  void aDropWithinAWindowKeepsThatWindowsMaximum() {
    TimeWeightedGauge gauge = new MetricRegistry(WINDOW).gauge("inflight", 0);
    gauge.set(0, 5);
    gauge.set(12, 0);

    assertThat(gauge.windowMeans(30)).containsExactly(5.0, 1.0, 0.0);
    assertThat(gauge.windowMaxima(30)).containsExactly(5, 5, 0);
  }

  @Test
  void aGaugeCreatedLateAveragesFromItsCreation() {
    TimeWeightedGauge gauge = new MetricRegistry(WINDOW).gauge("late", 15);
    gauge.set(15, 3);

    assertThat(gauge.mean(40)).isCloseTo(3.0, within(1e-12));
    double[] means = gauge.windowMeans(40);
    assertThat(means).hasSize(4);
    assertThat(means[1]).as("window 1 counts only [15, 20)").isCloseTo(3.0, within(1e-12));
    assertThat(means[2]).isEqualTo(3.0);
  }

  @Test
  void addChangesTheLevelByADelta() {
    TimeWeightedGauge gauge = new MetricRegistry(WINDOW).gauge("n", 0);
    gauge.add(0, 1);
    gauge.add(4, 2);
    gauge.add(8, -3);

    assertThat(gauge.value()).isZero();
    assertThat(gauge.area(10)).isEqualTo(1.0 * 4 + 3.0 * 4);
  }

  @Test
  void meanAtTheCreationInstantIsTheCurrentLevel() {
    TimeWeightedGauge gauge = new MetricRegistry(WINDOW).gauge("n", 100);
    gauge.set(100, 9);

    assertThat(gauge.mean(100)).isEqualTo(9.0);
  }
}
