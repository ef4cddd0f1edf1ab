package org.cascadesim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cascadesim.cli.Main;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.core.random.SeedMixer;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

  private static final Path MM1 = Path.of("src/test/resources/scenarios/sweep/mm1.yaml");

  @TempDir Path tmp;

  private int sim(String... args) {
    return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  @Test
  void planIsTheCartesianProductWithTheFirstAxisVaryingSlowest() {
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1,2"), SweepPlan.Axis.parse("b=x,y,z")),
        List.of("base", "fix"), 3, 42);

    assertThat(plan.points()).extracting(SweepPlan.Point::values).containsExactly(
        List.of("1", "x"), List.of("1", "y"), List.of("1", "z"), List.of("2", "x"), List.of("2", "y"), List.of("2", "z"));
    assertThat(plan.runs()).hasSize(6 * 2 * 3);
    assertThat(plan.overrides(plan.points().get(4))).containsExactly("a=2", "b=y");
  }

  @Test
  void seedsDependOnPointAndReplicationOnlyAndVariantsShareThem() {
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1,2")), List.of("base", "fix"), 2, 42);

    assertThat(plan.seed(1, 1)).isEqualTo(SeedMixer.derive(SeedMixer.derive(42, 1), 1));
    List<Long> seeds = new ArrayList<>();
    for (SweepPlan.Run run : plan.runs()) {
      if (run.variant().equals("base")) {
        seeds.add(run.seed());
      } else {
        assertThat(run.seed()).isEqualTo(plan.seed(run.point().index(), run.replication()));
      }
    }
    assertThat(seeds).doesNotHaveDuplicates().hasSize(4);
    SweepPlan other = new SweepPlan(List.of(SweepPlan.Axis.parse("a=1,2")), List.of("base"), 2, 43);
    assertThat(other.seed(0, 0)).isNotEqualTo(plan.seed(0, 0));
  }

  @Test
  void parallelRunsWriteTheSameBytesAsSerialRuns() throws Exception {
    Path serial = tmp.resolve("serial");
    Path parallel = tmp.resolve("parallel");
    String[] common = {"sweep", MM1.toString(), "--vary", "clients.load.arrivals.rate=30/s,60/s",
        "--set", "duration=5s", "--set", "warmup=1s", "--variants", "base,faster", "--replications", "3", "--quiet"};

    assertThat(sim(concat(common, "--parallel", "1", "--out", serial.toString()))).isZero();
    assertThat(sim(concat(common, "--parallel", "3", "--out", parallel.toString()))).isZero();

    List<String> files = new ArrayList<>(List.of("runs.csv", "runs.jsonl", "summary.csv", "summary.json"));
    for (String stem : List.of("p99_ms", "goodput_per_s", "success_rate")) {
      files.add("charts/sweep-client.load." + stem + ".png");
      files.add("charts/sweep-client.load." + stem + ".svg");
    }
    for (String point : List.of("0", "1")) {
      for (String variant : List.of("base", "faster")) {
        files.add("hgrm/" + MergedLatencies.fileName(Integer.parseInt(point), variant, "load"));
      }
    }
    for (String file : files) {
      assertThat(Files.readAllBytes(parallel.resolve(file))).as(file).isEqualTo(Files.readAllBytes(serial.resolve(file)));
    }
    assertThat(Files.readAllLines(serial.resolve("runs.csv"))).hasSize(1 + 2 * 2 * 3);
    try (Stream<Path> folders = Files.list(tmp)) {
      assertThat(folders.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("serial", "parallel");
    }
  }

  @Test
  void anInvalidVariedValueIsReportedWithTheSetPathAndExitCode65() {
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"sweep", MM1.toString(), "--vary", "services.server.runtime.threads=2,0",
        "--out", tmp.resolve("x").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));

    assertThat(code).isEqualTo(65);
    assertThat(err.toString()).contains("services.server.runtime.threads=0").doesNotContain("Exception");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void objectiveParsesGoalsAndPercentConstraints() {
    Objective o = Objective.parse("minimize client.a.p99_ms subject to client.a.success_rate >= 99.9% and x.y < 3");

    assertThat(o.minimize()).isTrue();
    assertThat(o.metric()).isEqualTo("client.a.p99_ms");
    assertThat(o.constraints()).containsExactly(new Objective.Constraint("client.a.success_rate", ">=", 0.999),
        new Objective.Constraint("x.y", "<", 3));
    assertThatThrownBy(() -> Objective.parse("best p99")).hasMessageContaining("minimize|maximize");
  }

  @Test
  void studentTIntervalMatchesTheTextbookValue() {
    // n = 4, mean 2.5, s = 1.2910; t(0.975, 3) = 3.1824; half-width = 3.1824 * 1.2910 / 2 = 2.0543.
    Estimate e = Estimate.of(new double[] {1, 2, 3, 4});

    assertThat(e.mean()).isEqualTo(2.5);
    assertThat(e.halfWidth()).isCloseTo(2.0543, org.assertj.core.data.Offset.offset(1e-4));
  }

  /**
   * The 95% interval of the mean response time of an M/M/1 queue (W = 1/(mu - lambda) = 20 ms)
   * covers the analytic value in about 95% of 100 independent sweeps; with 100 sweeps the count
   * lies in [88, 99] with probability above 99.8% when the true coverage is 95% (binomial).
   */
  @Test
  void intervalsCoverTheMm1MeanResponseTimeInAbout95PercentOfSweeps() {
    ResolvedScenario scenario = new ScenarioReader().read(MM1, List.of("duration=40s", "warmup=5s"));
    int covered = 0;
    for (int sweep = 0; sweep < 100; sweep++) {
      SweepPlan plan = new SweepPlan(List.of(), List.of("base"), 8, 1000 + sweep);
      double[] means = new double[plan.replications()];
      for (SweepPlan.Run run : plan.runs()) {
        Map<String, Double> m = RunMetrics.of(ScenarioRunner.run(scenario.spec("base"), "base", run.seed()));
        means[run.replication()] = m.get("client.load.avg_ms");
      }
      if (Estimate.of(means).covers(20.0)) {
        covered++;
      }
    }
    assertThat(covered).isBetween(88, 99);
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
