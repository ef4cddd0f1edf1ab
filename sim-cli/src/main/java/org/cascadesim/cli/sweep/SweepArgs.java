package org.cascadesim.cli.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.io.Overrides;
import org.cascadesim.cli.io.Problem;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.io.TreeParser;
import org.cascadesim.cli.output.RunReporter;
import org.cascadesim.models.scenario.ResolvedScenario;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments of a sweep and their validation, a picocli mixin shared by {@code sim sweep} and
 * sim-spark's {@code SparkSweep}, so both accept the same command line, reject the same mistakes
 * and run the same plan.
 */
public final class SweepArgs {
  /** The most runs at once ({@code --parallel}) of a sweep or a ranking. */
  public static final int MAX_PARALLEL = 1024;
  /** The most replications per point and variant ({@code --replications}) of a sweep or a ranking. */
  public static final int MAX_REPLICATIONS = 100_000;
  /** The most runs of one sweep or ranking (its plan and results are held in memory). */
  public static final long MAX_RUNS = 1_000_000;

  @Parameters(index = "0", paramLabel = "FILE", description = "The scenario file.")
  Path file;

  @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", required = true,
      description = "A key and the values to try, e.g. services.payments.pools.db.size=20,50,100 (repeatable; the first varies slowest).")
  List<String> vary = new ArrayList<>();

  @Option(names = "--replications", paramLabel = "N", defaultValue = "5",
      description = "Independent replications per point, 1 to " + MAX_REPLICATIONS + " (default: ${DEFAULT-VALUE});"
          + " points x variants x replications must be at most " + MAX_RUNS + ".")
  int replications;

  @Option(names = "--parallel", paramLabel = "N",
      description = "Runs at once, 1 to " + MAX_PARALLEL + " (default: the number of cores the JVM sees)."
          + " Results do not depend on it.")
  Integer parallel;

  @Option(names = "--variants", paramLabel = "A,B", split = ",",
      description = "Variants to sweep ('base' names the base; default: base only).")
  List<String> variants = new ArrayList<>();

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a key for every run.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario>-sweep, beside run's out/<scenario>).")
  Path out;

  @Option(names = "--best", paramLabel = "OBJECTIVE",
      description = "Print the best point, e.g. \"minimize client.shoppers.p99_ms subject to client.shoppers.success_rate >= 99.9%%\".")
  String best;

  @Option(names = "--metrics", paramLabel = "A,B", split = ",",
      description = "Metrics to chart against the first --vary key (default: every client's p99_ms, goodput_per_s and success_rate).")
  List<String> chartMetrics = new ArrayList<>();

  @Option(names = "--no-charts", description = "Write no charts (the CSV, JSON and .hgrm files only).")
  boolean noCharts;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
  boolean quiet;

  /**
   * A validated sweep: the plan, the scenario text every run parses, and each point's overrides
   * and resolved scenario (index = point index).
   *
   * @param file the scenario file as given
   * @param text the file's text (UTF-8, already validated)
   * @param format YAML or JSON
   * @param plan the runs
   * @param pointOverrides per point, the {@code --set} overrides followed by the point's {@code --vary} values
   * @param points per point, the scenario those overrides resolve to
   * @param target the output folder
   * @param objective the {@code --best} objective, or null
   * @param options what to write besides the rows and the summary
   */
  public record Prepared(Path file, String text, TreeParser.Format format, SweepPlan plan,
      List<List<String>> pointOverrides, List<ResolvedScenario> points, Path target, Objective objective,
      SweepFolder.Options options) {}

  /** Returns {@code --parallel}, or null when not given. */
  public Integer parallel() {
    return parallel;
  }

  /** Returns whether {@code --quiet} was given. */
  public boolean quiet() {
    return quiet;
  }

  /**
   * Parses and validates the arguments and every point of the sweep before anything runs, so a bad
   * {@code --vary} value fails fast with its location.
   *
   * @throws CommandLine.ParameterException on a usage error (exit code 2)
   * @throws ScenarioException listing every problem of the file or of any point (exit code 65)
   */
  public Prepared prepare(CommandLine commandLine) throws IOException {
    checkParallel(commandLine, parallel);
    checkReplications(commandLine, replications, 1);
    List<SweepPlan.Axis> axes = new ArrayList<>();
    Objective objective;
    try {
      for (String v : vary) {
        SweepPlan.Axis axis = SweepPlan.Axis.parse(v);
        for (SweepPlan.Axis other : axes) {
          if (other.path().equals(axis.path())) {
            throw new IllegalArgumentException("--vary " + axis.path() + " is given twice; give all its values in one"
                + " --vary " + axis.path() + "=v1,v2,...");
          }
        }
        axes.add(axis);
      }
      objective = best == null ? null : Objective.parse(best);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    ScenarioReader reader = new ScenarioReader();
    ResolvedScenario base = reader.read(file, overrides);
    // Like run and compare, a variant listed twice runs once.
    List<String> variantNames = variants.isEmpty() ? List.of("base")
        : variants.stream().map(String::strip).distinct().toList();
    for (String v : variantNames) {
      if (!v.equals("base") && !base.variants().containsKey(v)) {
        throw new CommandLine.ParameterException(commandLine, "no variant named '" + v + "'; variants: base"
            + (base.variants().isEmpty() ? "" : ", " + String.join(", ", base.variants().keySet())));
      }
    }
    long pointCount = 1;
    for (SweepPlan.Axis axis : axes) {
      pointCount = Math.min(pointCount * axis.values().size(), MAX_RUNS + 1);
    }
    checkRuns(commandLine, pointCount > MAX_RUNS ? Long.MAX_VALUE : pointCount * variantNames.size() * replications,
        (pointCount > MAX_RUNS ? "over " + MAX_RUNS : Long.toString(pointCount)) + " points x " + variantNames.size()
            + " variants x " + replications + " replications");
    SweepPlan plan;
    try {
      plan = new SweepPlan(axes, variantNames, replications, base.base().seed());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(commandLine, e.getMessage());
    }
    // reader.read checked that the file is UTF-8 text within the size limit; every point parses this text.
    String text = Files.readString(file, StandardCharsets.UTF_8);
    TreeParser.Format format = TreeParser.Format.ofFileName(file.toString());
    List<List<String>> pointOverrides = new ArrayList<>();
    List<ResolvedScenario> points = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (SweepPlan.Point point : plan.points()) {
      List<String> all = new ArrayList<>(overrides);
      all.addAll(plan.overrides(point));
      pointOverrides.add(List.copyOf(all));
      // Parsed with the --vary values labelled as such, so their problems say --vary, not --set.
      List<String> labelled = new ArrayList<>(overrides);
      for (String vary : plan.overrides(point)) {
        labelled.add(Overrides.labelled("--vary", vary));
      }
      try {
        points.add(reader.parse(file.toString(), text, format, labelled));
      } catch (ScenarioException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems.stream().distinct().toList());
    }
    // The metric names of runs.csv are those of the first run (point 0, first variant).
    List<String> known = RunMetrics.names(points.get(0).spec(variantNames.get(0)));
    if (objective != null) {
      checkMetrics(commandLine, "--best", objective.metrics(), known);
    }
    checkMetrics(commandLine, "--metrics", chartMetrics.stream().map(String::strip).toList(), known);
    Path target = out != null ? out : defaultFolder(base.base().name());
    return new Prepared(file, text, format, plan, List.copyOf(pointOverrides), List.copyOf(points), target, objective,
        new SweepFolder.Options(!noCharts, List.copyOf(chartMetrics),
            objective == null ? null : objective.metric()));
  }

  /** Throws a usage error unless {@code parallel} is null (the default) or within 1 to {@link #MAX_PARALLEL}. */
  public static void checkParallel(CommandLine commandLine, Integer parallel) {
    if (parallel != null && (parallel < 1 || parallel > MAX_PARALLEL)) {
      throw new CommandLine.ParameterException(commandLine,
          "--parallel must be between 1 and " + MAX_PARALLEL + " (was " + parallel + ")");
    }
  }

  /** Throws a usage error unless {@code replications} is within {@code min} to {@link #MAX_REPLICATIONS}. */
  public static void checkReplications(CommandLine commandLine, int replications, int min) {
    if (replications < min || replications > MAX_REPLICATIONS) {
      throw new CommandLine.ParameterException(commandLine, "--replications must be between " + min + " and "
          + MAX_REPLICATIONS + (min > 1 ? " for a confidence interval" : "") + " (was " + replications + ")");
    }
  }

  /**
   * Throws a usage error naming {@code option} when a metric of {@code wanted} is not one of
   * {@code known} (the names {@link RunMetrics#names} gives), with a description of the valid names.
   */
  public static void checkMetrics(CommandLine commandLine, String option, List<String> wanted, List<String> known) {
    for (String metric : wanted) {
      if (!known.contains(metric)) {
        throw new CommandLine.ParameterException(commandLine, option + ": no metric named '" + metric
            + "'; metrics: " + RunMetrics.describe(known));
      }
    }
  }

  /** Throws a usage error when {@code runs} (described by {@code product}) exceeds {@link #MAX_RUNS}. */
  public static void checkRuns(CommandLine commandLine, long runs, String product) {
    if (runs > MAX_RUNS) {
      throw new CommandLine.ParameterException(commandLine, "too many runs: " + product + "; at most " + MAX_RUNS
          + " runs are allowed (use fewer --vary values, variants or --replications)");
    }
  }

  /**
   * Returns the default folder of a sweep of scenario {@code scenarioName}: {@code
   * out/<scenario>-sweep}, a sibling of {@code run}'s {@link RunReporter#defaultFolder}, which
   * {@code run} replaces as a whole, named with the same sanitizer.
   */
  public static Path defaultFolder(String scenarioName) {
    Path run = RunReporter.defaultFolder(scenarioName);
    return run.resolveSibling(run.getFileName() + "-sweep");
  }
}
