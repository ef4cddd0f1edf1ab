package org.cascadesim.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.text.NumberFormat;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The inverse-quantile axis: x = 1/(1-q), labelled as the HdrHistogram plotter labels it. */
class PercentileChartTest {

  @Test
  void axisTicksAtPowersOfTenReadAsNines() {
    NumberFormat f = RootFormats.inverseQuantile();
    assertThat(f.format(1)).isEqualTo("0%");
    assertThat(f.format(10)).isEqualTo("90%");
    assertThat(f.format(100)).isEqualTo("99%");
    assertThat(f.format(1000)).isEqualTo("99.9%");
    assertThat(f.format(10000)).isEqualTo("99.99%");
    assertThat(f.format(2)).isEqualTo("50%");
  }

  @Test
  void pointsPlaceEachPercentileAtOneOverOneMinusQ() {
    // 1..100,000 microseconds, once each: the q-quantile is about q * 100 ms.
    Histogram h = new Histogram(3);
    for (long us = 1; us <= 100_000; us++) {
      h.recordValue(us * 1_000);
    }
    List<double[]> points = PercentileChart.points(h);
    assertThat(points).isNotEmpty();
    double[] median = points.stream().filter(p -> Math.abs(p[0] - 2) < 1e-9).findFirst().orElseThrow();
    assertThat(median[1]).isCloseTo(50, within(50 * 0.002));
    double[] p75 = points.stream().filter(p -> Math.abs(p[0] - 4) < 1e-9).findFirst().orElseThrow();
    assertThat(p75[1]).isCloseTo(75, within(75 * 0.002));
    for (double[] p : points) {
      assertThat(p[0]).isFinite().isGreaterThanOrEqualTo(1);
      // y follows x: the value at percentile 100 - 100/x.
      assertThat(p[1]).isCloseTo(RootFormats.percentileOf(p[0]), within(0.2 + p[1] * 0.002));
    }
  }

  @Test
  void zeroLatenciesAreLeftOutOfTheLogScale() {
    Histogram h = new Histogram(3);
    h.recordValueWithCount(0, 50);
    h.recordValueWithCount(5_000_000, 50);
    assertThat(PercentileChart.points(h)).isNotEmpty().allSatisfy(p -> assertThat(p[1]).isEqualTo(5.0, within(0.01)));
  }

  @Test
  void axisEndsAtLeastAtFourNines() {
    assertThat(PercentileChart.upperBound(3)).isEqualTo(1e4);
    assertThat(PercentileChart.upperBound(2e5)).isEqualTo(1e6);
    assertThat(PercentileChart.upperBound(1e12)).isEqualTo(1e7);
  }
}
