package org.cascadesim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cascadesim.cli.output.ReportOptions;
import org.cascadesim.cli.output.RunReporter;
import org.cascadesim.models.scenario.ResolvedScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sim run FILE}: runs a scenario (its base or chosen variants) and prints the summary. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario and print a summary per variant.",
      "The summary is one screen per variant: requests, outcomes, goodput and latency",
      "percentiles (ms) per client, endpoint and dependency. Writes the report folder",
      "(summary.json, .hgrm, timeseries CSV, charts, report.html) to out/<scenario>/",
      "unless --no-output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the run completed (a run stopped by a limit also says so)",
      " 2:usage error (e.g. no such variant)",
      "65:invalid scenario",
      "73:the report folder could not be written (the old one is left as it was)",
      "99:--check: an SLO assertion failed"
    })
public final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ScenarioInput input = new ScenarioInput();

  @Option(names = "--variant", paramLabel = "NAME",
      description = "Run this variant instead of the base (repeatable; 'base' names the base).")
  List<String> variants = new ArrayList<>();

  @Option(names = "--all", description = "Run the base and every variant.")
  boolean all;

  @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
  Long seed;

  @CommandLine.Mixin ReportOptions report = new ReportOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ResolvedScenario scenario = input.read(err);
    if (scenario == null) {
      return ExitCodes.INVALID_SCENARIO;
    }
    List<String> names = new ArrayList<>();
    if (all) {
      names.add("base");
      names.addAll(scenario.variants().keySet());
    } else if (variants.isEmpty()) {
      names.add("base");
    } else {
      for (String v : variants) {
        if (!v.equals("base") && !scenario.variants().containsKey(v)) {
          throw input.unknownVariant(spec.commandLine(), scenario, v);
        }
        names.add(v);
      }
    }
    return RunReporter.execute(RunReporter.Style.RUN, input.file, scenario, names, seed, report, out, err);
  }
}
