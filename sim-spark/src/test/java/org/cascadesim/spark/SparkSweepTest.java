package org.cascadesim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.cascadesim.cli.Main;
import org.cascadesim.cli.io.TreeParser;
import org.cascadesim.cli.sweep.SweepPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep run on Spark ({@code local[2]}, up to 4 attempts per task) writes the same bytes as
 * {@code sim sweep} of the same file and seed, whatever the partitioning and even when every task
 * fails on its first attempt after simulating and is run again. One Spark context serves the
 * class, since starting one takes seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkSweepTest {
  /** Attempts seen by {@link #failFirstAttempt}; executors are threads of this JVM in local mode. */
  static final AtomicInteger ATTEMPTS = new AtomicInteger();

  @TempDir Path tmp;
  private JavaSparkContext sc;
  private Path scenario;

  @BeforeAll
  void startSpark() throws URISyntaxException {
    scenario = Path.of(getClass().getResource("/tiny-sweep.yaml").toURI());
    // local[N, F]: N threads, F attempts per task (local mode's spark.task.maxFailures).
    sc = new JavaSparkContext(SparkSweep.conf("local[2,4]", null));
  }

  @AfterAll
  void stopSpark() {
    if (sc != null) {
      sc.close();
    }
  }

  private static final List<String> SWEEP_ARGS = List.of(
      "--vary", "services.checkout.runtime.threads=2,8", "--variants", "base,fixed", "--replications", "2");

  /** Runs {@code sim sweep} in-process into {@code dir}, the reference output. */
  private Path localSweep(String dirName) {
    Path dir = tmp.resolve(dirName);
    List<String> args = new ArrayList<>(List.of("sweep", scenario.toString()));
    args.addAll(SWEEP_ARGS);
    args.addAll(List.of("--out", dir.toString(), "--quiet"));
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return dir;
  }

  private SweepPlan plan() {
    return new SweepPlan(List.of(SweepPlan.Axis.parse("services.checkout.runtime.threads=2,8")),
        List.of("base", "fixed"), 2, 11);
  }

  private List<RunTask> tasks(SweepPlan plan) throws IOException {
    return SparkSweep.tasks(plan, scenario.toString(), Files.readString(scenario), TreeParser.Format.YAML, List.of());
  }

  private Path sparkSweep(String dirName, int slices, TaskHook hook) throws IOException {
    SweepPlan plan = plan();
    Path dir = Files.createDirectories(tmp.resolve(dirName));
    SparkSweep.write(plan, SparkSweep.run(sc, tasks(plan), slices, hook), dir);
    return dir;
  }

  private static TreeMap<String, byte[]> files(Path dir) throws IOException {
    TreeMap<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : list.toList()) {
        files.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static void assertSameFiles(Path actual, Path expected) throws IOException {
    TreeMap<String, byte[]> want = files(expected);
    TreeMap<String, byte[]> got = files(actual);
    assertThat(got.keySet()).isEqualTo(want.keySet());
    for (String name : want.keySet()) {
      assertThat(new String(got.get(name), StandardCharsets.UTF_8)).as(name)
          .isEqualTo(new String(want.get(name), StandardCharsets.UTF_8));
      assertThat(got.get(name)).as(name).isEqualTo(want.get(name));
    }
  }

  @Test
  void planHasTwoPointsTimesTwoVariantsTimesTwoReplicationsSeededLikeTheLocalSweep() throws IOException {
    List<RunTask> tasks = tasks(plan());
    assertThat(tasks).hasSize(8);
    assertThat(tasks).extracting(RunTask::run).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    // The seed of (point p, replication r) is SweepPlan.seed(p, r), shared by the variants (CRN).
    assertThat(tasks.get(0).seed()).isEqualTo(plan().seed(0, 0)).isEqualTo(tasks.get(2).seed());
    assertThat(tasks.get(5).seed()).isEqualTo(plan().seed(1, 1));
    assertThat(tasks.get(5).overrides()).containsExactly("services.checkout.runtime.threads=8");
    // All tasks share one text instance, which Java serialization writes once per partition.
    assertThat(tasks.get(7).text()).isSameAs(tasks.get(0).text());
  }

  @Test
  void sparkSweepWritesTheSameBytesAsSimSweepWhateverThePartitioning() throws IOException {
    Path expected = localSweep("local");
    assertThat(files(expected)).containsKeys("runs.csv", "runs.jsonl", "summary.csv", "summary.json");
    // 9 lines: the header and 8 runs.
    assertThat(Files.readAllLines(expected.resolve("runs.csv"))).hasSize(9);
    for (int slices : new int[] {1, 3, 7}) {
      assertSameFiles(sparkSweep("spark-" + slices, slices, TaskHook.NONE), expected);
    }
  }

  @Test
  void retriedTasksWriteTheSameBytes() throws IOException {
    Path expected = localSweep("local-retry");
    ATTEMPTS.set(0);
    // One run per slice, so every task is one run: it is simulated, fails on its first attempt, and
    // is simulated again on its retry.
    Path actual = sparkSweep("spark-retry", 8, SparkSweepTest::failFirstAttempt);
    assertThat(ATTEMPTS.get()).isEqualTo(16);
    assertSameFiles(actual, expected);
  }

  static void failFirstAttempt(RunTask task, int attempt) {
    ATTEMPTS.incrementAndGet();
    if (attempt == 0) {
      throw new IllegalStateException("test hook: first attempt of run " + task.run() + " fails");
    }
  }

  @Test
  void anInvalidVaryValueFailsBeforeSparkStartsWithTheProblem() {
    StringWriter err = new StringWriter();
    int code = SparkSweep.execute(new String[] {scenario.toString(), "--vary",
        "services.checkout.runtime.threads=2,lots", "--out", tmp.resolve("bad").toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).isEqualTo(65);
    assertThat(err.toString()).contains("--set services.checkout.runtime.threads=lots")
        .contains("expected a whole number");
    assertThat(tmp.resolve("bad")).doesNotExist();
  }
}
