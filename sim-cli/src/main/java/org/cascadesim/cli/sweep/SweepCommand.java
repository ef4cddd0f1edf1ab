package org.cascadesim.cli.sweep;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code sim sweep FILE --vary path=v1,v2 ... --replications N}: runs the cartesian product of
 * the varied values, each point with N independent replications, on a local thread pool, and
 * writes one row per run and a summary per point with means and 95% confidence intervals.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
      "Run a parameter sweep with replications and 95%% intervals.",
      "Runs every combination of the --vary values, each with independent",
      "replications. Writes runs.csv and runs.jsonl (one row per run),",
      "summary.csv and summary.json (mean and 95%% confidence interval per point),",
      "hgrm/*.hgrm (latency merged over replications) and charts/sweep-<metric>.png",
      "and .svg, byte-identical whatever --parallel is."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:ok", " 2:usage error", "65:invalid scenario (or an invalid --vary value)",
        "73:the results folder could not be written (the previous one is kept)"})
public final class SweepCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SweepArgs args;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SweepArgs.Prepared sweep;
    try {
      sweep = args.prepare(spec.commandLine());
    } catch (ScenarioException e) {
      return SweepFolder.invalid(err, e);
    }
    int threads = args.parallel() != null ? args.parallel() : Runtime.getRuntime().availableProcessors();
    SweepPlan plan = sweep.plan();
    SweepResult result;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      // The same all-or-nothing folder swap as run and compare (concurrency- and Ctrl-C-safe).
      result = SweepFolder.write(sweep.target(), sweep.file(), plan, sweep.options(),
          () -> new LocalRuns(plan.runs(), sweep.points(), pool, threads * 4, args.quiet() ? null : err), err);
    } catch (UncheckedExecutionException e) {
      throw new IllegalStateException("a sweep run failed: " + e.getCause(), e.getCause());
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof InterruptedIOException interrupted) {
        throw interrupted;
      }
      throw e;
    } finally {
      pool.shutdownNow();
    }
    return SweepFolder.conclude(sweep, result, args.quiet(), stdout);
  }

  /**
   * The outputs of the runs in plan order, simulated on {@code pool} with up to {@code window}
   * runs ahead of the one being written, with the progress on {@code progress} (null: none).
   */
  private static final class LocalRuns implements Iterator<RunOutput> {
    private final List<SweepPlan.Run> runs;
    private final List<ResolvedScenario> points;
    private final ExecutorService pool;
    private final int window;
    private final PrintWriter progress;
    private final ArrayDeque<Future<RunOutput>> pending = new ArrayDeque<>();
    private int next;
    private int done;
    private int lastReported = -1;

    LocalRuns(List<SweepPlan.Run> runs, List<ResolvedScenario> points, ExecutorService pool, int window,
        PrintWriter progress) {
      this.runs = runs;
      this.points = points;
      this.pool = pool;
      this.window = window;
      this.progress = progress;
    }

    @Override
    public boolean hasNext() {
      return done < runs.size();
    }

    @Override
    public RunOutput next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      while (next < runs.size() && pending.size() < window) {
        SweepPlan.Run run = runs.get(next++);
        ResolvedScenario scenario = points.get(run.point().index());
        pending.add(pool.submit(() -> RunOutput.of(ScenarioRunner.run(scenario.spec(run.variant()), run.variant(), run.seed()))));
      }
      RunOutput output;
      try {
        output = pending.poll().get();
      } catch (ExecutionException e) {
        throw new UncheckedExecutionException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new InterruptedIOException("sweep interrupted"));
      }
      done++;
      int percent = done * 10 / runs.size();
      if (progress != null && percent != lastReported) {
        progress.printf(Locale.ROOT, "sweep: %d/%d runs (%d%%)%n", done, runs.size(), done * 100 / runs.size());
        progress.flush();
        lastReported = percent;
      }
      return output;
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
