package org.cascadesim.cli.sweep;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;
import org.cascadesim.cli.ExitCodes;
import org.cascadesim.cli.io.Problem;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.cli.output.AtomicFolder;

/**
 * Everything a sweep writes and prints after its runs, from the runs' outputs in plan order: the
 * rows ({@code runs.csv}, {@code runs.jsonl}), the summary ({@code summary.csv}, {@code
 * summary.json}), the merged histograms ({@code hgrm/}), the charts ({@code charts/}), all
 * through {@link AtomicFolder}, then the closing line and the {@code --best} point. {@code sim
 * sweep} and sim-spark's {@code SparkSweep} both call it, so whoever ran the runs, the files are
 * the same bytes.
 */
public final class SweepFolder {
  /**
   * What to write besides the rows, the summary and the histograms.
   *
   * @param charts whether to draw charts ({@code --no-charts} turns them off)
   * @param chartMetrics the metrics to chart ({@code --metrics}); empty means the default ones
   * @param pairedMetric the metric whose differences between the variants of a point are kept for
   *     the paired t-test of {@code --best} (its objective's metric), or null without {@code --best}
   */
  public record Options(boolean charts, List<String> chartMetrics, String pairedMetric) {
    /** Copies the metrics. */
    public Options {
      chartMetrics = List.copyOf(chartMetrics);
    }
  }

  private SweepFolder() {}

  /**
   * Writes the sweep folder {@code target} all or nothing from the outputs of {@code
   * plan.runs()}, which the iterator {@code runs} returns must yield in plan order, one per run. It
   * is asked for only once {@code target} is known to be replaceable, so no run starts for a folder
   * that would be refused; a run's output may be computed while the earlier ones are written (the
   * local sweep streams them).
   *
   * @param protectedFile the scenario file, which the replaced folder must not hold
   * @param err where a {@code --metrics} name that matches no metric, or a write failure, is
   *     reported
   * @return the aggregate per (point, variant), or {@code null} when the folder could not be
   *     written (refused {@code --out}, no permission, full disk): the reason is on {@code err},
   *     {@code target} is as it was, and the command exits {@link ExitCodes#CANNOT_WRITE}
   * @throws InterruptedIOException when the sweep was interrupted
   * @throws IllegalArgumentException when there are fewer or more outputs than runs
   */
  public static SweepResult write(Path target, Path protectedFile, SweepPlan plan, Options options,
      Supplier<Iterator<RunOutput>> runs, PrintWriter err) throws InterruptedIOException {
    List<SweepResult> result = new ArrayList<>(1);
    try {
      AtomicFolder.write(target, protectedFile, dir -> result.add(writeInto(dir, plan, options, runs.get(), err)));
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
      if (cause instanceof InterruptedIOException interrupted) {
        throw interrupted;
      }
      err.println("sweep: cannot write the results to " + target + ": " + AtomicFolder.describe(cause));
      err.flush();
      return null;
    }
    return result.get(0);
  }

  /** Writes the sweep's files into the empty folder {@code dir}; see {@link #write}. */
  static SweepResult writeInto(Path dir, SweepPlan plan, Options options, Iterator<RunOutput> outputs,
      PrintWriter err) throws IOException {
    SweepResult result = new SweepResult(plan, options.pairedMetric());
    List<SweepPlan.Run> runs = plan.runs();
    try (SweepWriter writer = new SweepWriter(plan, dir)) {
      MergedLatencies latencies = new MergedLatencies(dir, plan.replications());
      for (SweepPlan.Run run : runs) {
        if (!outputs.hasNext()) {
          throw new IllegalArgumentException("no output for run " + run.id() + " of " + runs.size());
        }
        RunOutput output = outputs.next();
        writer.row(run, output.metrics());
        result.add(run, output.metrics());
        latencies.add(run, output.latencies());
      }
      if (outputs.hasNext()) {
        throw new IllegalArgumentException("more outputs than the " + runs.size() + " runs of the plan");
      }
      writer.summary(result);
      if (options.charts()) {
        List<String> names = result.cells().get(0).metrics();
        List<String> chosen = new ArrayList<>();
        for (String m : options.chartMetrics().isEmpty() ? SweepCharts.defaultMetrics(names) : options.chartMetrics()) {
          if (names.contains(m.strip())) {
            chosen.add(m.strip());
          } else {
            err.println("sweep: --metrics: no metric named '" + m.strip() + "' (see the header of runs.csv); not charted");
          }
        }
        SweepCharts.write(plan, result, chosen, dir);
      }
    }
    return result;
  }

