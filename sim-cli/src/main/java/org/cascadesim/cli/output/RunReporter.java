package org.cascadesim.cli.output;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.ExitCodes;
import org.cascadesim.cli.report.ComparisonTable;
import org.cascadesim.cli.report.LatencySpectrum;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.cli.report.ResolvedScenarioPrinter;
import org.cascadesim.cli.report.SloTable;
import org.cascadesim.cli.report.SummaryTable;
import org.cascadesim.models.run.SloCheck;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.TimelineSpec;

/**
 * What {@code sim run} and {@code sim compare} share once the scenario is read: run the chosen
 * variants with progress on stderr, print the tables (or the summary JSON) on stdout, and write
 * the report folder atomically. The two commands differ only in the seed policy and the table.
 */
public final class RunReporter {

  /** How the variants are seeded and shown. */
  public enum Style {
    /** {@code sim run}: each variant with its own seed (or {@code --seed}), one summary table per run. */
    RUN,
    /** {@code sim compare}: every variant with the base's seed (common random numbers), side by side. */
    COMPARE
  }

  private RunReporter() {}

  /**
   * Runs {@code names} of {@code scenario} read from {@code file} and reports them.
   *
   * @return the exit code
   */
  public static int execute(Style style, Path file, ResolvedScenario scenario, List<String> requested, Long seed,
      ReportOptions options, PrintWriter out, PrintWriter err) {
    List<String> names = new ArrayList<>();
    for (String name : requested) {
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    String command = style == Style.RUN ? "sim run" : "sim compare";
    Path target = options.out() != null ? options.out() : defaultFolder(scenario.base().name());
    if (!options.noOutput()) {
      try {
        AtomicFolder.checkWritable(target, file);
      } catch (IOException e) {
        return cannotWrite(command, target, e, err);
      }
    }
    Progress progress = new Progress(err, Progress.detect(options.quiet()), names.size());
    List<RunSummary> runs = new ArrayList<>();
    List<ReportFolder.Timing> timings = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      ScenarioSpec spec = scenario.spec(name);
      long runSeed;
      if (seed != null) {
        runSeed = seed;
      } else if (style == Style.COMPARE) {
        runSeed = scenario.base().seed();
        if (spec.seed() != runSeed && !options.quiet()) {
          err.println(command + ": variant " + name + " declares seed " + spec.seed() + "; compare runs every variant"
              + " with the base's seed " + runSeed + " so they share random streams");
        }
      } else {
        runSeed = spec.seed();
      }
      progress.starting(name, i);
      long start = System.nanoTime();
      int index = i;
      RunSummary summary = ScenarioRunner.run(spec, name, runSeed,
          nowNanos -> progress.advanced(name, index, nowNanos, spec.durationNanos(), System.nanoTime() - start));
      long wall = System.nanoTime() - start;
      progress.finished(name, i, wall);
      runs.add(summary);
      timings.add(new ReportFolder.Timing(name, wall, summary.stop().eventsExecuted()));
    }

    String comparison = ComparisonTable.format(runs);
    if (!options.quiet()) {
      if (options.format() == ReportOptions.Format.json) {
        out.print(SummaryJson.format(scenario, runs));
      } else {
        out.print(style == Style.COMPARE ? comparison : summaryTables(runs, scenario.timeline()));
        if (options.latency()) {
          out.print(LatencySpectrum.format(runs));
        }
      }
      out.flush();
    }
    for (RunSummary run : runs) {
      if (run.stop().hitLimit()) {
        err.println(command + ": " + run.variant() + " stopped early: " + run.stop().detail());
      }
    }
    err.flush();
    int passed = checkSlos(command, scenario, runs, options, out, err);
    if (options.noOutput()) {
      return passed;
    }

    ReportData data = new ReportData(scenario.base(), ResolvedScenarioPrinter.print(scenario, names), runs, comparison,
        scenario.timeline());
    List<Path> written = new ArrayList<>();
    try {
      AtomicFolder.write(target, file, dir -> written.addAll(ReportFolder.write(dir, scenario, data, timings)));
    } catch (IOException e) {
      return cannotWrite(command, target, e, err);
    } catch (UncheckedIOException e) {
      // The chart and HTML writers wrap their IOException.
      return cannotWrite(command, target, e.getCause(), err);
    }
    if (!options.quiet()) {
      err.println(command + ": wrote " + written.size() + " files to " + target);
      err.flush();
    }
    return passed;
  }

  private static int cannotWrite(String command, Path target, IOException e, PrintWriter err) {
    err.println(command + ": cannot write the report to " + target + ": " + AtomicFolder.describe(e));
    err.flush();
    return ExitCodes.CANNOT_WRITE;
  }

  /**
   * With {@code --check}, prints each SLO assertion of each run with its measured value and a
   * pass or fail mark (on stdout, or stderr with {@code --format json}) and returns {@link
   * ExitCodes#SLO_FAILED} when one fails; otherwise returns {@link ExitCodes#OK}.
   */
  private static int checkSlos(String command, ResolvedScenario scenario, List<RunSummary> runs, ReportOptions options,
      PrintWriter out, PrintWriter err) {
    if (!options.check()) {
      return ExitCodes.OK;
    }
    if (scenario.slos().isEmpty()) {
      err.println(command + ": --check: the scenario has no slo: assertions");
      err.flush();
      return ExitCodes.OK;
    }
    boolean failed = false;
    PrintWriter to = options.format() == ReportOptions.Format.json ? err : out;
    for (RunSummary run : runs) {
      List<SloCheck.Result> results = SloCheck.check(scenario.slos(), run,
          SloCheck.faultWindows(scenario.spec(run.variant())));
      failed |= !SloCheck.allPassed(results);
      if (!options.quiet() || !SloCheck.allPassed(results)) {
        to.print(SloTable.format(run.variant(), results));
      }
    }
    to.flush();
    return failed ? ExitCodes.SLO_FAILED : ExitCodes.OK;
  }

  /** The default report folder of a scenario: {@code out/<sanitized name>}. */
  public static Path defaultFolder(String scenarioName) {
    return Path.of("out", FileNames.sanitize(scenarioName));
  }

  private static String summaryTables(List<RunSummary> runs, TimelineSpec timeline) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < runs.size(); i++) {
      if (i > 0) {
        text.append(System.lineSeparator());
      }
      text.append(SummaryTable.format(runs.get(i), timeline));
    }
    return text.toString();
  }
}
