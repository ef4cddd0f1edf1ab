package org.cascadesim.models.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cascadesim.core.RunResult;
import org.cascadesim.core.StopReason;
import org.cascadesim.models.breaker.BreakerState;
import org.cascadesim.models.breaker.BreakerSummary;
import org.cascadesim.models.breaker.Transition;
import org.cascadesim.models.scenario.TimelineSpec;
import org.junit.jupiter.api.Test;

/** The cascade timeline on hand-made series: each line crossed once, in time order, noise ignored. */
class TimelineTest {
  private static final long S = 1_000_000_000L;

  @Test
  void aSlowClientMustStayCollapsedLongEnoughForTwentyAnswersAtItsBaseline() {
    assertThat(Timeline.goodputSustain(3, 30)).as("fast enough: the scenario's sustain").isEqualTo(3);
    assertThat(Timeline.goodputSustain(3, 19.5)).isEqualTo(3);
    assertThat(Timeline.goodputSustain(3, 4.5)).as("ceil(20 / 4.5)").isEqualTo(5);
    assertThat(Timeline.goodputSustain(3, 1)).isEqualTo(20);
    assertThat(Timeline.goodputSustain(30, 4.5)).as("a longer sustain of its own stays").isEqualTo(30);
    // Why 20: P(Poisson(4.5) <= 2) = e^-4.5 (1 + 4.5 + 4.5^2 / 2), the chance a window is at half
    // the baseline or less by noise alone; three such windows in a row are common, five rare.
    double p = Math.exp(-4.5) * (1 + 4.5 + 4.5 * 4.5 / 2);
    assertThat(p).isBetween(0.17, 0.18);
    assertThat(Math.pow(p, 3) * 60).as("expected false alarms per minute at sustain 3").isGreaterThan(0.3);
    assertThat(Math.pow(p, 5) * 3600).as("per hour at sustain 5").isLessThan(0.6);
  }

  @Test
  void firstAboveFindsTheFirstWindowStrictlyPastTheLine() {
    assertThat(Timeline.firstAbove(new double[] {1, 5, 10, 11, 30}, 0, 10)).isEqualTo(3);
    assertThat(Timeline.firstAbove(new double[] {50, 1, 1}, 1, 10)).isEqualTo(-1);
  }

  @Test
  void aRateNeedsANonZeroDenominator() {
    double[] part = {0, 3, 2, 9};
    double[] whole = {0, 0, 10, 10};
    assertThat(Timeline.firstRateAtLeast(part, whole, 0, 0.5)).isEqualTo(3);
  }

  @Test
  void aSustainedStateMustLastTheWholeSpan() {
    double[] v = {10, 2, 10, 2, 2, 2, 10};
    assertThat(Timeline.firstSustained(v, 0, 3, x -> x < 5)).isEqualTo(3);
    assertThat(Timeline.firstSustained(v, 0, 4, x -> x < 5)).isEqualTo(-1);
  }

  @Test
  void growthThatDrainsBeforeTheEndIsBounded() {
    double[] up = new double[40];
    double[] bump = new double[40];
    for (int i = 0; i < 40; i++) {
      up[i] = i < 20 ? 5 : 5 + 20 * (i - 20);
      bump[i] = i < 20 ? 5 : i < 30 ? 500 : 5;
    }
    // 5 + 20 * (i - 20) passes 5 + 100 for good after i = 25.
    assertThat(Timeline.unboundedGrowthStart(up, 0, 5, 100)).isEqualTo(26);
    assertThat(Timeline.unboundedGrowthStart(bump, 0, 5, 100)).isEqualTo(-1);
  }

  @Test
  void aPartialLastWindowIsScaledToItsRateOverAWholeWindow() {
    double[] counts = {10, 10, 3};
    // The run ends 300 ms into the third window: 3 in 0.3 s is 10 a second.
    assertThat(Timeline.perWholeWindow(counts, S, 2 * S + 300_000_000L)).containsExactly(10, 10, 10);
    assertThat(Timeline.perWholeWindow(counts, S, 3 * S)).containsExactly(10, 10, 3);
    assertThat(counts).containsExactly(10, 10, 3);
  }

