package org.cascadesim.cli.sweep;

import java.io.PrintWriter;
import java.util.List;
import org.cascadesim.cli.ExitCodes;
import org.cascadesim.cli.output.ReportOptions;
import org.cascadesim.models.scenario.ResolvedScenario;

/**
 * The {@code sim compare --objective} step: runs {@link Ranking} after the side-by-side comparison
 * and prints it (on stdout, or stderr with {@code --format json} so stdout stays one JSON document;
 * nothing with {@code -q}).
 */
public final class RankingReport {
  private RankingReport() {}

  /**
   * Ranks and prints.
   *
   * @return {@link ExitCodes#OK}, or {@link ExitCodes#USAGE} when the objective names no metric
   */
  public static int print(ResolvedScenario scenario, List<String> variants, Objective objective, int replications,
      long seed, Integer parallel, boolean control, ReportOptions options, PrintWriter out, PrintWriter err) {
    int threads = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
    if (threads < 1) {
      err.println("sim compare: --parallel must be >= 1");
      err.flush();
      return ExitCodes.USAGE;
    }
    if (!options.quiet()) {
      err.printf(java.util.Locale.ROOT, "sim compare: ranking %d variants x %d replications%s on %d threads%n",
          variants.size(), replications, control ? " (+ independent-stream control)" : "", threads);
      err.flush();
    }
    Ranking.Result result;
    try {
      result = Ranking.run(scenario, variants, objective, replications, seed, threads, control);
    } catch (IllegalArgumentException e) {
      err.println("sim compare: --objective: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.INTERNAL_ERROR;
    }
    if (options.quiet()) {
      return ExitCodes.OK;
    }
    PrintWriter to = options.format() == ReportOptions.Format.json ? err : out;
    to.println();
    to.print(Ranking.format(result));
    to.flush();
    return ExitCodes.OK;
  }
}
