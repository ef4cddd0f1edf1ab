package org.cascadesim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.cascadesim.cli.Main;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --best} comparison of the winner and the runner-up. Expected p-values come from the
 * closed form of the Student t distribution with 2 degrees of freedom, F(t) = 1/2 + t / (2
 * sqrt(2 + t^2)), so the two-sided p of a statistic t is 1 - |t| / sqrt(2 + t^2).
 */
class BestPointTest {

  private static final Path MM1 = Path.of("src/test/resources/scenarios/sweep/mm1.yaml");
  private static final Path NEVER_ANSWERED = Path.of("src/test/resources/scenarios/slo/never-answered.yaml");

  @TempDir Path tmp;

  /** Feeds {@code values[point][variant][replication]} of metric "m" in plan order. */
  private static SweepResult result(SweepPlan plan, double[][][] values) {
    SweepResult result = new SweepResult(plan, "m");
    for (SweepPlan.Run run : plan.runs()) {
      double v = values[run.point().index()][plan.variants().indexOf(run.variant())][run.replication()];
      result.add(run, Map.of("m", v));
    }
    return result;
  }

  private static String runnerUp(String report) {
    return report.lines().filter(l -> l.contains("runner-up")).findFirst().orElseThrow();
  }

  @Test
  void variantsOfOnePointAreComparedWithAPairedTTestOnTheirDifferences() {
    // fix - base = 2, 3, 2: mean 7/3, variance ((1/3)^2 + (2/3)^2 + (1/3)^2) / 2 = 1/3,
    // t = (7/3) / (sqrt(1/3) / sqrt(3)) = 7, df 2: p = 1 - 7 / sqrt(51) = 0.019804.
    // Welch's test of the same means (20 vs 22.33, variances 100 and 100.33) would give p = 0.79.
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1")), List.of("base", "fix"), 3, 1);
    SweepResult result = result(plan, new double[][][] {{{10, 20, 30}, {12, 23, 32}}});

    String report = SweepFolder.bestReport(Objective.parse("maximize m"), result);

    assertThat(report).startsWith("best: point 0 [1] variant fix: m = 22.333333");
    assertThat(1 - 7 / Math.sqrt(51)).isCloseTo(0.019804, offset(1e-6));
    assertThat(new TTest().tTest(new double[] {10, 20, 30}, new double[] {12, 23, 32})).isCloseTo(0.79, offset(0.01));
    assertThat(runnerUp(report)).isEqualTo("  runner-up: point 0 [1] variant base: 20; difference vs best:"
        + " paired t-test over 3 replications with the same seeds, two-sided p = 0.0198");
  }

  @Test
  void cellsOfDifferentPointsAreComparedWithWelchsTTest() {
    // Point 1: 14, 16; point 0: 10, 12; both variances 2, n = 2: t = 4 / sqrt(2/2 + 2/2) = 2 sqrt(2),
    // Welch df = (1 + 1)^2 / (1 + 1) = 2: p = 1 - 2 sqrt(2) / sqrt(10) = 1 - sqrt(0.8) = 0.105573.
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1,2")), List.of("base"), 2, 1);
    SweepResult result = result(plan, new double[][][] {{{10, 12}}, {{14, 16}}});

    String report = SweepFolder.bestReport(Objective.parse("maximize m"), result);

    assertThat(1 - Math.sqrt(0.8)).isCloseTo(0.105573, offset(1e-6));
    assertThat(runnerUp(report)).isEqualTo("  runner-up: point 0 [1] variant base: 11; difference vs best:"
        + " Welch t-test, two-sided p = 0.1056");
  }

  @Test
  void constantDifferencesAreCertainOrNoneInsteadOfAPValueOfNaN() {
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1")), List.of("base", "fix"), 3, 1);
    Objective maximize = Objective.parse("maximize m");

    String ahead = SweepFolder.bestReport(maximize, result(plan, new double[][][] {{{10, 20, 30}, {11.5, 21.5, 31.5}}}));
    String equal = SweepFolder.bestReport(maximize, result(plan, new double[][][] {{{10, 20, 30}, {10, 20, 30}}}));

    assertThat(runnerUp(ahead)).endsWith(
        "difference vs best: certain (the best is ahead by 1.5 in all 3 replications with the same seeds)");
    assertThat(runnerUp(equal)).endsWith("difference vs best: none (equal in all 3 replications with the same seeds)");
    assertThat(ahead + equal).doesNotContain("NaN");
  }

  @Test
  void constantCellsAtDifferentPointsAreCertainOrNone() {
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1,2")), List.of("base"), 2, 1);
    Objective minimize = Objective.parse("minimize m");

    String apart = SweepFolder.bestReport(minimize, result(plan, new double[][][] {{{5, 5}}, {{7, 7}}}));
    String same = SweepFolder.bestReport(minimize, result(plan, new double[][][] {{{5, 5}}, {{5, 5}}}));

    assertThat(runnerUp(apart)).endsWith("difference vs best: certain (both constant over their replications)");
    assertThat(runnerUp(same)).endsWith("difference vs best: none (both constant over their replications)");
  }

  @Test
  void oneReplicationIsTooFewForATest() {
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1")), List.of("base", "fix"), 1, 1);

    String report = SweepFolder.bestReport(Objective.parse("maximize m"), result(plan, new double[][][] {{{1}, {2}}}));

    assertThat(runnerUp(report)).endsWith("difference vs best: too few replications for a test");
  }

