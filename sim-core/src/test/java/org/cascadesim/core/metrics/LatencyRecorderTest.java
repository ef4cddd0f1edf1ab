package org.cascadesim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Latency summaries per window of 1,000 ns. Values below 2,048 are stored exactly by a
 * three-digit HdrHistogram, so the expected percentiles are exact.
 */
class LatencyRecorderTest {

  private static final long WINDOW = 1_000;

  @Test
  void summarisesEachWindow() {
    LatencyRecorder recorder = new MetricRegistry(WINDOW).latency("rpc");
    recorder.record(100, 10);
    recorder.record(200, 20);
    recorder.record(900, 30);
    recorder.record(2_500, 1_000);

    LatencyRecorder.WindowStats stats = recorder.windows(3);

    assertThat(stats.size()).isEqualTo(3);
    assertThat(stats.count(0)).isEqualTo(3);
    assertThat(stats.mean(0)).isEqualTo(20.0);
    assertThat(stats.p50(0)).isEqualTo(20);
    assertThat(stats.p90(0)).isEqualTo(30);
    assertThat(stats.p99(0)).isEqualTo(30);
    assertThat(stats.max(0)).isEqualTo(30);
    assertThat(stats.count(1)).as("an empty window").isZero();
    assertThat(stats.count(2)).isEqualTo(1);
    assertThat(stats.max(2)).isEqualTo(1_000);
    assertThat(recorder.count()).isEqualTo(4);
    assertThat(recorder.histogram().getMaxValue()).isEqualTo(1_000);
  }

