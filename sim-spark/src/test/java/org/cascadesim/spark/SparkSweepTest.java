package org.cascadesim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.cascadesim.cli.Main;
import org.cascadesim.cli.sweep.MergedLatencies;
import org.cascadesim.cli.sweep.SweepArgs;
import org.cascadesim.cli.sweep.SweepFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A sweep run on Spark ({@code local[2]}, up to 4 attempts per task) writes the same folder, every
 * file byte for byte (rows, summary, merged histograms, PNG and SVG charts), as {@code sim sweep}
 * of the same file, seed and arguments, whatever the partitioning and even when every task fails
 * on its first attempt after simulating and is run again. One Spark context serves the class,
 * since starting one takes seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkSweepTest {
  /** Calls of {@link #failFirstAttempt} by attempt; executors are threads of this JVM in local mode. */
  static final AtomicInteger FIRST_ATTEMPTS = new AtomicInteger();
  static final AtomicInteger RETRIES = new AtomicInteger();

  /** Two axes (2 x 2 points), both variants, 2 replications: 16 runs, a chart line per variant and rate. */
  private static final List<String> SWEEP_ARGS = List.of(
      "--vary", "services.checkout.runtime.threads=2,8", "--vary", "clients.shoppers.arrivals.rate=20/s,40/s",
      "--variants", "base,fixed", "--replications", "2", "--set", "duration=3s");
  private static final int RUNS = 16;

  @TempDir Path tmp;
  private JavaSparkContext sc;
  private Path scenario;
  private Path expected;

  @BeforeAll
  void startSparkAndRunTheLocalSweep(@TempDir Path reference) throws URISyntaxException {
    scenario = Path.of(getClass().getResource("/tiny-sweep.yaml").toURI());
    expected = localSweep(reference.resolve("local"));
    // local[N, F]: N threads, F attempts per task (local mode's spark.task.maxFailures).
    sc = new JavaSparkContext(SparkSweep.conf("local[2,4]", null));
  }

  @AfterAll
  void stopSpark() {
    if (sc != null) {
      sc.close();
    }
  }

  /** Runs {@code sim sweep} in-process into {@code dir}, the reference output. */
  private Path localSweep(Path dir) {
    List<String> args = new ArrayList<>(List.of("sweep", scenario.toString()));
    args.addAll(SWEEP_ARGS);
    args.addAll(List.of("--out", dir.toString(), "--quiet"));
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return dir;
  }

  /** Parses and validates the same arguments as {@link #localSweep}, into {@code dir}. */
  private SweepArgs.Prepared prepare(Path dir) throws IOException {
    SweepArgs args = new SweepArgs();
    CommandLine cli = new CommandLine(args);
    List<String> argv = new ArrayList<>(List.of(scenario.toString()));
    argv.addAll(SWEEP_ARGS);
    argv.addAll(List.of("--out", dir.toString()));
    cli.parseArgs(argv.toArray(String[]::new));
    return args.prepare(cli);
  }

  /** The body of {@code SparkSweep.call} on this class's context, with a chosen partitioning and hook. */
  private Path sparkSweep(String dirName, int slices, TaskHook hook) throws IOException {
    SweepArgs.Prepared sweep = prepare(tmp.resolve(dirName));
    List<RunTask> tasks = SparkSweep.tasks(sweep);
    SweepFolder.write(sweep.target(), sweep.file(), sweep.plan(), sweep.options(),
        () -> SparkSweep.outputs(SparkSweep.run(sc, tasks, slices, hook)), new PrintWriter(new StringWriter()));
    return sweep.target();
  }

  @Test
  void tasksFollowThePlanSeededLikeTheLocalSweepAndShareOneText() throws IOException {
    SweepArgs.Prepared sweep = prepare(tmp.resolve("unused"));
    List<RunTask> tasks = SparkSweep.tasks(sweep);

    assertThat(tasks).extracting(RunTask::run).containsExactlyElementsOf(
        sweep.plan().runs().stream().map(r -> r.id()).toList());
    assertThat(tasks).hasSize(RUNS);
    // Run 5 is point 1 (threads 2, rate 40/s), variant base, replication 1; variants share seeds (CRN).
    assertThat(tasks.get(5).seed()).isEqualTo(sweep.plan().seed(1, 1)).isEqualTo(tasks.get(7).seed());
    assertThat(tasks.get(5).variant()).isEqualTo("base");
    assertThat(tasks.get(7).variant()).isEqualTo("fixed");
    assertThat(tasks.get(5).overrides()).containsExactly(
        "duration=3s", "services.checkout.runtime.threads=2", "clients.shoppers.arrivals.rate=40/s");
    // All tasks share one text instance, which Java serialization writes once per partition.
    assertThat(tasks.get(RUNS - 1).text()).isSameAs(tasks.get(0).text());
  }

  @Test
  void theLocalReferenceHoldsRowsSummaryHistogramsAndCharts() throws IOException {
    List<String> names = new ArrayList<>(List.of("runs.csv", "runs.jsonl", "summary.csv", "summary.json"));
    for (int point = 0; point < 4; point++) {
      for (String variant : List.of("base", "fixed")) {
        names.add("hgrm/" + MergedLatencies.fileName(point, variant, "shoppers"));
      }
    }
    for (String metric : List.of("p99_ms", "goodput_per_s", "success_rate")) {
      names.add("charts/sweep-client.shoppers." + metric + ".png");
      names.add("charts/sweep-client.shoppers." + metric + ".svg");
    }
    assertThat(Folders.files(expected).keySet()).containsExactlyInAnyOrderElementsOf(names);
    assertThat(Files.readAllLines(expected.resolve("runs.csv"))).hasSize(1 + RUNS);
  }

  @Test
  void sparkSweepWritesTheSameBytesAsSimSweepWhateverThePartitioning() throws IOException {
    // One slice (one task runs everything), uneven slices, and one run per slice.
    for (int slices : new int[] {1, 5, RUNS}) {
      Folders.assertSameFiles(sparkSweep("spark-" + slices, slices, TaskHook.NONE), expected);
    }
  }

  @Test
  void retriedTasksWriteTheSameBytes() throws IOException {
    FIRST_ATTEMPTS.set(0);
    RETRIES.set(0);
    // Three slices: each task fails on its first attempt right after simulating its first run, and
    // Spark runs it again (attempt 1), which simulates all its runs.
    Path actual = sparkSweep("spark-retry", 3, SparkSweepTest::failFirstAttempt);
    assertThat(FIRST_ATTEMPTS.get()).as("failed first attempts, one per task").isEqualTo(3);
    assertThat(RETRIES.get()).as("runs simulated on the retries").isEqualTo(RUNS);
    Folders.assertSameFiles(actual, expected);
  }

  /** Counts the call and fails the task when it is on its first attempt. */
  static void failFirstAttempt(RunTask task, int attempt) {
    if (attempt > 0) {
      RETRIES.incrementAndGet();
      return;
    }
    FIRST_ATTEMPTS.incrementAndGet();
    throw new IllegalStateException("test hook: first attempt of the task of run " + task.run() + " fails");
  }

  @Test
  void anInvalidVaryValueFailsBeforeSparkStartsWithTheProblem() {
    StringWriter err = new StringWriter();
    int code = SparkSweep.execute(new String[] {scenario.toString(), "--vary",
        "services.checkout.runtime.threads=2,lots", "--out", tmp.resolve("bad").toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).isEqualTo(65);
    assertThat(err.toString()).contains("--vary services.checkout.runtime.threads=lots")
        .contains("expected a whole number");
    assertThat(tmp.resolve("bad")).doesNotExist();
  }
}