  /** Prints every problem of an invalid scenario or point on {@code err}; returns exit code 65. */
  public static int invalid(PrintWriter err, ScenarioException e) {
    for (Problem p : e.problems()) {
      err.println(p.format());
    }
    err.flush();
    return ExitCodes.INVALID_SCENARIO;
  }

  /**
   * Ends a sweep command after {@link #write}: exit {@link ExitCodes#CANNOT_WRITE} when the folder
   * could not be written ({@code result} null, the reason already printed), otherwise prints the
   * closing report (unless {@code quiet}) and exits {@link ExitCodes#OK}.
   */
  public static int conclude(SweepArgs.Prepared sweep, SweepResult result, boolean quiet, PrintWriter stdout) {
    if (result == null) {
      return ExitCodes.CANNOT_WRITE;
    }
    if (!quiet) {
      stdout.print(report(sweep.plan(), result, sweep.target(), sweep.objective()));
      stdout.flush();
    }
    return ExitCodes.OK;
  }

  /** Returns what a sweep prints on stdout when done: the closing line, then the best point if asked. */
  public static String report(SweepPlan plan, SweepResult result, Path target, Objective objective) {
    String done = String.format(Locale.ROOT, "sweep: %d points x %d variants x %d replications = %d runs; results in %s%n",
        plan.points().size(), plan.variants().size(), plan.replications(), plan.runs().size(), target);
    return objective == null ? done : done + bestReport(objective, result);
  }

  /**
   * Picks the feasible cell with the best mean and compares it with the runner-up: a paired t-test
   * when both are at one point (their replications share seeds), Welch's t-test otherwise.
   */
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
      Estimate b = second.estimate(objective.metric());
      String difference = SweepResult.paired(winner, second)
          ? pairedTest(result.pairedDifference(objective.metric(), winner, second))
          : welchTest(e, b);
      out.append(String.format(Locale.ROOT, "  runner-up: point %d %s variant %s: %s; difference vs best: %s%n",
          second.point().index(), second.point().values(), second.variant(),
          SweepWriter.number(b.mean()), difference));
    }
    return out.toString();
  }

  /**
   * The paired t-test of the best and the runner-up at one point: a one-sample t-test of their
   * replication-by-replication differences {@code d} (same seeds), two-sided. Constant differences
   * have no variance and need no test.
   */
  static String pairedTest(Estimate d) {
    if (d.n() < 2) {
      return "too few replications for a test";
    }
    String pairs = d.n() + " replications with the same seeds";
    if (d.stddev() == 0) {
      return d.mean() == 0
          ? "none (equal in all " + pairs + ")"
          : "certain (the best is ahead by " + SweepWriter.number(Math.abs(d.mean())) + " in all " + pairs + ")";
    }
    double t = d.mean() / (d.stddev() / Math.sqrt(d.n()));
    return "paired t-test over " + pairs + ", " + p(2 * new TDistribution(d.n() - 1).cumulativeProbability(-Math.abs(t)));
  }

  /** Welch's t-test of the best and the runner-up at different points (independent seeds), two-sided. */
  static String welchTest(Estimate a, Estimate b) {
    if (a.n() < 2 || b.n() < 2) {
      return "too few replications for a test";
    }
    if (a.stddev() == 0 && b.stddev() == 0) {
      return a.mean() == b.mean()
          ? "none (both constant over their replications)"
          : "certain (both constant over their replications)";
    }
    return "Welch t-test, " + p(new TTest().tTest(summary(a), summary(b)));
  }

  private static String p(double p) {
    return p < 0.0001 ? "two-sided p < 0.0001" : String.format(Locale.ROOT, "two-sided p = %.4f", p);
  }

  private static StatisticalSummaryValues summary(Estimate e) {
    return new StatisticalSummaryValues(e.mean(), e.stddev() * e.stddev(), e.n(), Double.NaN, Double.NaN, e.mean() * e.n());
  }
}
