package org.cascadesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cascadesim.cli.io.Problem;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.scenario.ResolvedScenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sim validate FILE...}: checks scenario files without running them and prints every
 * problem of every file, so a scenario can be fixed in one pass and checked in CI.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check scenario files and print every problem found.",
      "Each problem is one line: file:line:col: path: message.",
      "Valid files print 'FILE: ok (N variants)' on stdout; problems go to stderr."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:every file is valid", " 2:usage error (unknown option, missing argument)",
        "65:a file is missing or invalid"})
public final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (.yaml, .yml, .json).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a key before validating, e.g. services.api.runtime.threads=16.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ScenarioReader reader = new ScenarioReader();
    int invalidFiles = 0;
    int problemCount = 0;
    for (Path file : files) {
      try {
        ResolvedScenario scenario = reader.read(file, overrides);
        int n = scenario.variants().size();
        out.println(file + ": ok (" + n + (n == 1 ? " variant)" : " variants)"));
      } catch (ScenarioException e) {
        invalidFiles++;
        for (Problem p : e.problems()) {
          err.println(p.format());
          problemCount++;
        }
      }
    }
    out.flush();
    if (invalidFiles > 0) {
      err.println(
          "sim validate: "
              + problemCount
              + (problemCount == 1 ? " problem" : " problems")
              + " in "
              + invalidFiles
              + " of "
              + files.size()
              + (files.size() == 1 ? " file" : " files"));
      err.flush();
      return ExitCodes.INVALID_SCENARIO;
    }
    return ExitCodes.OK;
  }
}
