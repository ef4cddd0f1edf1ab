package org.cascadesim.cli.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the component gauges among time-series column names and groups them by component, so a
 * new component's gauges get a chart without code changes. A gauge is any metric {@code g} with
 * both {@code g.mean} and {@code g.max} columns ({@code TimeSeries.of} writes exactly that pair
 * for a time-weighted gauge); its component is the longest known component prefix
 * ({@code service.checkout}, {@code endpoint.checkout /pay}), else its first two dot-separated
 * parts.
 */
final class GaugeColumns {
  private GaugeColumns() {}

  /**
   * One gauge of one component.
   *
   * @param component the component prefix ({@code service.checkout})
   * @param metric the gauge's metric name ({@code service.checkout.workers.busy})
   */
  record Gauge(String component, String metric, boolean waitTime) {
    /** A time-weighted gauge (a count in use or waiting). */
    Gauge(String component, String metric) {
      this(component, metric, false);
    }

    /** The gauge's name within its component ({@code workers.busy}). */
    String shortName() {
      return metric.length() > component.length() ? metric.substring(component.length() + 1) : metric;
    }

    /** The column of the solid line: the time-weighted mean per window, or a wait time's p99. */
    String meanColumn() {
      return waitTime ? metric + ".p99" : metric + ".mean";
    }

    /** The column of the dashed line: the maximum per window. */
    String maxColumn() {
      return metric + ".max";
    }
  }

  /**
   * Groups the gauges of {@code columns} by component, components and gauges in order of first
   * appearance.
   *
   * @param columns column names, possibly the union over several runs, in a stable order
   * @param knownComponents component prefixes ({@code client.shoppers}); longer ones win
   */
  static Map<String, List<Gauge>> byComponent(List<String> columns, List<String> knownComponents) {
    Map<String, List<Gauge>> out = new LinkedHashMap<>();
    for (String column : columns) {
      boolean waitTime = column.endsWith(".p99"); // a latency recorder's columns: count, p50, p99, max
      if (!column.endsWith(".mean") && !waitTime) {
        continue;
      }
      String metric = column.substring(0, column.length() - (waitTime ? ".p99" : ".mean").length());
      if (!columns.contains(metric + ".max")) {
        continue;
      }
      if (waitTime && (metric.endsWith(".latency") || metric.endsWith(".latency.ok"))) {
        continue; // a request latency: the latency and percentile charts draw it
      }
      String component = componentOf(metric, knownComponents);
      List<Gauge> gauges = out.computeIfAbsent(component, k -> new ArrayList<>());
      Gauge gauge = new Gauge(component, metric, waitTime);
      if (!gauges.contains(gauge)) {
        gauges.add(gauge);
      }
    }
    return out;
  }

  /** Returns the component a metric belongs to. */
  static String componentOf(String metric, List<String> knownComponents) {
    String best = null;
    for (String known : knownComponents) {
      if (metric.startsWith(known + ".") && (best == null || known.length() > best.length())) {
        best = known;
      }
    }
    if (best != null) {
      return best;
    }
    int first = metric.indexOf('.');
    if (first < 0) {
      return metric;
    }
    int second = metric.indexOf('.', first + 1);
    return second < 0 ? metric.substring(0, first) : metric.substring(0, second);
  }

  /** Kinds in the order a request meets them; components of other kinds come last. */
  private static final List<String> KIND_ORDER = List.of("client", "service", "endpoint", "dependency");

  /**
   * Orders components the way a request meets them (clients, services, endpoints, dependencies,
   * then any other kind), keeping the given order within a kind.
   */
  static List<String> outsideIn(List<String> components) {
    List<String> out = new ArrayList<>();
    for (int rank = 0; rank <= KIND_ORDER.size(); rank++) {
      for (String component : components) {
        if (rankOf(component) == rank) {
          out.add(component);
        }
      }
    }
    return out;
  }

  private static int rankOf(String component) {
    int dot = component.indexOf('.');
    int rank = KIND_ORDER.indexOf(dot < 0 ? component : component.substring(0, dot));
    return rank < 0 ? KIND_ORDER.size() : rank;
  }

  /** A component prefix as people read it: {@code service.checkout} -> {@code service checkout}. */
  static String display(String component) {
    int dot = component.indexOf('.');
    return dot < 0 ? component : component.substring(0, dot) + " " + component.substring(dot + 1);
  }

  /**
   * The unit of a gauge, guessed from its name: time gauges named in nanoseconds are drawn in
   * milliseconds, state gauges as codes, everything else as a count.
   *
   * @param shortName the gauge's name within its component
   * @return the axis unit and the factor from the recorded value to that unit
   */
  static Unit unitOf(Gauge gauge) {
    return gauge.waitTime() ? new Unit("ms", 1e-6) : unitOf(gauge.shortName()); // recorded in nanoseconds
  }

  static Unit unitOf(String shortName) {
    String lower = shortName.toLowerCase(Locale.ROOT);
    if (lower.endsWith("nanos") || lower.endsWith(".ns")) {
      return new Unit("ms", 1e-6);
    }
    if (lower.endsWith("state")) {
      return new Unit("state code", 1);
    }
    return new Unit("count", 1);
  }

  /**
   * An axis unit.
   *
   * @param label the unit as printed on the axis
   * @param factor multiply recorded values by this
   */
  record Unit(String label, double factor) {}
}