  @Test
  void aValueForAnEarlierWindowIsRejected() {
    LatencyRecorder recorder = new MetricRegistry(WINDOW).latency("rpc");
    recorder.record(1_500, 10);

    assertThatThrownBy(() -> recorder.record(999, 10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rpc");
    assertThat(recorder.count()).isEqualTo(1);
  }

  @Test
  void aNegativeLatencyIsRejected() {
    LatencyRecorder recorder = new MetricRegistry(WINDOW).latency("rpc");

    assertThatThrownBy(() -> recorder.record(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readingWindowsMidRunKeepsTheOpenWindowWhole() {
    LatencyRecorder recorder = new MetricRegistry(WINDOW).latency("rpc");
    recorder.record(100, 10);
    assertThat(recorder.windows(1).count(0)).isEqualTo(1);

    recorder.record(200, 30);
    LatencyRecorder.WindowStats stats = recorder.windows(1);

    assertThat(stats.count(0)).isEqualTo(2);
    assertThat(stats.mean(0)).isEqualTo(20.0);
    assertThat(stats.max(0)).isEqualTo(30);
  }

  @Test
  void readingWindowsMidRunStillRejectsEarlierWindows() {
    LatencyRecorder recorder = new MetricRegistry(WINDOW).latency("rpc");
    recorder.record(2_100, 10);
    recorder.windows(3);

    assertThatThrownBy(() -> recorder.record(500, 10)).isInstanceOf(IllegalStateException.class);
    assertThat(recorder.windows(3).count(0)).isZero();
  }

  @Test
  void windowsTruncatesOrPadsToTheRequestedCount() {
    LatencyRecorder recorder = new MetricRegistry(WINDOW).latency("rpc");
    recorder.record(100, 10);
    recorder.record(1_100, 20);

    assertThat(recorder.windows(1).size()).isEqualTo(1);
    LatencyRecorder.WindowStats padded = recorder.windows(4);
    assertThat(padded.size()).isEqualTo(4);
    assertThat(padded.count(1)).isEqualTo(1);
    assertThat(padded.count(3)).isZero();
  }

  @Test
  void theWholeRunHistogramEqualsOneFedEveryValueWhenReadMidWindowAndAtTheEnd() {
    LatencyRecorder recorder = new MetricRegistry(WINDOW).latency("rpc");
    Histogram reference = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    long value = 17;
    for (long t = 0; t < 10 * WINDOW; t += 7) {
      value = (value * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L) >>> 1;
      long latency = value % 50_000_000;
      recorder.record(t, latency);
      reference.recordValue(latency);
      if (t % 1_001 == 0) {
        // A mid-window read must neither lose nor double-count the open window.
        assertThat(recorder.histogram().getTotalCount()).isEqualTo(reference.getTotalCount());
        assertThat(recorder.count()).isEqualTo(reference.getTotalCount());
      }
    }
    Histogram total = recorder.histogram();
    assertThat(total).isEqualTo(reference); // HdrHistogram's equals compares every count
    assertThat(total.getMaxValue()).isEqualTo(reference.getMaxValue());
    assertThat(total.getMinNonZeroValue()).isEqualTo(reference.getMinNonZeroValue());
    assertThat(total.getMean()).isEqualTo(reference.getMean());
    assertThat(total.getValueAtPercentile(99.9)).isEqualTo(reference.getValueAtPercentile(99.9));
  }

  @Test
  void aWarmUpResetInsideAWindowDropsItsEarlierValuesFromTheTotalButNotFromTheWindow() {
    LatencyRecorder recorder = new MetricRegistry(WINDOW).latency("rpc");
    recorder.record(100, 10);
    recorder.record(200, 20);
    recorder.resetTotal();
    recorder.record(300, 30);
    assertThat(recorder.count()).isEqualTo(1);
    recorder.record(1_500, 40);

    assertThat(recorder.count()).isEqualTo(2);
    assertThat(recorder.histogram().getTotalCount()).isEqualTo(2);
    assertThat(recorder.histogram().getMinNonZeroValue()).isEqualTo(30);
    assertThat(recorder.histogram().getMaxValue()).isEqualTo(40);
    LatencyRecorder.WindowStats stats = recorder.windows(2);
    assertThat(stats.count(0)).as("the window keeps every value").isEqualTo(3);
    assertThat(stats.mean(0)).isEqualTo(20.0);
    assertThat(stats.count(1)).isEqualTo(1);
  }

  @Test
  void aResetAfterAMidWindowReadCountsOnlyLaterValues() {
    LatencyRecorder recorder = new MetricRegistry(WINDOW).latency("rpc");
    recorder.record(100, 10);
    assertThat(recorder.histogram().getTotalCount()).isEqualTo(1);
    recorder.record(200, 20);
    recorder.resetTotal();
    recorder.record(300, 30);
    recorder.record(2_100, 50);
    assertThat(recorder.histogram().getTotalCount()).isEqualTo(2);
    assertThat(recorder.histogram().getMean()).isEqualTo(40.0);
  }

  @Test
  void anAttachedSubsetGivesWhatTwoIndependentRecordersGive() {
    for (long seed = 1; seed <= 40; seed++) {
      MetricRegistry registry = new MetricRegistry(WINDOW);
      LatencyRecorder all = registry.latency("all");
      LatencyRecorder ok = registry.latency("ok");
      all.attachSubset(ok);
      LatencyRecorder plainAll = registry.latency("plain-all");
      LatencyRecorder plainOk = registry.latency("plain-ok");
      long state = seed;
      long t = 0;
      // Windows with no failure, a few, or mostly failures; reads and a reset mid-window.
      double failureRate = (seed % 4) * 0.3;
      for (int i = 0; i < 3_000; i++) {
        state = state * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
        t += (state >>> 40) % 37;
        long latency = (state >>> 20) % 5_000_000;
        boolean success = ((state >>> 8) % 1000) / 1000.0 >= failureRate * ((t / WINDOW) % 3) / 2;
        all.record(t, latency, success);
        plainAll.record(t, latency);
        if (success) {
          plainOk.record(t, latency);
        }
        if (i == 1_000 + seed) {
          registry.resetTotals(t);
        }
        if (i % 777 == seed) {
          assertThat(ok.count()).isEqualTo(plainOk.count());
        }
      }
      assertSame(all, plainAll, seed);
      assertSame(ok, plainOk, seed);
    }
  }

  @Test
  void aSubsetCannotBeRecordedIntoDirectly() {
    MetricRegistry registry = new MetricRegistry(WINDOW);
    LatencyRecorder all = registry.latency("all");
    LatencyRecorder ok = registry.latency("ok");
    all.attachSubset(ok);
    assertThatThrownBy(() -> ok.record(0, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ok.attachSubset(registry.latency("x")))
        .isInstanceOf(IllegalStateException.class);
  }

  private static void assertSame(LatencyRecorder actual, LatencyRecorder expected, long seed) {
    String what = actual.name() + " seed " + seed;
    assertThat(actual.count()).as(what).isEqualTo(expected.count());
    assertThat(actual.histogram()).as(what).isEqualTo(expected.histogram());
    int n = 120;
    LatencyRecorder.WindowStats a = actual.windows(n);
    LatencyRecorder.WindowStats e = expected.windows(n);
    for (int w = 0; w < n; w++) {
      assertThat(a.count(w)).as(what + " window " + w).isEqualTo(e.count(w));
      assertThat(a.mean(w)).as(what + " window " + w).isEqualTo(e.mean(w));
      assertThat(a.p50(w)).as(what + " window " + w).isEqualTo(e.p50(w));
      assertThat(a.p90(w)).as(what + " window " + w).isEqualTo(e.p90(w));
      assertThat(a.p99(w)).as(what + " window " + w).isEqualTo(e.p99(w));
      assertThat(a.max(w)).as(what + " window " + w).isEqualTo(e.max(w));
    }
  }
}
