package org.cascadesim.cli.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.cascadesim.cli.chart.ChartSet;
import org.cascadesim.cli.chart.ChartSpec;
import org.cascadesim.cli.chart.ReportFixtures;
import org.cascadesim.cli.report.ReportData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in a real browser, headless Chromium (Debian's {@code chromium} package), and
 * fails when a chart does not show: after load, every figure's SVG or image must have a laid-out
 * size and drawn content. Skipped when no Chromium binary is found ({@code CHROMIUM} names one
 * explicitly); scripts/check-report-in-browser.sh runs the same check on any report by hand.
 */
class ReportInChromiumTest {

  /** Measures every figure after layout and writes the results into the page for --dump-dom. */
  static final String PROBE = """
      <script>
      (function () {
        var lines = [];
        document.querySelectorAll('figure').forEach(function (f) {
          var el = f.querySelector('svg, img');
          if (!el) { lines.push(f.id + ' missing 0 0 0 0'); return; }
          var r = el.getBoundingClientRect();
          var marks = 0, area = 0;
          if (el.tagName.toLowerCase() === 'svg') {
            marks = el.querySelectorAll('path, text, line, rect, polygon, polyline').length;
            var b = el.getBBox();
            area = b.width * b.height;
          } else {
            marks = el.complete ? 1 : 0;
            area = el.naturalWidth * el.naturalHeight;
          }
          lines.push(f.id + ' ' + el.tagName.toLowerCase() + ' ' + Math.round(r.width) + ' '
              + Math.round(r.height) + ' ' + marks + ' ' + Math.round(area));
        });
        var pre = document.createElement('pre');
        pre.id = 'chart-probe';
        pre.textContent = lines.join('\\n');
        document.body.appendChild(pre);
      })();
      </script>
      """;

  @TempDir static Path dir;
  static ReportData data;
  static Path report;

  @BeforeAll
  static void writeReport() {
    data = ReportFixtures.fromYaml(dir, ReportFixtures.SMALL);
    List<Path> charts = ChartSet.writeAll(data, dir.resolve("out"));
    report = dir.resolve("out").resolve("report.html");
    HtmlReport.write(data, charts, report);
  }

  @Test
  void everyChartShowsInHeadlessChromium() throws Exception {
    String chromium = chromium();
    assumeTrue(chromium != null, "no chromium binary on PATH (set CHROMIUM): browser check skipped");
    Path probed = dir.resolve("out").resolve("probe.html");
    String html = Files.readString(report);
    Files.writeString(probed, html.replace("</body>", PROBE + "</body>"));

    String dom = run(chromium, "--dump-dom", probed.toUri().toString());
    int start = dom.indexOf("<pre id=\"chart-probe\">");
    assertThat(start).as("probe output in the dumped DOM").isPositive();
    String[] lines = dom.substring(start + "<pre id=\"chart-probe\">".length(), dom.indexOf("</pre>", start)).split("\n");

    List<ChartSpec> specs = ChartSet.charts(data);
    assertThat(lines).hasSize(specs.size());
    for (int i = 0; i < specs.size(); i++) {
      String[] f = lines[i].trim().split(" ");
      ChartSpec spec = specs.get(i);
      assertThat(f[0]).isEqualTo("chart-" + spec.stem());
      assertThat(f[1]).as(spec.stem()).isEqualTo("svg");
      int width = Integer.parseInt(f[2]);
      int height = Integer.parseInt(f[3]);
      assertThat(width).as(spec.stem() + " width").isGreaterThan(400);
      // Laid out with the chart's aspect ratio (within rounding and the 1 px border).
      assertThat((double) height).as(spec.stem() + " height")
          .isCloseTo((double) width * spec.height() / spec.width(), org.assertj.core.data.Offset.offset(4.0));
      assertThat(Integer.parseInt(f[4])).as(spec.stem() + " drawn elements").isGreaterThan(20);
      assertThat(Long.parseLong(f[5])).as(spec.stem() + " drawn area").isGreaterThan((long) width * height / 4);
    }
  }

  @Test
  void theTopOfTheReportIsNotBlankOnScreen() throws Exception {
    String chromium = chromium();
    assumeTrue(chromium != null, "no chromium binary on PATH (set CHROMIUM): browser check skipped");
    Path png = dir.resolve("screenshot.png");
    run(chromium, "--window-size=1100,2200", "--screenshot=" + png, report.toUri().toString());
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1100);
    // Count pixels in the lower half, where the first charts sit.
    int coloured = 0;
    for (int y = image.getHeight() / 2; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
      }
    }
    // Chart lines and fault bands are coloured; text and grid lines are grey. A blank page has none.
    assertThat(coloured).as("coloured pixels in the lower half of the screenshot").isGreaterThan(500);
    String keep = System.getProperty("report.screenshot");
    if (keep != null) {
      Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private String run(String chromium, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("chromium-profile")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    // A safety net against a hung browser, not a timing assertion.
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + command);
    }
    assertThat(process.exitValue()).as("chromium exit code").isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** The Chromium binary: $CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH. */
  static String chromium() {
    String explicit = System.getenv("CHROMIUM");
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      for (String entry : path.split(File.pathSeparator)) {
        Path candidate = Path.of(entry, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return null;
  }
}
