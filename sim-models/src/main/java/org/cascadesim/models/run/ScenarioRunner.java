package org.cascadesim.models.run;

import org.cascadesim.core.RunResult;
import org.cascadesim.models.scenario.ScenarioSpec;

/** Runs one (scenario, variant, seed): the pure function every command and sweep is built on. */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** Assembles and runs the resolved spec of one variant with the given seed. */
  public static RunSummary run(ScenarioSpec spec, String variant, long seed) {
    return run(spec, variant, seed, null);
  }

  /**
   * Runs as {@link #run(ScenarioSpec, String, long)} does, calling {@code progress} (if not null)
   * with the simulated time a hundred times along the run; the result is the same.
   */
  public static RunSummary run(ScenarioSpec spec, String variant, long seed, java.util.function.LongConsumer progress) {
    SystemModel model = ModelAssembler.assemble(spec, seed);
    RunResult stop = model.run(progress);
    return RunSummary.of(spec.name(), variant, model, stop);
  }
}
