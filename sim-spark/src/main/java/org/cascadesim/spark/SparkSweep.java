package org.cascadesim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.cascadesim.cli.ExitCodes;
import org.cascadesim.cli.io.Problem;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.io.TreeParser;
import org.cascadesim.cli.sweep.Objective;
import org.cascadesim.cli.sweep.SweepCommand;
import org.cascadesim.cli.sweep.SweepPlan;
import org.cascadesim.cli.sweep.SweepResult;
import org.cascadesim.cli.sweep.SweepWriter;
import org.cascadesim.models.scenario.ResolvedScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sim sweep} as an Apache Spark job: the runs of the {@link SweepPlan} are parallelised as
 * {@link RunTask}s, each task runs one pure simulation and returns its metrics keyed by run id,
 * and the driver sorts them by run id and writes them with the local sweep's {@link SweepWriter},
 * so the files are byte-identical to {@code ./sim sweep} whatever the partitioning, retries or
 * executors (ecosystem.md section 6: parallelize, map, collect; determinism rules 1 to 3).
 *
 * <p>{@code local[*]} is the embedded default; on a cluster, {@code spark-submit --class
 * org.cascadesim.spark.SparkSweep sim-spark.jar FILE --vary ...} takes the master from
 * spark-submit.
 */
@Command(
    name = "spark-sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a parameter sweep on Apache Spark (local[*] by default): the same arguments and the same",
      "files, byte for byte, as 'sim sweep': runs.csv/runs.jsonl and summary.csv/summary.json."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:ok", " 1:internal error", " 2:usage error",
        "65:invalid scenario (or an invalid --vary value)"})
public final class SparkSweep implements Callable<Integer> {
  /** The master when neither --master nor spark-submit (the spark.master property) names one. */
  public static final String DEFAULT_MASTER = "local[*]";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (read here and shipped to the executors).")
  Path file;

