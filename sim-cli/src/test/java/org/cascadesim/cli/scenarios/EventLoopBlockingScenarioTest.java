package org.cascadesim.cli.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.report.SummaryTable;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.Saturation;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

/**
 * scenarios/event-loop-blocking.yaml through the reader (seed snippet 1): synchronous CPU on the
 * loop delays every endpoint, and the more /report is called the worse; offloaded, the loop stays
 * free and /report waits only for the pool; at 5 reports/s the blocking loop is saturated.
 */
class EventLoopBlockingScenarioTest {

  private static final Path FILE = Path.of("..", "scenarios", "event-loop-blocking.yaml");
  private static final long MS = 1_000_000L;
  /** /report's synchronous CPU: pbkdf2Sync 80 ms + renderPdfSync 120 ms. */
  private static final long REPORT_CPU_NANOS = 200 * MS;
  /** /health's own loop time: 0.5 ms of handler plus 0.2 ms of accept and parse. */
  private static final long HEALTH_OWN_NANOS = 700_000L;

  private static RunSummary run(String variant, String... overrides) {
    ScenarioSpec spec = new ScenarioReader().read(FILE, List.of(overrides)).spec(variant);
    return ScenarioRunner.run(spec, variant, spec.seed());
  }

  private static TrafficSummary endpoint(RunSummary run, String path) {
    return run.endpoints().stream().filter(e -> e.name().equals("api " + path)).findFirst().orElseThrow();
  }

  private static long p99(RunSummary run, String path) {
    return endpoint(run, path).latency().getValueAtPercentile(99);
  }

  private static String rate(double perSecond) {
    return "clients.reporters.arrivals.rate=" + perSecond + "/s";
  }

  @Test
  void blockingLoopPutsTheReportCpuTimeIntoEveryEndpointsP99() {
    RunSummary base = run("base");
    for (TrafficSummary e : base.endpoints()) {
      assertThat(e.latency().getValueAtPercentile(99)).as("p99 of %s", e.name())
          .isGreaterThanOrEqualTo(REPORT_CPU_NANOS);
    }
    assertThat(base.balances()).isTrue();
  }

  @Test
  void healthDegradesMoreTheMoreReportsAreRequested() {
    double[] rates = {1, 2, 4};
    List<Double> meanHealth = new ArrayList<>();
    List<Long> p99Health = new ArrayList<>();
    for (double r : rates) {
      RunSummary run = run("base", rate(r));
      Histogram h = endpoint(run, "/health").latency();
      meanHealth.add(h.getMean());
      p99Health.add(h.getValueAtPercentile(99));
    }
    // Even at 1 report/s /health waits far beyond its own 0.7 ms.
    assertThat(meanHealth.get(0)).isGreaterThan(10.0 * HEALTH_OWN_NANOS);
    assertThat(meanHealth).isSortedAccordingTo(Double::compare).doesNotHaveDuplicates();
    assertThat(p99Health).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
  }

  @Test
  void offloadedHealthStaysNearItsOwnCostAndReportsWaitForThePool() {
    RunSummary offloaded = run("offloaded");
    assertThat(p99(offloaded, "/health")).isLessThanOrEqualTo(5 * HEALTH_OWN_NANOS);
    assertThat(p99(offloaded, "/orders")).isLessThan(p99(run("base"), "/orders") / 10);

    // /report = its 200 ms of pool work + its two waits for a pool thread + a little loop time:
    // the pool's queue, not the loop, sets its latency, and a smaller pool makes it slower.
    List<Double> meanReport = new ArrayList<>();
    for (int threads : new int[] {4, 2, 1}) {
      RunSummary run = run("offloaded", "services.api.runtime.workerPool.threads=" + threads);
      meanReport.add(endpoint(run, "/report").latency().getMean());
      if (threads == 1) {
        double excessNanos = meanReport.get(2) - REPORT_CPU_NANOS;
        assertThat(excessNanos).as("time /report spends beyond its own work").isGreaterThan(100.0 * MS);
        assertThat(max(run, "service.api.pool.queue.max")).isGreaterThanOrEqualTo(3);
        assertThat(max(run, "service.api.loop.lag.max")).as("the loop itself stays responsive")
            .isLessThan(10.0 * MS);
      }
    }
    assertThat(meanReport).isSortedAccordingTo(Double::compare).doesNotHaveDuplicates();
  }

  private static double max(RunSummary run, String column) {
    double max = 0;
    for (double v : run.timeSeries().values(column)) {
      max = Math.max(max, v);
    }
    return max;
  }

  @Test
  void atFiveReportsPerSecondTheBlockingLoopSaturatesAndTheSummarySaysSo() {
    for (double r : new double[] {5, 6}) {
      RunSummary base = run("base", rate(r));
      assertThat(Saturation.find(base)).extracting(Saturation.Finding::metric)
          .as("at %s reports/s", r).contains("service.api.loop.queue");
      assertThat(SummaryTable.format(base)).contains("SATURATED").contains("service.api.loop.queue");
    }
    assertThat(Saturation.find(run("base", rate(2)))).isEmpty();
  }

  @Test
  void offloadedHoldsUpToItsWorkerCapacity() {
    // 4 pool threads on 4 cores do 4 / 0.2 s = 20 reports/s at most (a little less: the loop
    // competes for the cores).
    for (double r : new double[] {5, 10, 15}) {
      RunSummary offloaded = run("offloaded", rate(r));
      assertThat(Saturation.find(offloaded)).as("at %s reports/s", r).isEmpty();
      assertThat(p99(offloaded, "/health")).as("at %s reports/s", r).isLessThan(REPORT_CPU_NANOS / 10);
    }
    RunSummary beyond = run("offloaded", rate(25));
    assertThat(Saturation.find(beyond)).extracting(Saturation.Finding::metric)
        .contains("service.api.pool.queue").doesNotContain("service.api.loop.queue");
  }
}
