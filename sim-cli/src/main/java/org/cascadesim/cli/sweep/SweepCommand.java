package org.cascadesim.cli.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;
import org.cascadesim.cli.ExitCodes;
import org.cascadesim.cli.output.AtomicFolder;
import org.cascadesim.cli.io.Problem;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sim sweep FILE --vary path=v1,v2 ... --replications N}: runs the cartesian product of
 * the varied values, each point with N independent replications, and writes one row per run and a
 * summary per point with means and 95% confidence intervals.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a parameter sweep: every combination of the --vary values, each with independent",
      "replications; write runs.csv/runs.jsonl (one row per run) and summary.csv/summary.json",
      "(mean and 95% confidence interval per point), hgrm/*.hgrm (latency merged over replications)",
      "and charts/sweep-<metric>.png/.svg, byte-identical whatever --parallel is."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:ok", " 2:usage error", "65:invalid scenario (or an invalid --vary value)"})
public final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file.")
  Path file;

  @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", required = true,
      description = "A key and the values to try, e.g. services.payments.pools.db.size=20,50,100 (repeatable; the first varies slowest).")
  List<String> vary = new ArrayList<>();

  @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
      description = "Independent replications per point (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Runs at once (default: the number of cores, here ${sys:sim.cores}). Results do not depend on it.")
  Integer parallel;

  @Option(names = "--variants", paramLabel = "A,B", split = ",",
      description = "Variants to sweep ('base' names the base; default: base only).")
  List<String> variants = new ArrayList<>();

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a key for every run.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario>/sweep).")
  Path out;

  @Option(names = "--best", paramLabel = "OBJECTIVE",
      description = "Print the best point, e.g. \"minimize client.shoppers.p99_ms subject to client.shoppers.success_rate >= 99.9%%\".")
  String best;

  @Option(names = "--metrics", paramLabel = "A,B", split = ",",
      description = "Metrics to chart against the first --vary key (default: every client's p99_ms, goodput_per_s and success_rate).")
  List<String> chartMetrics = new ArrayList<>();

  @Option(names = "--no-charts", description = "Write no charts (the CSV, JSON and .hgrm files only).")
  boolean noCharts;

  @Option(names = "--quiet", description = "Print only errors.")
  boolean quiet;

  @Override
  public Integer call() throws IOException, InterruptedException {
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
    // Validate every point before running anything: a bad value fails fast with its location.
    List<ResolvedScenario> points = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (SweepPlan.Point point : plan.points()) {
      List<String> all = new ArrayList<>(overrides);
      all.addAll(plan.overrides(point));
      try {
        points.add(reader.read(file, all));
      } catch (ScenarioException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      return invalid(err, new ScenarioException(problems.stream().distinct().toList()));
    }

    Path target = out != null ? out : Path.of("out", safe(base.base().name()), "sweep");
    int threads = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be >= 1");
    }
    List<SweepPlan.Run> runs = plan.runs();
    SweepResult result = new SweepResult(plan);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // The same all-or-nothing folder swap as run and compare (concurrency- and Ctrl-C-safe).
      AtomicFolder.write(target, file, temp -> writeSweep(plan, runs, points, result, pool, threads, temp, err));
    } catch (UncheckedExecutionException e) {
      throw new IllegalStateException("a sweep run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    if (!quiet) {
      stdout.printf(Locale.ROOT, "sweep: %d points x %d variants x %d replications = %d runs; results in %s%n",
          plan.points().size(), variantNames.size(), replications, runs.size(), target);
      if (objective != null) {
        stdout.print(bestReport(objective, result));
      }
      stdout.flush();
    }
    return ExitCodes.OK;
  }

  /** What a worker hands back of one run: its metrics and its clients' latency histograms. */
  record RunOutput(Map<String, Double> metrics, Map<String, org.HdrHistogram.Histogram> latencies) {
    static RunOutput of(org.cascadesim.models.run.RunSummary run) {
      return new RunOutput(RunMetrics.of(run), RunMetrics.clientLatencies(run));
    }
  }

  /** Picks the feasible cell with the best mean and compares it with the runner-up (Welch's t-test). */
  public static String bestReport(Objective objective, SweepResult result) {
    List<SweepResult.Cell> feasible = new ArrayList<>();
    for (SweepResult.Cell cell : result.cells()) {
      boolean ok = !Double.isNaN(cell.estimate(objective.metric()).mean());
      for (Objective.Constraint c : objective.constraints()) {
        ok &= c.holds(cell.estimate(c.metric()).mean());
      }
      if (ok) {
        feasible.add(cell);
      }
    }
    StringBuilder out = new StringBuilder();
    if (result.cells().isEmpty() || !result.cells().get(0).has(objective.metric())) {
      return "best: no metric named '" + objective.metric() + "'; metrics: "
          + String.join(", ", result.cells().isEmpty() ? List.of() : result.cells().get(0).metrics()) + "\n";
    }
    if (feasible.isEmpty()) {
      return "best: no point satisfies " + objective.constraints() + "\n";
    }
    Comparator<SweepResult.Cell> order = Comparator.comparingDouble(c -> c.estimate(objective.metric()).mean());
    feasible.sort(objective.minimize() ? order : order.reversed());
    SweepResult.Cell winner = feasible.get(0);
    Estimate e = winner.estimate(objective.metric());
    out.append(String.format(Locale.ROOT, "best: point %d %s variant %s: %s = %s (95%% CI %s .. %s, n=%d)%n",
        winner.point().index(), winner.point().values(), winner.variant(), objective.metric(),
        SweepWriter.number(e.mean()), SweepWriter.number(e.low()), SweepWriter.number(e.high()), e.n()));
    for (Objective.Constraint c : objective.constraints()) {
      Estimate ce = winner.estimate(c.metric());
      boolean sure = c.holds(c.op().startsWith(">") ? ce.low() : ce.high());
      out.append(String.format(Locale.ROOT, "  %s: mean %s (95%% CI %s .. %s)%s%n", c, SweepWriter.number(ce.mean()),
          SweepWriter.number(ce.low()), SweepWriter.number(ce.high()),
          sure ? "" : "  [holds on the mean only, not over the whole interval]"));
    }
    if (feasible.size() > 1) {
      SweepResult.Cell second = feasible.get(1);
      Estimate a = winner.estimate(objective.metric());
      Estimate b = second.estimate(objective.metric());
      String confidence = a.n() >= 2 && b.n() >= 2
          ? String.format(Locale.ROOT, "Welch t-test p = %.4f", new TTest().tTest(summary(a), summary(b)))
          : "too few replications for a test";
      out.append(String.format(Locale.ROOT, "  runner-up: point %d %s variant %s: %s; difference vs best: %s%n",
          second.point().index(), second.point().values(), second.variant(),
          SweepWriter.number(b.mean()), confidence));
    }
    return out.toString();
  }

  private static StatisticalSummaryValues summary(Estimate e) {
    return new StatisticalSummaryValues(e.mean(), e.stddev() * e.stddev(), e.n(), Double.NaN, Double.NaN, e.mean() * e.n());
  }

  private int invalid(PrintWriter err, ScenarioException e) {
    for (Problem p : e.problems()) {
      err.println(p.format());
    }
    err.flush();
    return ExitCodes.INVALID_SCENARIO;
  }

  static String safe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() || s.chars().allMatch(ch -> ch == '.') ? "scenario" : s;
  }

  /** Runs every run of the plan in order and writes the sweep's files into {@code temp}. */
  private void writeSweep(SweepPlan plan, List<SweepPlan.Run> runs, List<ResolvedScenario> points,
      SweepResult result, ExecutorService pool, int threads, Path temp, PrintWriter err) throws IOException {
    try (SweepWriter writer = new SweepWriter(plan, temp)) {
      MergedLatencies latencies = new MergedLatencies(temp, replications);
      ArrayDeque<Future<RunOutput>> window = new ArrayDeque<>();
      int next = 0;
      int done = 0;
      int lastReported = -1;
      while (done < runs.size()) {
        while (next < runs.size() && window.size() < threads * 4) {
          SweepPlan.Run run = runs.get(next++);
          ResolvedScenario scenario = points.get(run.point().index());
          window.add(pool.submit(() -> RunOutput.of(ScenarioRunner.run(scenario.spec(run.variant()), run.variant(), run.seed()))));
        }
        SweepPlan.Run run = runs.get(done);
        RunOutput output = window.poll().get();
        writer.row(run, output.metrics());
        result.add(run, output.metrics());
        latencies.add(run, output.latencies());
        done++;
        int percent = done * 10 / runs.size();
        if (!quiet && percent != lastReported) {
          err.printf(Locale.ROOT, "sweep: %d/%d runs (%d%%)%n", done, runs.size(), done * 100 / runs.size());
          err.flush();
          lastReported = percent;
        }
      }
      writer.summary(result);
      if (!noCharts) {
        List<String> names = result.cells().get(0).metrics();
        List<String> chosen = new ArrayList<>();
        for (String m : chartMetrics.isEmpty() ? SweepCharts.defaultMetrics(names) : chartMetrics) {
          if (names.contains(m.strip())) {
            chosen.add(m.strip());
          } else {
            err.println("sweep: --metrics: no metric named '" + m.strip() + "' (see the header of runs.csv); not charted");
          }
        }
        SweepCharts.write(plan, result, chosen, temp);
      }
    } catch (ExecutionException e) {
      throw new UncheckedExecutionException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("sweep interrupted");
    }
  }

  /** A failed run, carried out of the folder writer. */
  private static final class UncheckedExecutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedExecutionException(Throwable cause) {
      super(cause);
    }
  }

}
