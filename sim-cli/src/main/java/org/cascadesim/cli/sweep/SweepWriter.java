package org.cascadesim.cli.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a sweep's files: one row per run as it finishes, in run order ({@code runs.csv}, {@code
 * runs.jsonl}), then the summary per (point, variant) with means and 95% confidence intervals
 * ({@code summary.csv}, {@code summary.json}). Numbers use {@code Locale.ROOT} and a fixed
 * format, so the same sweep gives the same bytes whatever the parallelism.
 */
public final class SweepWriter implements AutoCloseable {
  private final SweepPlan plan;
  private final Path dir;
  private final BufferedWriter csv;
  private final BufferedWriter jsonl;
  private List<String> metricNames;

  /** Opens the run files in {@code dir}. */
  public SweepWriter(SweepPlan plan, Path dir) throws IOException {
    this.plan = plan;
    this.dir = dir;
    this.csv = Files.newBufferedWriter(dir.resolve("runs.csv"), StandardCharsets.UTF_8);
    this.jsonl = Files.newBufferedWriter(dir.resolve("runs.jsonl"), StandardCharsets.UTF_8);
  }

  /** Appends the row of one run; runs must come in plan order. */
  public void row(SweepPlan.Run run, Map<String, Double> metrics) {
    try {
      if (metricNames == null) {
        metricNames = new ArrayList<>(metrics.keySet());
        List<String> header = new ArrayList<>(List.of("run", "point", "variant", "replication", "seed"));
        for (SweepPlan.Axis axis : plan.axes()) {
          header.add(axis.path());
        }
        header.addAll(metricNames);
        csv.write(csvLine(header));
      }
      List<String> cells = new ArrayList<>(List.of(Integer.toString(run.id()), Integer.toString(run.point().index()),
          run.variant(), Integer.toString(run.replication()), Long.toString(run.seed())));
      cells.addAll(run.point().values());
      StringBuilder json = new StringBuilder();
      json.append("{\"run\":").append(run.id()).append(",\"point\":").append(run.point().index())
          .append(",\"variant\":").append(quote(run.variant())).append(",\"replication\":").append(run.replication())
          .append(",\"seed\":").append(run.seed()).append(",\"parameters\":{");
      for (int i = 0; i < plan.axes().size(); i++) {
        json.append(i == 0 ? "" : ",").append(quote(plan.axes().get(i).path())).append(':')
            .append(quote(run.point().values().get(i)));
      }
      json.append("},\"metrics\":{");
      for (int i = 0; i < metricNames.size(); i++) {
        Double v = metrics.get(metricNames.get(i));
        cells.add(number(v == null ? Double.NaN : v));
        json.append(i == 0 ? "" : ",").append(quote(metricNames.get(i))).append(':')
            .append(jsonNumber(v == null ? Double.NaN : v));
      }
      json.append("}}\n");
      csv.write(csvLine(cells));
      jsonl.write(json.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the summary files of the finished sweep. */
  public void summary(SweepResult result) throws IOException {
    List<String> metrics = metricNames == null ? List.of() : metricNames;
    StringBuilder csvOut = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("point", "variant", "replications"));
    for (SweepPlan.Axis axis : plan.axes()) {
      header.add(axis.path());
    }
    for (String m : metrics) {
      header.add(m + ".mean");
      header.add(m + ".ci95_low");
      header.add(m + ".ci95_high");
    }
    csvOut.append(csvLine(header));
    StringBuilder json = new StringBuilder("{\n  \"replications\": ").append(plan.replications())
        .append(",\n  \"parameters\": [");
    for (int i = 0; i < plan.axes().size(); i++) {
      json.append(i == 0 ? "" : ", ").append(quote(plan.axes().get(i).path()));
    }
    json.append("],\n  \"points\": [");
    boolean firstCell = true;
    for (SweepResult.Cell cell : result.cells()) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(cell.point().index()), cell.variant(),
          Integer.toString(plan.replications())));
      row.addAll(cell.point().values());
      json.append(firstCell ? "\n" : ",\n").append("    {\"point\": ").append(cell.point().index())
          .append(", \"variant\": ").append(quote(cell.variant())).append(", \"parameters\": {");
      firstCell = false;
      for (int i = 0; i < plan.axes().size(); i++) {
        json.append(i == 0 ? "" : ", ").append(quote(plan.axes().get(i).path())).append(": ")
            .append(quote(cell.point().values().get(i)));
      }
      json.append("}, \"metrics\": {");
      for (int i = 0; i < metrics.size(); i++) {
        Estimate e = cell.estimate(metrics.get(i));
        row.add(number(e.mean()));
        row.add(number(e.low()));
        row.add(number(e.high()));
        json.append(i == 0 ? "" : ", ").append(quote(metrics.get(i))).append(": {\"mean\": ")
            .append(jsonNumber(e.mean())).append(", \"stddev\": ").append(jsonNumber(e.stddev()))
            .append(", \"ci95\": [").append(jsonNumber(e.low())).append(", ").append(jsonNumber(e.high()))
            .append("], \"n\": ").append(e.n()).append('}');
      }
      json.append("}}");
      csvOut.append(csvLine(row));
    }
    json.append("\n  ]\n}\n");
    Files.writeString(dir.resolve("summary.csv"), csvOut.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("summary.json"), json.toString(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    try (csv; jsonl) {
      csv.flush();
      jsonl.flush();
    }
  }

  /** Formats a number the same way in every file: up to 6 decimals, NaN as empty. */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String jsonNumber(double v) {
    String s = number(v);
    return s.isEmpty() ? "null" : s;
  }

  private static String csvLine(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i > 0) {
        line.append(',');
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
        line.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        line.append(c);
      }
    }
    return line.append('\n').toString();
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
