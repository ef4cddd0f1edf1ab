package org.cascadesim.cli.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.run.Timeline;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * scenarios/retry-storm-metastable.yaml (Brooker's congestive collapse, mechanisms.md g.3 and
 * g.5): over several seeds the base stays collapsed long after its 4 s spike (goodput below half
 * of its pre-spike level, g.5.1), each mitigation brings goodput back to at least 90 % (g.5.5), and
 * backoff does not save an open-loop ramp (g.5.6).
 */
class MetastableRetryStormScenarioTest {

  private static final Path FILE = Path.of("..", "scenarios", "retry-storm-metastable.yaml");
  private static final ResolvedScenario SCENARIO = new ScenarioReader().read(FILE);

  /** Mean successful answers per second over windows [from, to) seconds. */
  private static double goodput(RunSummary run, int from, int to) {
    double[] ok = run.timeSeries().values("client.callers.outcome.ok");
    double sum = 0;
    for (int w = from; w < to; w++) {
      sum += ok[w];
    }
    return sum / (to - from) * 1e9 / run.timeSeries().windowNanos();
  }

  private static RunSummary run(String variant, long seed) {
    ScenarioSpec spec = SCENARIO.spec(variant);
    return ScenarioRunner.run(spec, variant, seed);
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 17, 41})
  void theBaseStaysCollapsedAfterTheSpikeEnds(long seed) {
    RunSummary base = run("base", seed);
    double before = goodput(base, 10, 30);
    // The spike ends at 34 s; the last 40 s are long after the trigger.
    double after = goodput(base, 80, 120);
    assertThat(before).isGreaterThan(35); // 40/s offered, stable below the ~84/s the server completes
    assertThat(after).isLessThan(0.5 * before);
    assertThat(Timeline.of(base, SCENARIO.timeline()).moments())
        .extracting(Timeline.Moment::kind)
        .contains(Timeline.Kind.GOODPUT_COLLAPSE, Timeline.Kind.RETRY_AMPLIFICATION, Timeline.Kind.INFLIGHT_GROWTH)
        .doesNotContain(Timeline.Kind.GOODPUT_RECOVERY);
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 17, 41})
  void everyMitigationRecoversToNinetyPercent(long seed) {
    for (String variant : List.of("retry-budget", "backoff", "lifo", "shed-expired")) {
      RunSummary run = run(variant, seed);
      double before = goodput(run, 10, 30);
      double after = goodput(run, 80, 120);
      assertThat(after).as(variant + " seed " + seed).isGreaterThanOrEqualTo(0.9 * before);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 17})
  void backoffAloneDoesNotSaveAnOpenLoopRamp(long seed) {
    RunSummary ramp = run("ramp-backoff", seed);
    // The ramp is back at the base 40/s from 70 s; goodput stays collapsed anyway.
    assertThat(goodput(ramp, 80, 120)).isLessThan(0.5 * goodput(ramp, 10, 30));
  }
}
