package org.cascadesim.spark;

import java.io.Serializable;
import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.io.TreeParser;
import org.cascadesim.cli.sweep.RunOutput;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;

/**
 * One run of a sweep as shipped to a Spark executor: the scenario text itself (not its path, so
 * executors need no shared filesystem), the {@code --set} overrides that select its point, the
 * variant and the seed that {@link org.cascadesim.cli.sweep.SweepPlan} derived for its (point,
 * replication). {@link #execute()} is a pure function of these fields, so a retried or speculative
 * attempt returns the same metrics (ecosystem.md section 6, determinism rule 2).
 *
 * <p>Every task of a sweep refers to the same {@code text} instance, and Java serialization writes
 * a shared instance once per stream, so the text travels once per partition, not once per run.
 *
 * @param run the run id of the plan ({@code SweepPlan.Run.id()}), the key results are sorted by
 * @param source the file name as given on the command line, used only to locate problems
 * @param text the scenario file's text
 * @param format YAML or JSON
 * @param overrides the sweep's {@code --set} overrides followed by the point's {@code --vary} values
 * @param variant the variant name ({@code base} for the base)
 * @param seed the run's seed
 */
public record RunTask(int run, String source, String text, TreeParser.Format format, List<String> overrides,
    String variant, long seed) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies the overrides. */
  public RunTask {
    overrides = List.copyOf(overrides);
  }

  /** Parses the scenario with the overrides and runs one simulation; the same call as {@code sim sweep}. */
  public RunResult execute() {
    ResolvedScenario scenario = new ScenarioReader().parse(source, text, format, overrides);
    return RunResult.of(run, RunOutput.of(ScenarioRunner.run(scenario.spec(variant), variant, seed)));
  }
}
