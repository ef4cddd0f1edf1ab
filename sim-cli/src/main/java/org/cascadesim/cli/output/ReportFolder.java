package org.cascadesim.cli.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.chart.ChartSet;
import org.cascadesim.cli.html.HtmlReport;
import org.cascadesim.cli.report.Hgrm;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ResolvedScenario;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the files of one report into a folder (see docs/reports.md): summary.json,
 * wallclock.json, a {@code .hgrm} per variant and client or endpoint, a {@code timeseries-*.csv}
 * per variant, then the charts and report.html. Every name taken from the scenario is sanitized
 * by {@link FileNames}.
 */
public final class ReportFolder {
  /** The wall-clock cost of running one variant: the only non-deterministic figures. */
  public record Timing(String variant, long wallNanos, long events) {}

  private ReportFolder() {}

  /** Writes every file into {@code dir} (which exists) and returns the files written, in order. */
  public static List<Path> write(Path dir, ResolvedScenario scenario, ReportData data, List<Timing> timings)
      throws IOException {
    List<Path> written = new ArrayList<>();
    written.add(text(dir.resolve("summary.json"), SummaryJson.format(scenario, data.runs())));
    written.add(text(dir.resolve("wallclock.json"), wallclock(timings)));
    FileNames names = new FileNames();
    names.unique("summary.json");
    names.unique("wallclock.json");
    for (RunSummary run : data.runs()) {
      for (TrafficSummary t : run.clients()) {
        hgrm(dir, names, "client", t, run, written);
      }
      for (TrafficSummary t : run.endpoints()) {
        hgrm(dir, names, "endpoint", t, run, written);
      }
    }
    for (RunSummary run : data.runs()) {
      String file = names.unique("timeseries-" + FileNames.sanitize(run.variant()) + ".csv");
      written.add(text(dir.resolve(file), TimeSeriesCsv.format(run.timeSeries())));
    }
    List<Path> charts = ChartSet.writeAll(data, dir);
    written.addAll(charts);
    Path html = dir.resolve("report.html");
    HtmlReport.write(data, charts, html);
    if (Files.exists(html)) {
      written.add(html);
    }
    return written;
  }

  /** The file name of a histogram: {@code client-shoppers.base.hgrm}. */
  static String hgrmName(String kind, String name, String variant) {
    return kind + "-" + FileNames.sanitize(name) + "." + FileNames.sanitize(variant) + ".hgrm";
  }

  private static void hgrm(Path dir, FileNames names, String kind, TrafficSummary t, RunSummary run,
      List<Path> written) throws IOException {
    if (t.latency().getTotalCount() == 0) {
      return;
    }
    String file = names.unique(hgrmName(kind, t.name(), run.variant()));
    written.add(text(dir.resolve(file), Hgrm.format(t.latency())));
  }

  private static String wallclock(List<Timing> timings) {
    ObjectNode root = SummaryJson.object();
    root.put("schema", "cascadesim-wallclock/1");
    root.put("note", "wall-clock cost on this machine: the only file that differs between identical runs");
    long total = 0;
    ObjectNode variants = root.putObject("variants");
    for (Timing t : timings) {
      total += t.wallNanos();
      ObjectNode v = variants.putObject(t.variant());
      v.put("wall_s", seconds(t.wallNanos()));
      v.put("events", t.events());
      v.put("events_per_s", t.wallNanos() <= 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(t.events() * 1e9 / t.wallNanos()).setScale(0, RoundingMode.HALF_EVEN));
    }
    root.put("total_wall_s", seconds(total));
    root.put("java", System.getProperty("java.version"));
    return SummaryJson.write(root);
  }

  private static BigDecimal seconds(long nanos) {
    return BigDecimal.valueOf(nanos, 9).setScale(3, RoundingMode.HALF_EVEN);
  }

  private static Path text(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
