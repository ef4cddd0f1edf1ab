package org.cascadesim.cli.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.models.run.RunSummary;

/**
 * Every chart of a report (issue 4): latency by percentile per client and endpoint, latency over
 * time and outcomes per second per client, and one resource timeline per component with gauges.
 * A variant's colour comes from its position in {@link ReportData#runs()}, base first, so it is
 * the same in every chart.
 */
public final class ChartSet {
  private ChartSet() {}

  /**
   * Builds (without drawing) every chart of the report in a stable order: kind, then clients,
   * endpoints and components in the order the runs list them. File stems are unique.
   */
  public static List<ChartSpec> charts(ReportData data) {
    List<ChartSpec> charts = new ArrayList<>();
    if (data.runs().isEmpty()) {
      return charts;
    }
    List<String> clients = Plots.names(data, "client");
    List<String> endpoints = Plots.names(data, "endpoint");
    for (String client : clients) {
      charts.add(PercentileChart.build(data, "client", client));
    }
    for (String endpoint : endpoints) {
      charts.add(PercentileChart.build(data, "endpoint", endpoint));
    }
    for (String client : clients) {
      charts.add(LatencyOverTimeChart.build(data, client));
    }
    for (String client : clients) {
      charts.add(OutcomesChart.build(data, client));
    }
    Map<String, List<GaugeColumns.Gauge>> gauges = GaugeColumns.byComponent(allColumns(data), knownComponents(data));
    for (String component : GaugeColumns.outsideIn(List.copyOf(gauges.keySet()))) {
      charts.add(ResourceChart.build(data, component, gauges.get(component)));
    }
    return uniqueStems(charts);
  }

  /**
   * Draws every chart as {@code <stem>.png} and {@code <stem>.svg} into {@code dir} (created if
   * needed) and returns the paths in chart order, the PNG of each chart before its SVG.
   */
  public static List<Path> writeAll(ReportData data, Path dir) {
    List<Path> paths = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (ChartSpec spec : charts(data)) {
        Path png = dir.resolve(spec.stem() + ".png");
        Files.write(png, ChartFiles.png(spec));
        paths.add(png);
        Path svg = dir.resolve(spec.stem() + ".svg");
        Files.write(svg, ChartFiles.svg(spec));
        paths.add(svg);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return paths;
  }

  /** The colour of the variant at this position of the runs (base first) as {@code #rrggbb}, for HTML. */
  public static String variantColorHex(int position) {
    return String.format(Locale.ROOT, "#%06x", ChartStyle.variantColor(position).getRGB() & 0xFFFFFF);
  }

  /**
   * Turns a name into a portable file name: lower-case ASCII letters, digits, underscores and hyphens,
   * runs of anything else as one hyphen ({@code endpoint-checkout /pay} -> {@code endpoint-checkout-pay}).
   */
  static String fileStem(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (keep) {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
      b.setLength(b.length() - 1);
    }
    return b.length() == 0 ? "chart" : b.toString();
  }

  private static List<ChartSpec> uniqueStems(List<ChartSpec> charts) {
    List<String> used = new ArrayList<>();
    List<ChartSpec> out = new ArrayList<>();
    for (ChartSpec c : charts) {
      String base = fileStem(c.stem());
      String stem = base;
      for (int n = 2; used.contains(stem); n++) {
        stem = base + "-" + n;
      }
      used.add(stem);
      out.add(new ChartSpec(c.kind(), stem, c.caption(), c.chart(), c.width(), c.height()));
    }
    return out;
  }

  /** The union of the runs' time-series columns, base first, later runs' new columns appended. */
  private static List<String> allColumns(ReportData data) {
    List<String> columns = new ArrayList<>();
    for (RunSummary run : data.runs()) {
      for (String column : run.timeSeries().columns()) {
        if (!columns.contains(column)) {
          columns.add(column);
        }
      }
    }
    return columns;
  }

  /** Component prefixes known from the books and the scenario: clients, endpoints, dependencies, services. */
  private static List<String> knownComponents(ReportData data) {
    List<String> known = new ArrayList<>();
    for (String kind : List.of("client", "endpoint", "dependency")) {
      for (String name : Plots.names(data, kind)) {
        known.add(kind + "." + name);
      }
    }
    for (String service : data.scenario().services().keySet()) {
      known.add("service." + service);
    }
    return known;
  }
}
