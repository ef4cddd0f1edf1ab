package org.cascadesim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.cascadesim.cli.ExitCodes;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.cli.sweep.RunOutput;
import org.cascadesim.cli.sweep.SweepArgs;
import org.cascadesim.cli.sweep.SweepFolder;
import org.cascadesim.cli.sweep.SweepPlan;
import org.cascadesim.cli.sweep.SweepResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sim sweep} as an Apache Spark job: the runs of the {@link SweepPlan} are parallelised as
 * {@link RunTask}s, each task runs one pure simulation and returns its metrics and histograms keyed
 * by run id, and the driver sorts them by run id and hands them to the local sweep's {@link
 * SweepFolder}, which writes every file, so the folder is byte-identical to {@code ./sim sweep}
 * whatever the partitioning, retries or executors (ecosystem.md section 6: parallelize, map,
 * collect; determinism rules 1 to 3).
 *
 * <p>{@code local[*]} is the embedded default; on a cluster, {@code spark-submit --class
 * org.cascadesim.spark.SparkSweep sim-spark.jar FILE --vary ...} takes the master from
 * spark-submit.
 */
@Command(
    name = "spark-sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a parameter sweep on Apache Spark.",
      "Runs on local[*] by default, with the same arguments as",
      "'sim sweep', writing the same files byte for byte: runs.csv/runs.jsonl, summary.csv/summary.json,",
      "hgrm/*.hgrm and charts/. Without --master or spark-submit, --parallel N runs on local[N]."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:ok", " 1:internal error", " 2:usage error",
        "65:invalid scenario (or an invalid --vary value)",
        "73:the results folder could not be written (the previous one is kept)"})
public final class SparkSweep implements Callable<Integer> {
  /** The master when neither --master nor spark-submit (the spark.master property) names one. */
  public static final String DEFAULT_MASTER = "local[*]";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SweepArgs args;

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
    if (slices != null && slices < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--slices must be >= 1");
    }
    SweepArgs.Prepared sweep;
    try {
      sweep = args.prepare(spec.commandLine());
    } catch (ScenarioException e) {
      return SweepFolder.invalid(err, e);
    }
    SweepPlan plan = sweep.plan();
    List<RunTask> tasks = tasks(sweep);
    SweepResult result;
    long startNanos = System.nanoTime();
    try (JavaSparkContext sc = new JavaSparkContext(conf(master, args.parallel()))) {
      if (sc.master().startsWith("local")) {
        sc.setLogLevel("WARN");
      }
      long startedNanos = System.nanoTime();
      int n = slices != null ? slices : defaultSlices(tasks.size(), sc.defaultParallelism());
      if (!args.quiet()) {
        // Timings go to stderr only; the files never depend on them.
        err.printf(Locale.ROOT, "spark-sweep: Spark started in %.1f s; %d runs in %d slices on %s%n",
            (startedNanos - startNanos) / 1e9, tasks.size(), n, sc.master());
        err.flush();
      }
      // The job runs once the output folder is known to be replaceable.
      result = SweepFolder.write(sweep.target(), sweep.file(), plan, sweep.options(),
          () -> outputs(run(sc, tasks, n, TaskHook.NONE)), err);
      if (!args.quiet()) {
        err.printf(Locale.ROOT, "spark-sweep: the job and the files took %.1f s%n", (System.nanoTime() - startedNanos) / 1e9);
        err.flush();
      }
    }
    return SweepFolder.conclude(sweep, result, args.quiet(), stdout);
  }

  /**
   * Returns the tasks of a validated sweep in run order: each carries the scenario text (one
   * shared instance), its point's overrides, its variant and its seed.
   */
  public static List<RunTask> tasks(SweepArgs.Prepared sweep) {
    List<RunTask> tasks = new ArrayList<>();
    for (SweepPlan.Run run : sweep.plan().runs()) {
      tasks.add(new RunTask(run.id(), sweep.file().toString(), sweep.text(), sweep.format(),
          sweep.pointOverrides().get(run.point().index()), run.variant(), run.seed()));
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

  /** The outputs of sorted results in run order, each unpacked only when the writer reaches it. */
  public static Iterator<RunOutput> outputs(List<RunResult> results) {
    return results.stream().map(RunResult::output).iterator();
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
}
