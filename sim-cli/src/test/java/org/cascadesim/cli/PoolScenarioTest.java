package org.cascadesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.report.SummaryTable;
import org.cascadesim.models.pool.PoolSaturation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

/**
 * scenarios/pool-acquire-no-timeout.yaml (seed snippet 2): without any fix the read endpoint that
 * shares the pool stalls with the charge path; each fix keeps reads near their normal latency
 * (postgres at 2 ms mean plus 1 ms of CPU: p99 about 10 ms) or, with an acquire deadline alone,
 * bounded by that deadline, while the charge path fails fast.
 */
class PoolScenarioTest {

  private static final long MS = 1_000_000L;
  private static final ResolvedScenario SCENARIO =
      new ScenarioReader().read(Path.of("..", "scenarios", "pool-acquire-no-timeout.yaml"));

  private static RunSummary run(String variant) {
    ScenarioSpec spec = SCENARIO.spec(variant);
    return ScenarioRunner.run(spec, variant, spec.seed());
  }

  private static TrafficSummary endpoint(RunSummary run, String name) {
    return run.endpoints().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
  }

  private static long p99(TrafficSummary t) {
    return t.latency().getValueAtPercentile(99);
  }

  @Test
  void withoutAFixTheReadEndpointStallsBehindTheChargePathAndTheSummarySaysSo() {
    RunSummary base = run("base");
    TrafficSummary orders = endpoint(base, "payments /orders");
    assertThat(p99(orders)).as("reads wait in the same queue").isGreaterThan(10_000 * MS);

    List<PoolSaturation.Growth> growth = PoolSaturation.detect(base.timeSeries());
    assertThat(growth).extracting(PoolSaturation.Growth::pool).containsExactly("payments.db");
    // Charges alone leave 20 - 12.5 = 7.5 waiters/s; the reads queued with them add more.
    assertThat(growth.get(0).perSecond()).isGreaterThan(7.5);
    assertThat(SummaryTable.format(base)).contains("pool payments.db SATURATED: waiters grew");
  }

  @Test
  void timeoutsBulkheadAndNotHoldingTheConnectionKeepReadsNearNormal() {
    for (String variant : List.of("call-timeout", "both-timeouts", "bulkhead", "no-hold")) {
      RunSummary run = run(variant);
      TrafficSummary orders = endpoint(run, "payments /orders");
      assertThat(p99(orders)).as(variant + " /orders p99").isLessThan(20 * MS);
      assertThat(orders.count(Outcome.OK)).as(variant).isEqualTo(orders.answered());
      assertThat(PoolSaturation.detect(run.timeSeries())).extracting(PoolSaturation.Growth::pool)
          .as(variant).doesNotContain("payments.db");
    }
  }

  @Test
  void callTimeoutsMakeTheChargePathFailFast() {
    for (String variant : List.of("call-timeout", "both-timeouts")) {
      TrafficSummary charge = endpoint(run(variant), "payments /charge");
      assertThat(charge.count(Outcome.ERROR)).as(variant).isPositive();
      // At most cpu + the 1 s deadline + the postgres save.
      assertThat(charge.latency().getMaxValue()).as(variant).isLessThan(1_100 * MS);
    }
  }

  @Test
  void anAcquireDeadlineAloneBoundsTheWaitButStillRejectsSomeReads() {
    RunSummary run = run("acquire-timeout");
    TrafficSummary orders = endpoint(run, "payments /orders");
    TrafficSummary charge = endpoint(run, "payments /charge");
    // 1 ms cpu + at most 100 ms in the queue + one postgres read (its max in this run is ~20 ms).
    assertThat(orders.latency().getMaxValue()).isLessThan(130 * MS);
    assertThat(orders.count(Outcome.REJECTED)).isPositive();
    assertThat(charge.count(Outcome.REJECTED)).isPositive();
    // A charge that got a connection holds it across the 4 s provider call; none waits longer.
    assertThat(charge.latency().getMaxValue()).isLessThan(4_200 * MS);
    assertThat(PoolSaturation.detect(run.timeSeries())).isEmpty();
  }

  @Test
  void aBulkheadMovesTheSaturationToTheChargePathsOwnPool() {
    RunSummary run = run("bulkhead");
    assertThat(PoolSaturation.detect(run.timeSeries())).extracting(PoolSaturation.Growth::pool)
        .containsExactly("payments.charges");
    // 40 connections held 4 s: 10/s against 20/s arriving.
    assertThat(PoolSaturation.detect(run.timeSeries()).get(0).perSecond()).isBetween(8.5, 11.5);
  }
}
