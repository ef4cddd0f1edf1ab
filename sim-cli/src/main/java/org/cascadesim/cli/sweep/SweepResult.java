package org.cascadesim.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-(point, variant) aggregate of a sweep: for every metric the running count, mean and sum
 * of squared deviations (Welford's update, Knuth TAOCP vol. 2, 4.2.2), fed in run order so that
 * estimates do not depend on which run finished first. Memory is a few numbers per metric and
 * cell, however many replications run.
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

  /** Creates the empty cells of a plan. */
  public SweepResult(SweepPlan plan) {
    for (SweepPlan.Point point : plan.points()) {
      for (String variant : plan.variants()) {
        Cell cell = new Cell(point, variant);
        cells.add(cell);
        byKey.put(point.index() + "/" + variant, cell);
      }
    }
  }

  /** Adds the metrics of one run. */
  public void add(SweepPlan.Run run, Map<String, Double> metrics) {
    byKey.get(run.point().index() + "/" + run.variant()).add(metrics);
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
