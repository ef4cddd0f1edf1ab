package org.cascadesim.cli.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-(point, variant) aggregate of a sweep: for every metric the values of each replication,
 * kept in run order so that estimates do not depend on which run finished first.
 */
public final class SweepResult {

  /** The aggregate of one point and one variant. */
  public static final class Cell {
    private final SweepPlan.Point point;
    private final String variant;
    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final int replications;

    Cell(SweepPlan.Point point, String variant, int replications) {
      this.point = point;
      this.variant = variant;
      this.replications = replications;
    }

    /** Returns the point. */
    public SweepPlan.Point point() {
      return point;
    }

    /** Returns the variant. */
    public String variant() {
      return variant;
    }

    void add(int replication, Map<String, Double> metrics) {
      for (Map.Entry<String, Double> e : metrics.entrySet()) {
        double[] v = values.computeIfAbsent(e.getKey(), k -> {
          double[] fresh = new double[replications];
          java.util.Arrays.fill(fresh, Double.NaN);
          return fresh;
        });
        v[replication] = e.getValue();
      }
    }

    /** Returns the metric names in first-seen order. */
    public List<String> metrics() {
      return new ArrayList<>(values.keySet());
    }

    /** Returns the values of one metric, one per replication (NaN when missing). */
    public double[] values(String metric) {
      double[] v = values.get(metric);
      return v == null ? new double[0] : v.clone();
    }

    /** Returns the estimate of one metric. */
    public Estimate estimate(String metric) {
      return Estimate.of(values(metric));
    }
  }

  private final List<Cell> cells = new ArrayList<>();
  private final Map<String, Cell> byKey = new LinkedHashMap<>();

  /** Creates the empty cells of a plan. */
  public SweepResult(SweepPlan plan) {
    for (SweepPlan.Point point : plan.points()) {
      for (String variant : plan.variants()) {
        Cell cell = new Cell(point, variant, plan.replications());
        cells.add(cell);
        byKey.put(point.index() + "/" + variant, cell);
      }
    }
  }

  /** Adds the metrics of one run. */
  public void add(SweepPlan.Run run, Map<String, Double> metrics) {
    byKey.get(run.point().index() + "/" + run.variant()).add(run.replication(), metrics);
  }

  /** Returns the cells in plan order. */
  public List<Cell> cells() {
    return List.copyOf(cells);
  }
}
