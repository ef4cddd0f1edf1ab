package org.cascadesim.cli.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-(point, variant) aggregate of a sweep: for every metric the running count, mean and sum
 * of squared deviations (Welford's update, Knuth TAOCP vol. 2, 4.2.2), fed in run order so that
 * estimates do not depend on which run finished first. Memory is a few numbers per metric and
 * cell, however many replications run.
 *
 * <p>Every variant of one (point, replication) runs with the same seed (common random numbers), so
 * two cells of one point are paired samples. For one metric, the {@code --best} objective's, it
 * also keeps per point and pair of variants the same moments of the replication-by-replication
 * differences, for the paired t-test: the values of the point being added are held until its next
 * point starts (variants x replications numbers).
 */
public final class SweepResult {

  /** The aggregate of one point and one variant. */
  public static final class Cell {
    private final SweepPlan.Point point;
    private final String variant;
    private final Map<String, Moments> values = new LinkedHashMap<>();

    Cell(SweepPlan.Point point, String variant) {
      this.point = point;
      this.variant = variant;
    }

    /** Returns the point. */
    public SweepPlan.Point point() {
      return point;
    }

    /** Returns the variant. */
    public String variant() {
      return variant;
    }

    void add(Map<String, Double> metrics) {
      for (Map.Entry<String, Double> e : metrics.entrySet()) {
        values.computeIfAbsent(e.getKey(), k -> new Moments()).add(e.getValue());
      }
    }

    /** Returns the metric names in first-seen order. */
    public List<String> metrics() {
      return new ArrayList<>(values.keySet());
    }

    /** Returns whether any run of the cell reported this metric. */
    public boolean has(String metric) {
      return values.containsKey(metric);
    }

    /** Returns the estimate of one metric (n = 0 when no run had a value). */
    public Estimate estimate(String metric) {
      Moments m = values.get(metric);
      return m == null ? Estimate.of(new double[0]) : Estimate.of(m.n, m.mean, m.m2);
    }
  }

  /** Running count, mean and sum of squared deviations of the non-NaN values seen. */
  private static final class Moments {
    long n;
    double mean;
    double m2;

    void add(double x) {
      if (Double.isNaN(x)) {
        return;
      }
      n++;
      double delta = x - mean;
      mean += delta / n;
      m2 += delta * (x - mean);
    }
  }

  private final List<Cell> cells = new ArrayList<>();
  private final Map<String, Cell> byKey = new LinkedHashMap<>();
  private final List<String> variants;
  private final String pairedMetric;
  /** Per point, the moments of variant j - variant i (i < j) of {@link #pairedMetric}, at i * variants + j. */
  private final List<Moments[]> pairs = new ArrayList<>();
  /** The paired metric of the point being added, [variant][replication], NaN until seen. */
  private final double[][] pending;
  private int pendingPoint = -1;

  /** Creates the empty cells of a plan, keeping no paired differences. */
  public SweepResult(SweepPlan plan) {
    this(plan, null);
  }

  /**
   * Creates the empty cells of a plan; {@code pairedMetric} (or null) is the metric whose
   * differences between the variants of a point are kept for {@link #pairedDifference}.
   */
  public SweepResult(SweepPlan plan, String pairedMetric) {
    this.variants = plan.variants();
    this.pairedMetric = pairedMetric;
    int v = variants.size();
    for (SweepPlan.Point point : plan.points()) {
      for (String variant : variants) {
        Cell cell = new Cell(point, variant);
        cells.add(cell);
        byKey.put(point.index() + "/" + variant, cell);
      }
      Moments[] pointPairs = new Moments[pairedMetric == null ? 0 : v * v];
      for (int i = 0; i < v && pairedMetric != null; i++) {
        for (int j = i + 1; j < v; j++) {
          pointPairs[i * v + j] = new Moments();
        }
      }
      pairs.add(pointPairs);
    }
    pending = new double[pairedMetric == null ? 0 : v][pairedMetric == null ? 0 : plan.replications()];
  }

  /**
   * Adds the metrics of one run. Runs must come point by point in plan order (any order within a
   * point) when a paired metric is kept.
   *
   * @throws IllegalArgumentException when a run of an earlier point comes after a later one
   */
  public void add(SweepPlan.Run run, Map<String, Double> metrics) {
    if (pairedMetric != null) {
      pair(run, metrics.getOrDefault(pairedMetric, Double.NaN));
    }
    byKey.get(run.point().index() + "/" + run.variant()).add(metrics);
  }

  private void pair(SweepPlan.Run run, double value) {
    int point = run.point().index();
    if (point < pendingPoint) {
      throw new IllegalArgumentException("run " + run.id() + " of point " + point + " after a run of point "
          + pendingPoint + ": runs must be added in plan order");
    }
    if (point > pendingPoint) {
      for (double[] row : pending) {
        Arrays.fill(row, Double.NaN);
      }
      pendingPoint = point;
    }
    int v = variants.size();
    int k = variants.indexOf(run.variant());
    int r = run.replication();
    pending[k][r] = value;
    if (Double.isNaN(value)) {
      return;
    }
    for (int other = 0; other < v; other++) {
      double seen = pending[other][r];
      if (other != k && !Double.isNaN(seen)) {
        // Stored as the later variant minus the earlier one, whichever of the two came first.
        pairs.get(point)[Math.min(k, other) * v + Math.max(k, other)].add(k > other ? value - seen : seen - value);
      }
    }
  }

  /**
   * Returns whether replication r of both cells ran with the same seed: {@link SweepPlan#seed}
   * depends on the point and the replication only, so cells of one point share their seeds.
   */
  public static boolean paired(Cell a, Cell b) {
    return a.point().index() == b.point().index() && !a.variant().equals(b.variant());
  }

  /**
   * Returns the estimate of {@code a - b} of the paired metric over the replications where both
   * cells have a value (n = the number of those pairs).
   *
   * @throws IllegalArgumentException when the cells are not {@link #paired} or {@code metric} is
   *     not the paired metric this result keeps
   */
  public Estimate pairedDifference(String metric, Cell a, Cell b) {
    if (!paired(a, b)) {
      throw new IllegalArgumentException("point " + a.point().index() + " " + a.variant() + " and point "
          + b.point().index() + " " + b.variant() + " do not share their seeds");
    }
    if (!metric.equals(pairedMetric)) {
      throw new IllegalArgumentException("differences of " + metric + " were not kept (only of " + pairedMetric + ")");
    }
    int v = variants.size();
    int i = variants.indexOf(a.variant());
    int j = variants.indexOf(b.variant());
    Moments m = pairs.get(a.point().index())[Math.min(i, j) * v + Math.max(i, j)];
    // The pair holds later - earlier: a - b when a is the later variant, its negation otherwise.
    return Estimate.of(m.n, i > j ? m.mean : -m.mean, m.m2);
  }

  /** Returns the cell of a point and a variant. */
  public Cell cell(SweepPlan.Point point, String variant) {
    Cell cell = byKey.get(point.index() + "/" + variant);
    if (cell == null) {
      throw new IllegalArgumentException("no cell for point " + point.index() + " variant " + variant);
    }
    return cell;
  }

  /** Returns the cells in plan order. */
  public List<Cell> cells() {
    return List.copyOf(cells);
  }
}
