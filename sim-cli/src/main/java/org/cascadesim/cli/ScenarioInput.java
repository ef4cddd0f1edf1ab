package org.cascadesim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.io.Problem;
import org.cascadesim.models.scenario.ResolvedScenario;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The scenario file and its {@code --set} overrides, shared by {@code run} and {@code compare} as a
 * picocli mixin, so both read, validate and report a bad file the same way.
 */
final class ScenarioInput {

  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file (.yaml, .yml, .json).")
  Path file;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override a key, e.g. services.api.runtime.threads=16 (validated like the file).")
  List<String> overrides = new ArrayList<>();

  /**
   * Reads and validates the file with the overrides, or prints every problem ({@code
   * file:line:col: path: message}) to {@code err} and returns null (exit {@link
   * ExitCodes#INVALID_SCENARIO}).
   */
  ResolvedScenario read(PrintWriter err) {
    try {
      return new ScenarioReader().read(file, overrides);
    } catch (ScenarioException e) {
      for (Problem p : e.problems()) {
        err.println(p.format());
      }
      err.flush();
      return null;
    }
  }

  /** A usage error naming the variant the file does not define and the ones it does. */
  CommandLine.ParameterException unknownVariant(CommandLine cmd, ResolvedScenario scenario, String name) {
    return new CommandLine.ParameterException(cmd, "no variant named '" + name + "' in " + file
        + "; variants: base" + (scenario.variants().isEmpty() ? ""
        : ", " + String.join(", ", scenario.variants().keySet())));
  }
}
