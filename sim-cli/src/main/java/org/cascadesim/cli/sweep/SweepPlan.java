package org.cascadesim.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.random.SeedMixer;

/**
 * The runs of a sweep: the cartesian product of the varied values (the first {@code --vary}
 * varies slowest), times the variants, times the replications, in a fixed order with
 * deterministic run ids and seeds.
 *
 * <p>Seeds: replication {@code r} of point {@code p} runs with {@code
 * SeedMixer.derive(SeedMixer.derive(scenarioSeed, p), r)}; every variant of one (point,
 * replication) shares that seed, so variants are compared with common random numbers.
 */
public record SweepPlan(List<Axis> axes, List<String> variants, int replications, long scenarioSeed) {

  /** One varied key and its values, as given on the command line. */
  public record Axis(String path, List<String> values) {
    /** Parses {@code path=v1,v2,...}; throws IllegalArgumentException with a usage message. */
    public static Axis parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0 || eq == text.length() - 1) {
        throw new IllegalArgumentException("--vary takes path=v1,v2,... (was '" + text + "')");
      }
      List<String> values = new ArrayList<>();
      for (String v : text.substring(eq + 1).split(",", -1)) {
        if (v.isBlank()) {
          throw new IllegalArgumentException("--vary " + text + ": empty value");
        }
        if (values.contains(v.strip())) {
          throw new IllegalArgumentException("--vary " + text + ": the value '" + v.strip() + "' is given twice");
        }
        values.add(v.strip());
      }
      return new Axis(text.substring(0, eq).strip(), List.copyOf(values));
    }
  }

  /** One point of the product: the values of each axis, in axis order. */
  public record Point(int index, List<String> values) {}

  /** One run: a point, a variant and a replication, with its seed. */
  public record Run(int id, Point point, String variant, int replication, long seed) {}

  /** Validates and copies. */
  public SweepPlan {
    axes = List.copyOf(axes);
    variants = List.copyOf(variants);
    if (replications < 1) {
      throw new IllegalArgumentException("--replications must be >= 1 (was " + replications + ")");
    }
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one variant");
    }
  }

  /** Returns every point of the product, the first axis varying slowest. */
  public List<Point> points() {
    List<List<String>> product = new ArrayList<>();
    product.add(List.of());
    for (Axis axis : axes) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : product) {
        for (String value : axis.values()) {
          List<String> point = new ArrayList<>(prefix);
          point.add(value);
          next.add(List.copyOf(point));
        }
      }
      product = next;
    }
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < product.size(); i++) {
      points.add(new Point(i, product.get(i)));
    }
    return points;
  }

  /** Returns every run in order: point, then variant, then replication. */
  public List<Run> runs() {
    List<Run> runs = new ArrayList<>();
    for (Point point : points()) {
      for (String variant : variants) {
        for (int r = 0; r < replications; r++) {
          runs.add(new Run(runs.size(), point, variant, r, seed(point.index(), r)));
        }
      }
    }
    return runs;
  }

  /** Returns the seed of replication {@code replication} of point {@code point}. */
  public long seed(int point, int replication) {
    return SeedMixer.derive(SeedMixer.derive(scenarioSeed, point), replication);
  }

  /** Returns the {@code --set} overrides that select a point. */
  public List<String> overrides(Point point) {
    List<String> overrides = new ArrayList<>();
    for (int i = 0; i < axes.size(); i++) {
      overrides.add(axes.get(i).path() + "=" + point.values().get(i));
    }
    return overrides;
  }
}