  @Test
  void pairedDifferenceIsTheSameWhicheverVariantCameFirstAndSkipsMissingValues() {
    // Replication 1 of base has no value: the pairs are replications 0 and 2, fix - base = 5 and 7.
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1")), List.of("base", "fix"), 3, 1);
    double[][] values = {{1, Double.NaN, 3}, {6, 100, 10}};
    SweepResult inOrder = new SweepResult(plan, "m");
    SweepResult reversed = new SweepResult(plan, "m");
    List<SweepPlan.Run> runs = plan.runs();
    for (int i = 0; i < runs.size(); i++) {
      SweepPlan.Run forward = runs.get(i);
      SweepPlan.Run backward = runs.get(runs.size() - 1 - i);
      inOrder.add(forward, Map.of("m", values[plan.variants().indexOf(forward.variant())][forward.replication()]));
      reversed.add(backward, Map.of("m", values[plan.variants().indexOf(backward.variant())][backward.replication()]));
    }
    SweepResult.Cell base = inOrder.cells().get(0);
    SweepResult.Cell fix = inOrder.cells().get(1);

    Estimate d = inOrder.pairedDifference("m", fix, base);

    assertThat(d.n()).isEqualTo(2);
    assertThat(d.mean()).isEqualTo(6.0);
    assertThat(d.stddev()).isCloseTo(Math.sqrt(2), offset(1e-12));
    assertThat(inOrder.pairedDifference("m", base, fix).mean()).isEqualTo(-6.0);
    Estimate r = reversed.pairedDifference("m", reversed.cells().get(1), reversed.cells().get(0));
    assertThat(List.of(r.n(), r.mean(), r.stddev())).isEqualTo(List.of(d.n(), d.mean(), d.stddev()));
  }

  @Test
  void pairedDifferencesRefuseCellsOfDifferentPointsAndRunsOutOfPlanOrder() {
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1,2")), List.of("base", "fix"), 1, 1);
    SweepResult result = new SweepResult(plan, "m");
    List<SweepPlan.Run> runs = plan.runs();
    result.add(runs.get(2), Map.of("m", 1.0));

    assertThatThrownBy(() -> result.add(runs.get(0), Map.of("m", 1.0))).hasMessageContaining("plan order");
    assertThatThrownBy(() -> result.pairedDifference("m", result.cells().get(0), result.cells().get(3)))
        .hasMessageContaining("do not share their seeds");
    assertThatThrownBy(() -> result.pairedDifference("other", result.cells().get(0), result.cells().get(1)))
        .hasMessageContaining("not kept");
  }

  @Test
  void sweepBestTestsTwoVariantsOfOnePointOnTheirReplicationsDifferences() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"sweep", MM1.toString(), "--vary", "clients.load.arrivals.rate=50/s",
        "--set", "duration=5s", "--set", "warmup=1s", "--variants", "base,faster", "--replications", "4",
        "--parallel", "2", "--no-charts", "--best", "minimize client.load.avg_ms", "--out", tmp.resolve("s").toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();

    // Replay both variants with the plan's seeds and test the differences by hand.
    ResolvedScenario scenario = new ScenarioReader().read(MM1,
        List.of("duration=5s", "warmup=1s", "clients.load.arrivals.rate=50/s"));
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("clients.load.arrivals.rate=50/s")),
        List.of("base", "faster"), 4, scenario.base().seed());
    double[] d = new double[4];
    for (int r = 0; r < 4; r++) {
      d[r] = avgMs(scenario, "faster", plan.seed(0, r)) - avgMs(scenario, "base", plan.seed(0, r));
    }
    double mean = (d[0] + d[1] + d[2] + d[3]) / 4;
    double ss = 0;
    for (double x : d) {
      ss += (x - mean) * (x - mean);
    }
    double t = mean / Math.sqrt(ss / 3 / 4);
    double p = 2 * new TDistribution(3).cumulativeProbability(-Math.abs(t));
    String expected = p < 0.0001 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p);

    assertThat(out.toString()).contains("best: point 0 [50/s] variant faster")
        .contains("runner-up: point 0 [50/s] variant base")
        .contains("paired t-test over 4 replications with the same seeds, two-sided " + expected);
  }

  private static double avgMs(ResolvedScenario scenario, String variant, long seed) {
    return RunMetrics.of(ScenarioRunner.run(scenario.spec(variant), variant, seed)).get("client.load.avg_ms");
  }

  @Test
  void aRunWithoutAnswersHasNoSuccessRateAndDoesNotWinMaximizeSuccessRate() throws Exception {
    Path out = tmp.resolve("never");
    StringWriter stdout = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"sweep", NEVER_ANSWERED.toString(), "--vary", "duration=10s",
        "--variants", "base,answering", "--replications", "2", "--no-charts",
        "--best", "maximize client.app.success_rate", "--out", out.toString()},
        new PrintWriter(stdout), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();

    List<String> rows = Files.readAllLines(out.resolve("runs.csv"));
    int column = List.of(rows.get(0).split(",", -1)).indexOf("client.app.success_rate");
    int requests = List.of(rows.get(0).split(",", -1)).indexOf("client.app.requests");
    // base: none of its requests is answered within the run, so it has no success rate (empty cell).
    assertThat(rows.subList(1, 5)).extracting(r -> r.split(",", -1)[2] + " " + r.split(",", -1)[requests]
        + " " + r.split(",", -1)[column])
        .containsExactly("base 100 ", "base 100 ", "answering 100 1", "answering 100 1");
    assertThat(stdout.toString()).contains("best: point 0 [10s] variant answering: client.app.success_rate = 1");
  }
}
