package org.cascadesim.cli.sweep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cascadesim.core.random.SeedMixer;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;

/**
 * Ranks the variants of a scenario by an objective over replications with common random numbers
 * ({@code sim compare --objective ... --replications N}): replication {@code r} runs every variant
 * with the seed {@code SeedMixer.derive(scenarioSeed, r)}, so each variant sees the same named
 * random streams and the paired differences variant - base carry less noise than differences of
 * independent runs (Law, Simulation Modeling and Analysis, section 11.2; SSJ's InventoryCRN
 * example). For each variant it reports the improvement over the base with the 95% Student t
 * interval of the paired differences, and the variance reduction CRN bought: (var(a) + var(b)) /
 * var(a - b), the variance the difference would have with independent streams over the one it has
 * (the marginal variances are the same with and without CRN). With {@code independentControl} it
 * also runs every non-base variant once more per replication on an independent seed and measures
 * var(a - b) of those independent pairs directly.
 */
public final class Ranking {

  /** A variant's line of the ranking. */
  public record Entry(
      String variant,
      Estimate objective,
      boolean feasible,
      Estimate improvement,
      double relativeImprovement,
      double varianceReduction,
      double measuredVarianceReduction) {

    /** Returns whether the 95% interval of the improvement lies above zero. */
    public boolean surelyBetter() {
      return improvement != null && improvement.n() >= 2 && improvement.low() > 0;
    }

    /** Returns whether the 95% interval of the improvement lies below zero. */
    public boolean surelyWorse() {
      return improvement != null && improvement.n() >= 2 && improvement.high() < 0;
    }

    /** Returns whether the variant gets a rank: its mean meets the constraints and it has an objective value. */
    public boolean ranked() {
      return feasible && objective.n() > 0;
    }
  }

