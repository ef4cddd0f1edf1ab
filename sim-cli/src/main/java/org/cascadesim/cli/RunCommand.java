package org.cascadesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cascadesim.cli.io.Problem;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.report.SloTable;
import org.cascadesim.cli.report.SummaryTable;
import org.cascadesim.models.run.SloCheck;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sim run FILE}: runs a scenario (its base or chosen variants) and prints the summary. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario and print a one-screen summary per variant: requests, outcomes, goodput",
      "and latency percentiles (ms) per client, endpoint and dependency."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:the run completed (a run stopped by a limit also says so)", "65:invalid scenario",
      "99:--check: an SLO assertion failed"})
public final class RunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (.yaml, .yml, .json).")
  Path file;

  @Option(names = "--variant", paramLabel = "NAME",
      description = "Run this variant instead of the base (repeatable; 'base' names the base).")
  List<String> variants = new ArrayList<>();

  @Option(names = "--all", description = "Run the base and every variant.")
  boolean all;

  @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
  Long seed;

  @Option(names = "--check",
      description = "Check the scenario's slo: assertions after each run; exit 99 when one fails.")
  boolean check;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override a key, e.g. services.api.runtime.threads=16 (validated like the file).")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ResolvedScenario scenario;
    try {
      scenario = new ScenarioReader().read(file, overrides);
    } catch (ScenarioException e) {
      for (Problem p : e.problems()) {
        err.println(p.format());
      }
      err.flush();
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
          throw new CommandLine.ParameterException(spec.commandLine(), "no variant named '" + v
              + "' in " + file + "; variants: base" + (scenario.variants().isEmpty() ? "" : ", "
              + String.join(", ", scenario.variants().keySet())));
        }
        names.add(v);
      }
    }
    boolean sloFailed = false;
    for (int i = 0; i < names.size(); i++) {
      ScenarioSpec resolved = scenario.spec(names.get(i));
      RunSummary summary = ScenarioRunner.run(resolved, names.get(i), seed != null ? seed : resolved.seed());
      if (i > 0) {
        out.println();
      }
      out.print(SummaryTable.format(summary));
      out.flush();
      if (summary.stop().hitLimit()) {
        err.println("sim run: " + names.get(i) + " stopped early: " + summary.stop().detail());
      }
      if (check) {
        var results = SloCheck.check(scenario.slos(), summary, SloCheck.faultWindows(resolved));
        out.print(SloTable.format(names.get(i), results));
        out.flush();
        sloFailed |= !SloCheck.allPassed(results);
      }
    }
    if (check && scenario.slos().isEmpty()) {
      err.println("sim run: --check: the scenario has no slo: assertions");
    }
    return sloFailed ? ExitCodes.SLO_FAILED : ExitCodes.OK;
  }
}