  @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", required = true,
      description = "A key and the values to try (repeatable; the first varies slowest).")
  List<String> vary = new ArrayList<>();

  @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
      description = "Independent replications per point (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Without --master or spark-submit: run on local[N]. Results do not depend on it.")
  Integer parallel;

  @Option(names = "--variants", paramLabel = "A,B", split = ",",
      description = "Variants to sweep ('base' names the base; default: base only).")
  List<String> variants = new ArrayList<>();

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a key for every run.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder on the driver (default: out/<scenario>/sweep).")
  Path out;

  @Option(names = "--best", paramLabel = "OBJECTIVE",
      description = "Print the best point, as 'sim sweep --best' does.")
  String best;

  @Option(names = "--quiet", description = "Print only errors.")
  boolean quiet;

  @Option(names = "--master", paramLabel = "URL",
      description = "The Spark master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else " + DEFAULT_MASTER + ").")
  String master;

  @Option(names = "--slices", paramLabel = "N",
      description = "Partitions of the run list (default: one per run up to 4 x the default parallelism). Results do not depend on it.")
  Integer slices;

  /** Runs the command line and exits the JVM with its exit code; the entry point of spark-submit. */
  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter stdout, PrintWriter stderr) {
    Locale.setDefault(Locale.ROOT);
    CommandLine cli = new CommandLine(new SparkSweep());
    cli.setOut(stdout);
    cli.setErr(stderr);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println("spark-sweep: internal error: " + ex);
      ex.printStackTrace(commandLine.getErr());
      commandLine.getErr().flush();
      return ExitCodes.INTERNAL_ERROR;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<SweepPlan.Axis> axes = new ArrayList<>();
    Objective objective;
    try {
      for (String v : vary) {
        axes.add(SweepPlan.Axis.parse(v));
      }
      objective = best == null ? null : Objective.parse(best);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (parallel != null && parallel < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be >= 1");
    }
    if (slices != null && slices < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--slices must be >= 1");
    }
    ScenarioReader reader = new ScenarioReader();
    ResolvedScenario base;
    try {
      base = reader.read(file, overrides);
    } catch (ScenarioException e) {
      return invalid(err, e);
    }
    List<String> variantNames = variants.isEmpty() ? List.of("base") : List.copyOf(variants);
    for (String v : variantNames) {
      if (!v.equals("base") && !base.variants().containsKey(v)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no variant named '" + v + "'; variants: base"
            + (base.variants().isEmpty() ? "" : ", " + String.join(", ", base.variants().keySet())));
      }
    }
    SweepPlan plan;
    try {
      plan = new SweepPlan(axes, variantNames, replications, base.base().seed());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    // The text the executors parse is the text validated here (ScenarioReader.read checked it is UTF-8).
    String text = Files.readString(file, StandardCharsets.UTF_8);
    TreeParser.Format format = TreeParser.Format.ofFileName(file.toString());
    List<RunTask> tasks;
    try {
      tasks = tasks(plan, file.toString(), text, format, overrides);
    } catch (ScenarioException e) {
      return invalid(err, e);
    }

    Path target = out != null ? out : Path.of("out", safe(base.base().name()), "sweep");
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    try {
      List<RunResult> results;
      long startNanos = System.nanoTime();
      try (JavaSparkContext sc = new JavaSparkContext(conf(master, parallel))) {
        if (sc.master().startsWith("local")) {
          sc.setLogLevel("WARN");
        }
        long startedNanos = System.nanoTime();
        int n = slices != null ? slices : defaultSlices(tasks.size(), sc.defaultParallelism());
        if (!quiet) {
          // Timings go to stderr only; the files never depend on them.
          err.printf(Locale.ROOT, "spark-sweep: Spark started in %.1f s; %d runs in %d slices on %s%n",
              (startedNanos - startNanos) / 1e9, tasks.size(), n, sc.master());
          err.flush();
        }
        results = run(sc, tasks, n, TaskHook.NONE);
        if (!quiet) {
          err.printf(Locale.ROOT, "spark-sweep: the job took %.1f s%n", (System.nanoTime() - startedNanos) / 1e9);
          err.flush();
        }
      }
      SweepResult result = write(plan, results, temp);
      replace(temp, target);
      if (!quiet) {
        stdout.printf(Locale.ROOT, "sweep: %d points x %d variants x %d replications = %d runs; results in %s%n",
            plan.points().size(), variantNames.size(), replications, tasks.size(), target);
        if (objective != null) {
          stdout.print(SweepCommand.bestReport(objective, result));
        }
        stdout.flush();
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
    return ExitCodes.OK;
  }

  /**
   * Returns the tasks of a plan in run order, after parsing and validating every point on the
   * driver so that a bad {@code --vary} value fails before Spark starts, as in {@code sim sweep}.
   *
   * @throws ScenarioException listing the problems of every invalid point
   */
  public static List<RunTask> tasks(SweepPlan plan, String source, String text, TreeParser.Format format,
      List<String> setOverrides) {
    ScenarioReader reader = new ScenarioReader();
    List<List<String>> pointOverrides = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (SweepPlan.Point point : plan.points()) {
      List<String> all = new ArrayList<>(setOverrides);
      all.addAll(plan.overrides(point));
      try {
        reader.parse(source, text, format, all);
      } catch (ScenarioException e) {
        problems.addAll(e.problems());
      }
      pointOverrides.add(List.copyOf(all));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.stream().distinct().toList());
    }
    List<RunTask> tasks = new ArrayList<>();
    for (SweepPlan.Run run : plan.runs()) {
      tasks.add(new RunTask(run.id(), source, text, format, pointOverrides.get(run.point().index()),
          run.variant(), run.seed()));
    }
    return tasks;
  }

  /**
   * Runs the tasks as one Spark job in {@code slices} partitions and returns one result per task,
   * sorted by run id; fails when a run id is missing or repeated.
   */
  public static List<RunResult> run(JavaSparkContext sc, List<RunTask> tasks, int slices, TaskHook hook) {
    List<RunResult> results = new ArrayList<>(sc.parallelize(tasks, slices)
        .map(task -> {
          RunResult result = task.execute();
          TaskContext context = TaskContext.get();
          hook.afterRun(task, context == null ? 0 : context.attemptNumber());
          return result;
        })
        .collect());
    results.sort(Comparator.comparingInt(RunResult::run));
    if (results.size() != tasks.size()) {
      throw new IllegalStateException("the Spark job returned " + results.size() + " results for " + tasks.size() + " runs");
    }
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).run() != tasks.get(i).run()) {
        throw new IllegalStateException("run " + tasks.get(i).run() + " has no single result");
      }
    }
    return results;
  }

  /**
   * Writes the sweep's files into {@code dir} with the local sweep's writer, rows in run order, and
   * returns the aggregate; {@code results} are sorted by run id, one per run of the plan.
   */
  public static SweepResult write(SweepPlan plan, List<RunResult> results, Path dir) throws IOException {
    List<SweepPlan.Run> runs = plan.runs();
    SweepResult result = new SweepResult(plan);
    try (SweepWriter writer = new SweepWriter(plan, dir)) {
      for (int i = 0; i < runs.size(); i++) {
        SweepPlan.Run run = runs.get(i);
        RunResult r = results.get(i);
        if (r.run() != run.id()) {
          throw new IllegalArgumentException("result " + i + " is of run " + r.run() + ", expected " + run.id());
        }
        writer.row(run, r.metrics());
        result.add(run, r.metrics());
      }
      writer.summary(result);
    }
    return result;
  }

  /** Builds the Spark configuration: --master, else spark-submit's spark.master, else local[N] or local[*]. */
  public static SparkConf conf(String master, Integer parallel) {
    SparkConf conf = new SparkConf().setAppName("cascadesim sweep");
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster(parallel != null ? "local[" + parallel + "]" : DEFAULT_MASTER);
    }
    if (conf.get("spark.master").startsWith("local")) {
      // Embedded: no web UI, and the driver's ports stay on the loopback interface.
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    return conf;
  }

  /** One partition per run, up to four per core Spark reports, so slow runs balance out. */
  static int defaultSlices(int runs, int defaultParallelism) {
    return Math.max(1, Math.min(runs, 4 * Math.max(1, defaultParallelism)));
  }

  private static int invalid(PrintWriter err, ScenarioException e) {
    for (Problem p : e.problems()) {
      err.println(p.format());
    }
    err.flush();
    return ExitCodes.INVALID_SCENARIO;
  }

  /** The same folder name as {@code sim sweep}'s default {@code out/<scenario>/sweep}. */
  static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.chars().allMatch(ch -> ch == '.') ? "scenario" : s;
  }

  private static void replace(Path temp, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    if (old != null) {
      deleteQuietly(old);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // best effort: a leftover temporary folder is named .<out>.tmp-*
    }
  }
}