  /** The ranking: entries best first, the base among them (its improvement is null). */
  public record Result(Objective objective, int replications, long scenarioSeed, boolean independentControl,
      List<Entry> ranked) {

    /** Returns the entry of a variant. */
    public Entry entry(String variant) {
      return ranked.stream().filter(e -> e.variant().equals(variant)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no variant " + variant));
    }
  }

  private Ranking() {}

  /** The seed of replication {@code replication}, shared by every variant. */
  public static long seed(long scenarioSeed, int replication) {
    return SeedMixer.derive(scenarioSeed, replication);
  }

  /**
   * The independent seed of variant {@code position} (base = 0) in replication {@code replication}
   * of the control set: a different stream family for every variant.
   */
  public static long independentSeed(long scenarioSeed, int replication, int position) {
    return SeedMixer.derive(SeedMixer.derive(scenarioSeed, replication), position + 1L);
  }

  private record Job(int variant, int replication, boolean control, long seed) {}

  /**
   * Runs {@code variants} (the base first) {@code replications} times each on {@code threads}
   * threads and ranks them. Results do not depend on {@code threads}.
   *
   * @throws IllegalArgumentException when a metric of the objective does not exist
   */
  public static Result run(ResolvedScenario scenario, List<String> variants, Objective objective, int replications,
      long scenarioSeed, int threads, boolean independentControl) throws InterruptedException {
    if (replications < 2) {
      throw new IllegalArgumentException("--replications must be >= 2 for a confidence interval (was " + replications + ")");
    }
    List<String> metrics = objective.metrics();
    int v = variants.size();
    // values[metric][variant][replication], control[variant][replication] (objective only)
    double[][][] values = new double[metrics.size()][v][replications];
    double[][] control = new double[v][replications];
    List<Job> jobs = new ArrayList<>();
    for (int r = 0; r < replications; r++) {
      for (int k = 0; k < v; k++) {
        jobs.add(new Job(k, r, false, seed(scenarioSeed, r)));
      }
    }
    if (independentControl) {
      for (int r = 0; r < replications; r++) {
        for (int k = 1; k < v; k++) {
          jobs.add(new Job(k, r, true, independentSeed(scenarioSeed, r, k)));
        }
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      ArrayDeque<Future<Map<String, Double>>> window = new ArrayDeque<>();
      int next = 0;
      for (int done = 0; done < jobs.size(); done++) {
        while (next < jobs.size() && window.size() < Math.max(1, threads) * 4) {
          Job job = jobs.get(next++);
          String name = variants.get(job.variant());
          window.add(pool.submit(() -> RunMetrics.of(ScenarioRunner.run(scenario.spec(name), name, job.seed()))));
        }
        Job job = jobs.get(done);
        Map<String, Double> m = window.poll().get();
        if (done == 0) {
          for (String metric : metrics) {
            if (!m.containsKey(metric)) {
              throw new IllegalArgumentException("no metric named '" + metric + "'; metrics: " + String.join(", ", m.keySet()));
            }
          }
        }
        if (job.control()) {
          control[job.variant()][job.replication()] = value(m, objective.metric());
        } else {
          for (int i = 0; i < metrics.size(); i++) {
            values[i][job.variant()][job.replication()] = value(m, metrics.get(i));
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a ranking run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return rank(objective, variants, metrics, values, independentControl ? control : null, replications, scenarioSeed);
  }

  private static double value(Map<String, Double> m, String metric) {
    Double d = m.get(metric);
    return d == null ? Double.NaN : d;
  }

  /**
   * Ranks from the measured values: {@code values[metric][variant][replication]} with metric 0
   * the objective and the others its constraints' metrics in {@code metrics} order; {@code
   * control[variant][replication]} the objective on independent seeds (null without a control).
   */
  static Result rank(Objective objective, List<String> variants, List<String> metrics, double[][][] values,
      double[][] control, int replications, long scenarioSeed) {
    double sign = objective.minimize() ? -1 : 1;
    double[] base = values[0][0];
    Estimate baseEstimate = Estimate.of(base);
    List<Entry> entries = new ArrayList<>();
    for (int k = 0; k < variants.size(); k++) {
      double[] x = values[0][k];
      boolean feasible = true;
      for (Objective.Constraint c : objective.constraints()) {
        feasible &= c.holds(Estimate.of(values[metrics.indexOf(c.metric())][k]).mean());
      }
      if (k == 0) {
        entries.add(new Entry(variants.get(k), baseEstimate, feasible, null, Double.NaN, Double.NaN, Double.NaN));
        continue;
      }
      double[] diff = new double[replications];
      for (int r = 0; r < replications; r++) {
        diff[r] = sign * (x[r] - base[r]);
      }
      Estimate improvement = Estimate.of(diff);
      Estimate xe = Estimate.of(x);
      double independentVariance = variance(xe) + variance(baseEstimate);
      double reduction = independentVariance / variance(improvement);
      double measured = Double.NaN;
      if (control != null) {
        double[] independent = new double[replications];
        for (int r = 0; r < replications; r++) {
          independent[r] = control[k][r] - base[r];
        }
        measured = variance(Estimate.of(independent)) / variance(improvement);
      }
      entries.add(new Entry(variants.get(k), xe, feasible, improvement,
          improvement.mean() / Math.abs(baseEstimate.mean()), reduction, measured));
    }
    List<Entry> ranked = new ArrayList<>(entries);
    Comparator<Entry> byMean = Comparator.comparingDouble(e -> sign * -e.objective().mean());
    ranked.sort(Comparator.comparing((Entry e) -> !e.ranked()).thenComparing(byMean));
    return new Result(objective, replications, scenarioSeed, control != null, List.copyOf(ranked));
  }

  private static double variance(Estimate e) {
    return e.stddev() * e.stddev();
  }

  /** Formats the ranking as text: one line per variant, best first, then how to read it. */
  public static String format(Result result) {
    Objective o = result.objective();
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "ranking: %s %s over %d replications with common random numbers"
        + " (replication r: seed derive(%d, r) for every variant)%n", o.minimize() ? "minimize" : "maximize",
        o.metric(), result.replications(), result.scenarioSeed()));
    if (!o.constraints().isEmpty()) {
      out.append("  subject to ").append(o.constraints().stream().map(Objective.Constraint::toString)
          .reduce((a, b) -> a + " and " + b).orElse("")).append(" (on the mean)\n");
    }
    out.append(String.format(Locale.ROOT, "  %-4s %-20s %14s %25s %14s %9s %25s %-9s %s%n", "rank", "variant", "mean",
        "95% CI", "improvement", "relative", "95% CI (paired)", "verdict", result.independentControl()
            ? "CRN variance reduction (estimated / measured)" : "CRN variance reduction"));
    int rank = 1;
    for (Entry e : result.ranked()) {
      Estimate m = e.objective();
      String interval = "[" + num(m.low()) + ", " + num(m.high()) + "]";
      if (e.improvement() == null) {
        out.append(String.format(Locale.ROOT, "  %-4s %-20s %14s %25s %14s %9s %25s %-9s %s%n",
            e.ranked() ? rank++ : "-", e.variant(), num(m.mean()), interval, "(base)", "", "", "", ""));
        continue;
      }
      Estimate d = e.improvement();
      String verdict = e.surelyBetter() ? "better" : e.surelyWorse() ? "worse" : "unclear";
      String reduction = reduction(e.varianceReduction());
      if (result.independentControl()) {
        reduction += " / " + reduction(e.measuredVarianceReduction());
      }
      out.append(String.format(Locale.ROOT, "  %-4s %-20s %14s %25s %14s %9s %25s %-9s %s%n",
          e.ranked() ? rank++ : "-", e.variant(), num(m.mean()), interval, signed(d.mean()),
          Double.isFinite(e.relativeImprovement()) ? String.format(Locale.ROOT, "%+.1f%%", 100 * e.relativeImprovement()) : "",
          "[" + signed(d.low()) + ", " + signed(d.high()) + "]", verdict, reduction));
    }
    out.append("  improvement: the objective's change over the base, positive = better; its 95% CI is the Student t\n"
        + "  interval of the paired differences; verdict 'better'/'worse' when that interval excludes 0.\n"
        + "  CRN variance reduction: (var(variant) + var(base)) / var(paired difference), how many times more\n"
        + "  independent replications the same interval width would need without common random numbers.\n");
    if (result.ranked().stream().anyMatch(e -> !e.ranked())) {
      out.append("  '-': not ranked: the variant's mean breaks a constraint, or no replication has a value of the objective.\n");
    }
    return out.toString();
  }

  private static String reduction(double r) {
    if (Double.isNaN(r)) {
      return "n/a";
    }
    if (Double.isInfinite(r)) {
      return "inf (the variant's runs equal the base's)";
    }
    return String.format(Locale.ROOT, "%.1fx", r);
  }

  /** Up to four decimals, enough to read a ranking; the values are not rounded anywhere else. */
  private static String num(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    return s.equals("-0") ? "0" : s;
  }

  private static String signed(double v) {
    String s = num(v);
    return s.isEmpty() || s.startsWith("-") ? s : "+" + s;
  }
}