  @Test
  void theMedianOfAnEvenSpanAveragesTheMiddlePair() {
    assertThat(Timeline.median(new double[] {9, 1, 4, 3}, 0, 4)).isEqualTo(3.5);
  }

  @Test
  void aSyntheticCascadeIsReadInTimeOrder() {
    int n = 60;
    List<String> columns = List.of("service.api.loop.lag.p99", "pool.svc.db.waiters.mean", "client.c.outcome.ok",
        "client.c.outcome.timeout", "sideEffect.p.duplicates", "retry.client c.requests", "retry.client c.attempts");
    double[][] data = new double[columns.size()][n];
    for (int w = 0; w < n; w++) {
      data[0][w] = w >= 25 ? 300e6 : 5e6;          // loop lag 300 ms from 25 s
      data[1][w] = w >= 20 ? 2.0 * (w - 18) : 0;   // waiters 4 at 20 s, 10 at 23 s
      data[2][w] = w < 30 ? 20 : w < 45 ? 2 : 19;  // goodput collapses at 30 s, back at 45 s
      data[3][w] = w >= 30 && w < 45 ? 18 : 0;     // timeouts 18 of 20 answers while collapsed
      data[4][w] = w == 33 ? 2 : 0;                // two extra charges at 33 s
      data[5][w] = 20;
      data[6][w] = w >= 28 && w < 45 ? 50 : 20;    // 2.5 attempts per request from 28 s
    }
    List<double[]> rows = new ArrayList<>();
    for (int w = 0; w < n; w++) {
      double[] row = new double[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        row[c] = data[c][w];
      }
      rows.add(row);
    }
    TimeSeries ts = new TimeSeries(S, columns, rows);
    BreakerSummary breaker = new BreakerSummary("svc", "p", "opossum", BreakerState.CLOSED,
        List.of(new Transition(31_500_000_000L, BreakerState.CLOSED, BreakerState.OPEN, "errors"),
            new Transition(41_500_000_000L, BreakerState.OPEN, BreakerState.HALF_OPEN, ""),
            new Transition(42_000_000_000L, BreakerState.HALF_OPEN, BreakerState.CLOSED, "")),
        0, new java.util.EnumMap<>(org.cascadesim.models.breaker.CallResult.class), 0, 0, List.of());
    RunSummary run = new RunSummary("s", "base", 1, n * S, 0, new RunResult(StopReason.END_TIME, n * S, 0, ""),
        List.of(), List.of(), List.of(), ts, RetryReport.empty(), List.of(breaker));

    Timeline timeline = Timeline.of(run, TimelineSpec.DEFAULTS);

    List<String> read = new ArrayList<>();
    for (Timeline.Moment m : timeline.moments()) {
      read.add(m.atNanos() / S + " " + m.kind().key());
    }
    assertThat(read).containsExactly(
        "23 pool-waiters",
        "25 loop-lag",
        "28 retry-amplification",
        "30 client-timeouts",
        "30 goodput-collapse",
        "31 breaker-open",
        "33 duplicate-effects",
        "41 breaker-half-open",
        "42 breaker-closed",
        "45 goodput-recovery");
    assertThat(timeline.moments().get(1).detail()).contains("300ms").contains("100ms");
  }

  @Test
  void thresholdsFromTheScenarioMoveTheMoments() {
    double[] waiters = new double[30];
    Arrays.fill(waiters, 20, 30, 6);
    TimeSeries ts = new TimeSeries(S, List.of("pool.s.db.waiters.mean"), rowsOf(waiters));
    RunSummary run = new RunSummary("s", "base", 1, 30 * S, 0, new RunResult(StopReason.END_TIME, 30 * S, 0, ""),
        List.of(), List.of(), List.of(), ts);
    assertThat(Timeline.of(run, TimelineSpec.DEFAULTS).moments()).isEmpty();
    TimelineSpec five = new TimelineSpec(100_000_000L, 5, 0.05, 1.5, 100, 0.5, 0.8, 10 * S, 3);
    assertThat(Timeline.of(run, five).moments()).extracting(Timeline.Moment::atNanos).containsExactly(20 * S);
  }

  private static List<double[]> rowsOf(double[] column) {
    List<double[]> rows = new ArrayList<>();
    for (double v : column) {
      rows.add(new double[] {v});
    }
    return rows;
  }
}
