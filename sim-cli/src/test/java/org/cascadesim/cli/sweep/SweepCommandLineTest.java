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
}
