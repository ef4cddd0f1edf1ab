package org.cascadesim.cli.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.chart.ChartFiles;
import org.cascadesim.cli.chart.ChartSpec;
import org.cascadesim.cli.chart.SweepChart;
import org.cascadesim.cli.output.FileNames;

/**
 * The charts of a sweep: each chosen metric against the first varied key, mean and 95% interval
 * per point, one line per variant and per combination of the other varied keys' values (colour
 * by variant, dash and marker by combination), written as {@code charts/sweep-<metric>.png} and
 * {@code .svg} into the sweep folder.
 */
public final class SweepCharts {
  /** The folder of the charts inside the sweep folder. */
  public static final String FOLDER = "charts";

  private SweepCharts() {}

  /** The default metrics: every client's p99_ms, goodput_per_s and success_rate, client by client. */
  public static List<String> defaultMetrics(List<String> names) {
    List<String> metrics = new ArrayList<>();
    for (String name : names) {
      if (name.startsWith("client.") && name.endsWith(".p99_ms")) {
        String client = name.substring(0, name.length() - ".p99_ms".length());
        for (String suffix : List.of(".p99_ms", ".goodput_per_s", ".success_rate")) {
          if (names.contains(client + suffix)) {
            metrics.add(client + suffix);
          }
        }
      }
    }
    return metrics;
  }

  /** Builds the chart of one metric (without drawing it). */
  public static ChartSpec chart(SweepPlan plan, SweepResult result, String metric) {
    SweepPlan.Axis first = plan.axes().get(0);
    int xs = first.values().size();
    int combos = 1;
    for (int a = 1; a < plan.axes().size(); a++) {
      combos *= plan.axes().get(a).values().size();
    }
    List<SweepPlan.Point> points = plan.points();
    List<SweepChart.Line> lines = new ArrayList<>();
    for (int v = 0; v < plan.variants().size(); v++) {
      String variant = plan.variants().get(v);
      for (int c = 0; c < combos; c++) {
        double[] mean = new double[xs];
        double[] low = new double[xs];
        double[] high = new double[xs];
        for (int i = 0; i < xs; i++) {
          // The first axis varies slowest: point index = x index * combinations + combination.
          Estimate e = result.cell(points.get(i * combos + c), variant).estimate(metric);
          mean[i] = e.mean();
          low[i] = e.low();
          high[i] = e.high();
        }
        StringBuilder label = new StringBuilder(variant);
        List<String> values = points.get(c).values();
        for (int a = 1; a < plan.axes().size(); a++) {
          label.append(a == 1 ? " | " : ", ").append(plan.axes().get(a).path()).append('=').append(values.get(a));
        }
        lines.add(new SweepChart.Line(label.toString(), v, c, mean, low, high));
      }
    }
    return SweepChart.build(stem(metric), metric, first.path(), first.values(), lines, plan.replications());
  }

  /** Draws the charts of {@code metrics} into {@code sweepDir/charts}; returns the files, PNG before SVG. */
  public static List<Path> write(SweepPlan plan, SweepResult result, List<String> metrics, Path sweepDir)
      throws IOException {
    List<Path> written = new ArrayList<>();
    if (metrics.isEmpty()) {
      return written;
    }
    Path dir = sweepDir.resolve(FOLDER);
    Files.createDirectories(dir);
    for (String metric : metrics) {
      ChartSpec spec = chart(plan, result, metric);
      Path png = dir.resolve(spec.stem() + ".png");
      Path svg = dir.resolve(spec.stem() + ".svg");
      Files.write(png, ChartFiles.png(spec));
      Files.write(svg, ChartFiles.svg(spec));
      written.add(png);
      written.add(svg);
    }
    return written;
  }

  /** The file stem of a metric's chart: {@code sweep-client.shoppers.p99_ms}, sanitized. */
  static String stem(String metric) {
    return FileNames.sanitize("sweep-" + metric);
  }
}
