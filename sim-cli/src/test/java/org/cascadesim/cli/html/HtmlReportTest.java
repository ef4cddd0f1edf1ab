package org.cascadesim.cli.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadesim.cli.chart.ChartSet;
import org.cascadesim.cli.chart.ChartSpec;
import org.cascadesim.cli.chart.ReportFixtures;
import org.cascadesim.cli.report.ReportData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html: self-contained, every chart inline, every scenario text escaped. */
class HtmlReportTest {

  /** A scenario whose description and endpoint name try to inject markup. */
  static final String HOSTILE = ReportFixtures.SMALL
      .replace("description: two clients, both runtimes, a bounded database and every fault kind",
          "description: \"<script>alert('pwned')</script> & <b>bold</b> \\\"quoted\\\"\"")
      .replace("/report", "/<script>alert(1)</script>");

  @TempDir static Path dir;
  static ReportData data;
  static List<Path> charts;
  static String html;

  @BeforeAll
  static void writeReport() throws Exception {
    data = ReportFixtures.fromYaml(dir, HOSTILE);
    data = new ReportData(data.scenario(), "resolved <i>text</i> & more", data.runs(), "compare </pre><script>x</script>");
    charts = ChartSet.writeAll(data, dir.resolve("charts"));
    Path file = dir.resolve("report.html");
    HtmlReport.write(data, charts, file);
    html = Files.readString(file);
  }

  @Test
  void scenarioTextShowsAsTextNotMarkup() {
    assertThat(data.scenario().description()).contains("<script>");
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<i>");
    assertThat(html).contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;");
    assertThat(html).contains("resolved &lt;i&gt;text&lt;/i&gt; &amp; more");
    assertThat(html).contains("compare &lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;");
    // The endpoint name reaches the table, the captions and the SVG text, escaped everywhere.
    assertThat(html).contains("backoffice /&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void everyChartIsInlinedOnceWithItsCaption() {
    List<ChartSpec> specs = ChartSet.charts(data);
    assertThat(specs).isNotEmpty();
    for (ChartSpec spec : specs) {
      int at = html.indexOf("<figure id=\"chart-" + spec.stem() + "\">");
      assertThat(at).as(spec.stem()).isPositive();
      int end = html.indexOf("</figure>", at);
      String figure = html.substring(at, end);
      assertThat(figure).contains("<svg role=\"img\"").contains("<figcaption>")
          .contains(Html.escape(spec.caption())).contains(spec.stem() + ".png, " + spec.stem() + ".svg");
    }
    assertThat(occurrences(html, "<svg ")).isEqualTo(specs.size());
    assertThat(occurrences(html, "<figure ")).isEqualTo(specs.size());
  }

  @Test
  void theReportNeedsNoNetworkAndNoOtherFile() {
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//www.");
    assertThat(html.toLowerCase(Locale.ROOT))
        .doesNotContain("<link").doesNotContain("@import").doesNotContain("src=\"/").doesNotContain("<!doctype svg")
        .doesNotContain("<?xml");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>");
  }

  @Test
  void idsAreUniqueSoInlinedClipPathsDoNotCollide() {
    Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertThat(ids).hasSizeGreaterThan(50).doesNotHaveDuplicates();
    // Every url(#...) reference points at an id of the page.
    Matcher refs = Pattern.compile("url\\(#([^)]+)\\)").matcher(html);
    int n = 0;
    while (refs.find()) {
      assertThat(ids).contains(refs.group(1));
      n++;
    }
    assertThat(n).isPositive();
  }

  @Test
  void thePageShowsTheComparisonAndTheResolvedScenario() {
    assertThat(html).contains("<h1>small</h1>").contains("id=\"comparison\"").contains("id=\"scenario\"");
    for (var run : data.runs()) {
      assertThat(html).contains(run.variant());
    }
    assertThat(html).contains("<th colspan=\"15\">shoppers \u2192 checkout /pay</th>");
  }

  @Test
  void aPngIsEmbeddedAsADataUriWhenItsSvgIsNotGiven() throws Exception {
    List<Path> pngs = charts.stream().filter(p -> p.toString().endsWith(".png")).toList();
    String page = HtmlReport.render(data, pngs);
    assertThat(occurrences(page, "<img ")).isEqualTo(pngs.size());
    assertThat(occurrences(page, "<svg ")).isZero();
    String first = Base64.getEncoder().encodeToString(Files.readAllBytes(pngs.get(0)));
    assertThat(page).contains("src=\"data:image/png;base64," + first + "\"");
  }

  @Test
  void renderingTwiceGivesTheSamePage() {
    assertThat(HtmlReport.render(data, charts)).isEqualTo(html);
  }

  private static int occurrences(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
