package org.cascadesim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cascadesim.cli.Main;
import org.cascadesim.cli.output.RunReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line edge cases of {@code sim sweep}: default folder, bounds, duplicates, metric names. */
class SweepCommandLineTest {

  private static final Path MM1 = Path.of("src/test/resources/scenarios/sweep/mm1.yaml");

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int sim(String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void defaultSweepFolderIsASiblingOfTheRunFolderNotInsideIt() {
    Path run = RunReporter.defaultFolder("checkout");
    Path sweep = SweepArgs.defaultFolder("checkout");

    assertThat(sweep).isEqualTo(Path.of("out", "checkout-sweep"));
    assertThat(sweep.startsWith(run)).isFalse();
  }

  @Test
  void defaultSweepFolderUsesTheRunSanitizerForLongAndHiddenNames() {
    String longName = "x".repeat(300);

    assertThat(SweepArgs.defaultFolder(longName).getFileName().toString())
        .isEqualTo(RunReporter.defaultFolder(longName).getFileName() + "-sweep")
        .hasSizeLessThan(255);
    assertThat(SweepArgs.defaultFolder(".hidden  two").getFileName().toString())
        .isEqualTo("_hidden_two-sweep");
  }

  private String sweepOut() {
    return tmp.resolve("sweep").toString();
  }

  @Test
  void sweepRejectsAParallelismTooLargeBeforeRunning() {
    int code = sim("sweep", MM1.toString(), "--vary", "duration=1s", "--parallel", "536870912", "--out", sweepOut());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--parallel must be between 1 and 1024 (was 536870912)")
        .doesNotContain("internal error");
    assertThat(Files.exists(tmp.resolve("sweep"))).isFalse();
  }

  @Test
  void sweepRejectsHugeReplicationsAndRunCountsBeforeRunning() {
    assertThat(sim("sweep", MM1.toString(), "--vary", "duration=1s", "--replications", "1000000000", "--out", sweepOut()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--replications must be between 1 and 100000 (was 1000000000)");

    assertThat(sim("sweep", MM1.toString(), "--vary", "duration=1s,2s,3s,4s,5s,6s,7s,8s,9s,10s,11s",
        "--variants", "base,faster", "--replications", "50000", "--out", sweepOut())).isEqualTo(2);
    assertThat(err.toString()).contains("too many runs: 11 points x 2 variants x 50000 replications; at most 1000000");
    assertThat(Files.exists(tmp.resolve("sweep"))).isFalse();
  }

  @Test
  void compareObjectiveRejectsHugeParallelismAndReplicationsBeforeRunning() {
    String folder = tmp.resolve("cmp").toString();
    assertThat(sim("compare", MM1.toString(), "--objective", "minimize client.load.avg_ms",
        "--parallel", "536870912", "--out", folder)).isEqualTo(2);
    assertThat(err.toString()).contains("--parallel must be between 1 and 1024");
    assertThat(sim("compare", MM1.toString(), "--objective", "minimize client.load.avg_ms",
        "--replications", "1000000000", "--out", folder)).isEqualTo(2);
    assertThat(err.toString()).contains("--replications must be between 2 and 100000");
    assertThat(Files.exists(tmp.resolve("cmp"))).isFalse();
  }

  @Test
  void benchRejectsHugeRepetitions() {
    assertThat(sim("bench", "--repetitions", "1000000000")).isEqualTo(2);
    assertThat(err.toString()).contains("--repetitions must be between 1 and 1000 (was 1000000000)");
    assertThat(sim("bench", "--warmups", "1000000000")).isEqualTo(2);
    assertThat(err.toString()).contains("--warmups must be between 0 and 1000");
  }

  private int compare(String... extra) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("compare", MM1.toString(),
        "--set", "duration=2s", "--set", "warmup=0s", "--out", tmp.resolve("cmp").toString()));
    args.addAll(java.util.List.of(extra));
    return sim(args.toArray(String[]::new));
  }

  @Test
  void compareObjectiveChecksReplicationsParallelAndMetricsBeforeAnyRunOrFolder() {
    assertThat(compare("--objective", "minimize client.load.avg_ms", "--replications", "1")).isEqualTo(2);
    assertThat(compare("--objective", "minimize client.load.avg_ms", "--replications", "0")).isEqualTo(2);
    assertThat(compare("--objective", "minimize client.load.avg_ms", "--replications", "-3")).isEqualTo(2);
    assertThat(compare("--objective", "minimize client.load.avg_ms", "--parallel", "0")).isEqualTo(2);
    assertThat(compare("--objective", "maximize client.nope.goodput_per_s")).isEqualTo(2);
    assertThat(compare("--objective", "minimize client.load.avg_ms subject to client.load.nope >= 1")).isEqualTo(2);

    assertThat(Files.exists(tmp.resolve("cmp"))).isFalse();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("--replications must be between 2 and 100000 for a confidence interval (was 1)")
        .contains("(was -3)")
        .contains("--parallel must be between 1 and 1024 (was 0)")
        .contains("--objective: no metric named 'client.nope.goodput_per_s'; metrics: client.load.*, endpoint.server/work.*"
            + " with * one of p50_ms,")
        .contains("no metric named 'client.load.nope'")
        .doesNotContain("ranking");
  }

  @Test
  void compareObjectiveDoesNotRankWhenTheComparisonFolderCannotBeWritten() throws Exception {
    Files.writeString(tmp.resolve("cmp"), "a file where the folder should go");

    int code = compare("--objective", "minimize client.load.avg_ms", "--replications", "2");

    assertThat(code).isEqualTo(73);
    assertThat(out.toString() + err.toString()).doesNotContain("ranking");
  }

  @Test
  void metricNamesKnownBeforeARunAreThoseOfTheRun() throws Exception {
    org.cascadesim.models.scenario.ResolvedScenario scenario = new org.cascadesim.cli.io.ScenarioReader()
        .read(MM1, java.util.List.of("duration=1s", "warmup=0s"));
    java.util.Map<String, Double> ran = RunMetrics.of(
        org.cascadesim.models.run.ScenarioRunner.run(scenario.spec("base"), "base", 1));

    assertThat(RunMetrics.names(scenario.spec("base"))).containsExactlyElementsOf(ran.keySet());
  }

  @Test
  void sweepChecksBestConstraintAndChartMetricNamesBeforeRunning() {
    assertThat(sim("sweep", MM1.toString(), "--vary", "duration=20s", "--out", sweepOut(),
        "--best", "minimize client.nope.p99_ms")).isEqualTo(2);
    assertThat(sim("sweep", MM1.toString(), "--vary", "duration=20s", "--out", sweepOut(),
        "--best", "minimize client.load.p99_ms subject to client.other.success_rate >= 99%")).isEqualTo(2);
    assertThat(sim("sweep", MM1.toString(), "--vary", "duration=20s", "--out", sweepOut(),
        "--metrics", "nosuch")).isEqualTo(2);

    assertThat(Files.exists(tmp.resolve("sweep"))).isFalse();
    assertThat(err.toString())
        .contains("--best: no metric named 'client.nope.p99_ms'; metrics: client.load.*")
        .contains("--best: no metric named 'client.other.success_rate'")
        .contains("--metrics: no metric named 'nosuch'")
        .doesNotContain("sweep: ");
  }

  @Test
  void sweepRunsAVariantListedTwiceOnce() throws Exception {
    int code = sim("sweep", MM1.toString(), "--vary", "duration=15s,20s", "--variants", "base, base,faster",
        "--replications", "2", "--out", sweepOut(), "-q");

    assertThat(code).as(err.toString()).isZero();
    java.util.List<String> summary = Files.readAllLines(tmp.resolve("sweep/summary.csv"));
    // header + 2 points x 2 variants, none blank
    assertThat(summary).hasSize(5).allSatisfy(line -> assertThat(line).isNotBlank());
    assertThat(summary.subList(1, 5)).extracting(line -> line.split(",")[1])
        .containsExactly("base", "faster", "base", "faster");
    assertThat(Files.readAllLines(tmp.resolve("sweep/runs.csv"))).hasSize(1 + 2 * 2 * 2);
    assertThat(tmp.resolve("sweep/charts/sweep-client.load.p99_ms.png")).exists();
  }

  @Test
  void sweepRejectsAKeyVariedTwiceAndAValueGivenTwice() {
    assertThat(sim("sweep", MM1.toString(), "--vary", "duration=15s", "--vary", "duration=20s", "--out", sweepOut()))
        .isEqualTo(2);
    assertThat(sim("sweep", MM1.toString(), "--vary", "duration=20s, 20s", "--out", sweepOut())).isEqualTo(2);

    assertThat(err.toString()).contains("--vary duration is given twice")
        .contains("--vary duration=20s, 20s: the value '20s' is given twice");
    assertThat(Files.exists(tmp.resolve("sweep"))).isFalse();
  }

  @Test
  void quietCompareObjectivePrintsNoRanking() {
    int code = compare("--objective", "minimize client.load.avg_ms", "--replications", "2", "-q");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aBadVaryValueIsReportedAgainstVaryNotSet() {
    int code = sim("sweep", MM1.toString(), "--vary", "services.server.runtime.threads=1,many", "--out", sweepOut());

    assertThat(code).isEqualTo(65);
    assertThat(err.toString()).contains("--vary services.server.runtime.threads=many").doesNotContain("--set");
  }
}
