package org.cascadesim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cascadesim.cli.output.ReportOptions;
import org.cascadesim.cli.output.RunReporter;
import org.cascadesim.cli.sweep.RunMetrics;
import org.cascadesim.cli.sweep.SweepArgs;
import org.cascadesim.models.scenario.ResolvedScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sim compare FILE}: runs the base and every (or the listed) variant with the same seed, so
 * they draw the same named random streams (common random numbers), and prints them side by side
 * with each variant's ratio to the base.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Run variants with common random numbers, side by side.",
      "Runs the base and every variant (or those of --variants) with the same seed and",
      "random streams, and prints them side by side per client and endpoint: requests,",
      "outcomes, goodput, latency percentiles (ms) and each variant's ratio to the",
      "base. Writes the report folder to out/<scenario>/ unless --no-output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:every run completed (a run stopped by a limit also says so)",
      " 2:usage error (e.g. no such variant)",
      "65:invalid scenario",
      "73:the report folder could not be written (the old one is left as it was)",
      "99:--check: an SLO assertion failed"
    })
public final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ScenarioInput input = new ScenarioInput();

  @Option(names = "--variants", paramLabel = "NAME", split = ",",
      description = "Compare only these variants with the base (comma-separated; default: all).")
  List<String> variants = new ArrayList<>();

  @Option(names = "--seed", paramLabel = "N", description = "Override the seed (used for every variant).")
  Long seed;

  @CommandLine.Mixin ReportOptions report = new ReportOptions();

  @Option(names = "--objective", paramLabel = "GOAL",
      description = "Rank the variants over replications with common random numbers, e.g. \"maximize client.shoppers.goodput_per_s\""
          + " (the syntax of sweep --best; see docs/experiments.md).")
  String objective;

  @Option(names = "--replications", paramLabel = "N", defaultValue = "10",
      description = "With --objective: replications per variant, 2 to " + SweepArgs.MAX_REPLICATIONS
          + " (default: ${DEFAULT-VALUE}); variants x replications must be at most " + SweepArgs.MAX_RUNS + ".")
  int replications;

  @Option(names = "--parallel", paramLabel = "N",
      description = "With --objective: runs at once, 1 to " + SweepArgs.MAX_PARALLEL
          + " (default: the number of cores). Results do not depend on it.")
  Integer parallel;

  @Option(names = "--crn-control",
      description = "With --objective: also run every variant on independent seeds and measure the variance reduction.")
  boolean crnControl;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ResolvedScenario scenario = input.read(err);
    if (scenario == null) {
      return ExitCodes.INVALID_SCENARIO;
    }
    List<String> names = new ArrayList<>();
    names.add("base");
    if (variants.isEmpty()) {
      names.addAll(scenario.variants().keySet());
    } else {
      for (String v : variants) {
        String name = v.strip();
        if (!name.equals("base") && !scenario.variants().containsKey(name)) {
          throw input.unknownVariant(spec.commandLine(), scenario, name);
        }
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    org.cascadesim.cli.sweep.Objective goal = null;
    if (objective != null) {
      try {
        goal = org.cascadesim.cli.sweep.Objective.parse(objective);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage().replace("--best", "--objective"));
      }
      SweepArgs.checkParallel(spec.commandLine(), parallel);
      SweepArgs.checkReplications(spec.commandLine(), replications, 2);
      int perReplication = crnControl ? 2 * names.size() - 1 : names.size();
      SweepArgs.checkRuns(spec.commandLine(), (long) perReplication * replications,
          perReplication + " runs per replication x " + replications + " replications");
      SweepArgs.checkMetrics(spec.commandLine(), "--objective", goal.metrics(),
          RunMetrics.names(scenario.spec(names.get(0))));
    }
    int code = RunReporter.execute(RunReporter.Style.COMPARE, input.file, scenario, names, seed, report, out, err);
    if (goal == null || code != ExitCodes.OK) {
      // A comparison that failed (folder not written, SLO failed) is not ranked: its code is the answer.
      return code;
    }
    int ranked = org.cascadesim.cli.sweep.RankingReport.print(scenario, names, goal, replications,
        seed != null ? seed : scenario.base().seed(), parallel, crnControl, report, out, err);
    return ranked;
  }
}
