package org.cascadesim.models.scenario;

import java.util.List;

/**
 * A measured latency histogram given by percentiles, sampled by linear interpolation between them
 * ({@code {dist: empirical, percentiles: {p50: 3ms, p99: 40ms, p100: 120ms}}}); below the first
 * percentile it interpolates from 0.
 *
 * @param points the percentiles in file order
 */
public record EmpiricalDist(List<Point> points) implements DistributionSpec {
  /** Copies the points so the record is immutable. */
  public EmpiricalDist {
    points = Specs.copy(points, "points");
  }

  /**
   * One percentile of an empirical distribution.
   *
   * @param percentile the percentile, in (0, 100] ({@code p99.9} is 99.9)
   * @param valueNanos the latency at that percentile
   */
  public record Point(double percentile, long valueNanos) {}
}
