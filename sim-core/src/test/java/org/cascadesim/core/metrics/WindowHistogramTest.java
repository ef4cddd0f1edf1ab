package org.cascadesim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The window histogram must give exactly the statistics an HdrHistogram at three significant
 * digits gives for the same values: the per-window summaries did come from HdrHistogram, and the
 * reports and golden files rely on them.
 */
class WindowHistogramTest {

  @Test
  void indexAndValueMappingMatchHdrHistogramAcrossTheRange() {
    Histogram reference = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    for (long value : new long[] {0, 1, 2_047, 2_048, 2_049, 4_095, 4_096, 1_000_000, 123_456_789,
        3_600_000_000_000L, Long.MAX_VALUE / 4}) {
      long low = WindowHistogram.valueFromIndex(WindowHistogram.index(value));
      assertThat(low).as("lowest equivalent of %d", value)
          .isEqualTo(reference.lowestEquivalentValue(value));
      assertThat(WindowHistogram.bucketIndex(value) == 0 ? 1L : 1L << WindowHistogram.bucketIndex(value))
          .as("range size of %d", value)
          .isEqualTo(reference.sizeOfEquivalentValueRange(value));
    }
  }

  @Test
  void statisticsAreThoseOfHdrHistogramForManyDistributions() {
    RandomStream stream = new RandomStream("window-histogram-test", 42);
    Distribution[] distributions = {
      new Distribution.Exponential(3_000_000),
      new Distribution.LogNormal(Math.log(80_000_000), 1.0),
      new Distribution.Uniform(0, 3_000),
      new Distribution.Pareto(1_000, 1.2),
      new Distribution.Constant(5_000_000),
    };
    WindowHistogram window = new WindowHistogram();
    for (Distribution distribution : distributions) {
      for (int size : new int[] {1, 2, 3, 7, 99, 100, 101, 1_000, 25_000}) {
        Histogram reference = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
        window.reset();
        for (int i = 0; i < size; i++) {
          long value = distribution.sampleNanos(stream);
          reference.recordValue(value);
          window.record(value);
        }
        String what = distribution + " x " + size;
        assertThat(window.count()).as(what).isEqualTo(reference.getTotalCount());
        assertThat(window.mean()).as(what + " mean, bit for bit").isEqualTo(reference.getMean());
        assertThat(window.p50()).as(what + " p50").isEqualTo(reference.getValueAtPercentile(50));
        assertThat(window.p90()).as(what + " p90").isEqualTo(reference.getValueAtPercentile(90));
        assertThat(window.p99()).as(what + " p99").isEqualTo(reference.getValueAtPercentile(99));
        assertThat(window.max()).as(what + " max").isEqualTo(reference.getMaxValue());
      }
    }
  }

  @Test
  void zerosAndRepeatedValuesAreCountedLikeHdrHistogram() {
    Histogram reference = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    WindowHistogram window = new WindowHistogram();
    for (int i = 0; i < 60; i++) {
      reference.recordValue(0);
      window.record(0);
    }
    for (int i = 0; i < 40; i++) {
      reference.recordValue(7_777_777);
      window.record(7_777_777);
    }
    assertThat(window.p50()).isEqualTo(reference.getValueAtPercentile(50)).isZero();
    assertThat(window.p90()).isEqualTo(reference.getValueAtPercentile(90)).isGreaterThan(7_777_777);
    assertThat(window.mean()).isEqualTo(reference.getMean());
    assertThat(window.max()).isEqualTo(reference.getMaxValue());
  }

  @Test
  void resetForgetsEverythingSoTheNextWindowStartsEmpty() {
    WindowHistogram window = new WindowHistogram();
    window.record(5_000_000_000L);
    window.record(10);
    window.reset();
    assertThat(window.count()).isZero();
    assertThat(window.mean()).isZero();
    assertThat(window.p99()).isZero();
    assertThat(window.max()).isZero();

    window.record(1_000);
    assertThat(window.p50()).isEqualTo(1_000);
    assertThat(window.max()).isEqualTo(1_000);
    assertThat(window.mean()).isEqualTo(1_000.0);
  }

  @Test
  void summaryIsRecomputedAfterMoreValuesArrive() {
    WindowHistogram window = new WindowHistogram();
    window.record(100);
    assertThat(window.p99()).isEqualTo(100);
    window.record(900);
    assertThat(window.p99()).isEqualTo(900);
    assertThat(window.mean()).isEqualTo(500.0);
  }
}
