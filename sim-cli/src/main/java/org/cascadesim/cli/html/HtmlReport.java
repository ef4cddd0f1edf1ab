package org.cascadesim.cli.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.cascadesim.cli.chart.ChartKind;
import org.cascadesim.cli.chart.ChartSet;
import org.cascadesim.cli.chart.ChartSpec;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.cli.report.Units;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ScenarioSpec;

/**
 * Writes {@code report.html}: one self-contained page (CSS inline, charts inlined as SVG or as
 * {@code data:} PNGs, no scripts, no network access) with the scenario's name and description,
 * a comparison table, every chart with a caption, and the resolved scenario. Every text from the
 * scenario is escaped ({@link Html#escape}).
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Writes the report.
   *
   * @param data the scenario and its runs
   * @param charts chart files as {@code ChartSet.writeAll} returned them; an SVG is inlined, a PNG
   *     is embedded only when its SVG is not in the list
   * @param file the HTML file to write
   */
  public static void write(ReportData data, List<Path> charts, Path file) {
    try {
      Files.writeString(file, render(data, charts), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the report's HTML text. */
  public static String render(ReportData data, List<Path> charts) {
    ScenarioSpec scenario = data.scenario();
    List<ChartSpec> specs = ChartSet.charts(data);
    List<Figure> figures = figures(charts, specs);
    StringBuilder out = new StringBuilder(1 << 20);
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"cascadesim\">\n")
        .append("<title>").append(Html.escape(scenario.name())).append(" - cascadesim report</title>\n")
        .append("<style>\n").append(resource("report.css")).append("</style>\n</head>\n<body>\n");

    out.append("<header>\n<h1>").append(Html.escape(scenario.name())).append("</h1>\n");
    if (!scenario.description().isBlank()) {
      out.append("<p class=\"description\">").append(Html.escape(scenario.description().strip())).append("</p>\n");
    }
    out.append("<p class=\"meta\">seed ").append(scenario.seed())
        .append(" &middot; ").append(Html.escape(Units.duration(scenario.durationNanos()))).append(" simulated")
        .append(" &middot; warm-up ").append(Html.escape(Units.duration(scenario.warmupNanos())))
        .append(" &middot; variants: ");
    for (int i = 0; i < data.runs().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(swatch(i)).append(Html.escape(data.runs().get(i).variant()));
    }
    out.append("</p>\n");
    for (RunSummary run : data.runs()) {
      if (run.stop().hitLimit()) {
        out.append("<p class=\"warning\">Variant ").append(Html.escape(run.variant())).append(" stopped early at ")
            .append(Html.escape(Units.duration(run.stop().timeNanos()))).append(": ")
            .append(Html.escape(run.stop().detail())).append("</p>\n");
      }
    }
    out.append("</header>\n");

    contents(out, figures);
    comparison(out, data);
    TimelineSection.append(out, data);
    for (ChartKind kind : ChartKind.values()) {
      section(out, kind.heading(), "charts-" + kind.slug(), figures, kind);
    }
    section(out, "Other charts", "charts-other", figures, null);

    out.append("<section id=\"scenario\">\n<h2>Resolved scenario</h2>\n")
        .append("<p class=\"note\">The base scenario with every default filled in, as it ran.</p>\n")
        .append("<pre>").append(Html.escape(data.resolvedText())).append("</pre>\n</section>\n");
    out.append("<footer><p class=\"note\">Written by cascadesim. Simulated time only: the same")
        .append(" scenario and seed give the same report.</p></footer>\n</body>\n</html>\n");
    return out.toString();
  }

  /** One chart to show: its anchor, kind (null when unknown), caption and inline markup. */
  private record Figure(String id, ChartKind kind, String title, String caption, String files, String markup) {}

  private static List<Figure> figures(List<Path> charts, List<ChartSpec> specs) {
    List<Figure> figures = new ArrayList<>();
    List<String> done = new ArrayList<>();
    for (Path path : charts) {
      String name = path.getFileName().toString();
      String stem = stem(name);
      if (done.contains(stem)) {
        continue;
      }
      Path svg = sibling(charts, stem, ".svg");
      Path png = sibling(charts, stem, ".png");
      ChartSpec spec = null;
      for (ChartSpec s : specs) {
        if (s.stem().equals(stem)) {
          spec = s;
        }
      }
      String title = spec == null ? stem : spec.title();
      String markup;
      if (svg != null) {
        markup = inlineSvg(read(svg), title);
      } else if (png != null) {
        markup = "<img alt=\"" + Html.escape(title) + "\" src=\"data:image/png;base64,"
            + Base64.getEncoder().encodeToString(bytes(png)) + "\">";
      } else {
        continue;
      }
      done.add(stem);
      StringBuilder files = new StringBuilder();
      for (Path p : new Path[] {png, svg}) {
        if (p != null) {
          files.append(files.length() == 0 ? "" : ", ").append(p.getFileName());
        }
      }
      figures.add(new Figure("chart-" + Html.id(stem), spec == null ? null : spec.kind(), title, spec == null ? "" : spec.caption(), files.toString(), markup));
    }
    return figures;
  }

  private static void contents(StringBuilder out, List<Figure> figures) {
    out.append("<nav>\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#comparison\">Comparison</a></li>\n");
    for (Figure f : figures) {
      out.append("<li><a href=\"#").append(f.id()).append("\">").append(Html.escape(f.title())).append("</a></li>\n");
    }
    out.append("<li><a href=\"#scenario\">Resolved scenario</a></li>\n</ol>\n</nav>\n");
  }

  private static void section(StringBuilder out, String heading, String id, List<Figure> figures, ChartKind kind) {
    List<Figure> mine = new ArrayList<>();
    for (Figure f : figures) {
      if (f.kind() == kind) {
        mine.add(f);
      }
    }
    if (mine.isEmpty()) {
      return;
    }
    out.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(heading)).append("</h2>\n");
    for (Figure f : mine) {
      out.append("<figure id=\"").append(f.id()).append("\">\n").append(f.markup()).append("\n<figcaption>")
          .append(Html.escape(f.caption())).append(" <span class=\"files\">Files: ")
          .append(Html.escape(f.files())).append("</span></figcaption>\n</figure>\n");
    }
    out.append("</section>\n");
  }

  private static void comparison(StringBuilder out, ReportData data) {
    out.append("<section id=\"comparison\">\n<h2>Comparison</h2>\n")
        .append("<p class=\"note\">Per variant, with the colour it has in every chart. Latency in ms;")
        .append(" clients measure from the intended send time, endpoints from arrival at the service.</p>\n");
    table(out, data, "client", "Clients");
    table(out, data, "endpoint", "Endpoints");
    table(out, data, "dependency", "Dependencies");
    if (!data.comparisonText().isBlank()) {
      out.append("<h3>As printed on the terminal</h3>\n<pre>").append(Html.escape(data.comparisonText()))
          .append("</pre>\n");
    }
    out.append("</section>\n");
  }

  private static final String[] HEADER = {
    "", "requests", "ok", "error", "timeout", "rejected", "other", "in flight", "success", "goodput/s",
    "p50", "p90", "p99", "p99.9", "max"
  };

  private static void table(StringBuilder out, ReportData data, String kind, String heading) {
    List<String> names = new ArrayList<>();
    for (RunSummary run : data.runs()) {
      for (TrafficSummary t : books(run, kind)) {
        if (!names.contains(t.name())) {
          names.add(t.name());
        }
      }
    }
    if (names.isEmpty()) {
      return;
    }
    out.append("<h3>").append(heading).append("</h3>\n<table>\n<thead><tr>");
    for (String h : HEADER) {
      out.append("<th>").append(h).append("</th>");
    }
    out.append("</tr></thead>\n");
    for (String name : names) {
      out.append("<tbody>\n");
      String target = "";
      for (RunSummary run : data.runs()) {
        for (TrafficSummary t : books(run, kind)) {
          if (t.name().equals(name) && !t.target().isEmpty()) {
            target = " \u2192 " + t.target();
          }
        }
      }
      out.append("<tr><th colspan=\"").append(HEADER.length).append("\">").append(Html.escape(name + target))
          .append("</th></tr>\n");
      for (int i = 0; i < data.runs().size(); i++) {
        RunSummary run = data.runs().get(i);
        TrafficSummary t = null;
        for (TrafficSummary candidate : books(run, kind)) {
          if (candidate.name().equals(name)) {
            t = candidate;
          }
        }
        if (t == null) {
          continue;
        }
        out.append("<tr><td>").append(swatch(i)).append(Html.escape(run.variant())).append("</td>");
        row(out, t, run.measuredNanos());
        out.append("</tr>\n");
      }
      out.append("</tbody>\n");
    }
    out.append("</table>\n");
  }

  private static void row(StringBuilder out, TrafficSummary t, long measuredNanos) {
    Histogram h = t.latency();
    boolean any = h.getTotalCount() > 0;
    long other = t.count(Outcome.SHORT_CIRCUITED) + t.count(Outcome.CONFLICT) + t.count(Outcome.DEGRADED);
    long failed = t.answered() - t.count(Outcome.OK);
    String[] cells = {
      Units.count(t.offered()),
      Units.count(t.count(Outcome.OK)),
      Units.count(t.count(Outcome.ERROR)),
      Units.count(t.count(Outcome.TIMEOUT)),
      Units.count(t.count(Outcome.REJECTED)),
      Units.count(other),
      Units.count(t.inFlight()),
      Double.isNaN(t.successRate()) ? "-" : String.format(Locale.ROOT, "%.1f%%", t.successRate() * 100),
      String.format(Locale.ROOT, "%.1f", t.goodputPerSecond(measuredNanos)),
      any ? Units.millis(h.getValueAtPercentile(50)) : "-",
      any ? Units.millis(h.getValueAtPercentile(90)) : "-",
      any ? Units.millis(h.getValueAtPercentile(99)) : "-",
      any ? Units.millis(h.getValueAtPercentile(99.9)) : "-",
      any ? Units.millis(h.getMaxValue()) : "-",
    };
    for (int c = 0; c < cells.length; c++) {
      boolean bad = c == 7 && failed > 0;
      out.append(bad ? "<td class=\"bad\">" : "<td>").append(Html.escape(cells[c])).append("</td>");
    }
  }

  private static List<TrafficSummary> books(RunSummary run, String kind) {
    return switch (kind) {
      case "client" -> run.clients();
      case "endpoint" -> run.endpoints();
      default -> run.dependencies();
    };
  }

  private static String swatch(int position) {
    return "<span class=\"swatch\" style=\"background:" + ChartSet.variantColorHex(position) + "\"></span>";
  }

  /**
   * Prepares an SVG document for inlining: drops the XML prolog and DOCTYPE (HTML parses inline
   * {@code <svg>} into the SVG namespace by itself, so the namespace declarations go too) and
   * labels it for screen readers.
   */
  static String inlineSvg(String svg, String label) {
    int start = svg.indexOf("<svg");
    if (start < 0) {
      throw new IllegalArgumentException("not an SVG document: " + label);
    }
    String body = svg.substring(start)
        .replace(" xmlns=\"http://www.w3.org/2000/svg\"", "")
        .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
    return ("<svg role=\"img\" aria-label=\"" + Html.escape(label) + "\"" + body.substring("<svg".length())).strip();
  }

  private static Path sibling(List<Path> charts, String stem, String extension) {
    for (Path p : charts) {
      if (p.getFileName().toString().equals(stem + extension)) {
        return p;
      }
    }
    return null;
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? fileName : fileName.substring(0, dot);
  }

  private static String read(Path p) {
    return new String(bytes(p), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream("/org/cascadesim/cli/html/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
