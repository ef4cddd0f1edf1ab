package org.cascadesim.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.TrafficSummary;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/** The charts of a report: every kind for every bundled scenario, deterministic bytes, fixed colours. */
class ChartSetTest {

  @TempDir static Path shared;
  static ReportData small;

  @BeforeAll
  static void runSmallScenario() {
    small = ReportFixtures.fromYaml(shared, ReportFixtures.SMALL);
  }

  static Stream<Path> bundledScenarios() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bundledScenarios")
  void everyChartKindIsDrawnForEveryBundledScenarioAsPngAndSvg(Path scenario, @TempDir Path dir) throws Exception {
    ReportData data = ReportFixtures.fromFile(scenario);
    List<ChartSpec> specs = ChartSet.charts(data);
    List<Path> files = ChartSet.writeAll(data, dir);

    RunSummary base = data.runs().get(0);
    assertThat(count(specs, ChartKind.PERCENTILES)).isEqualTo(base.clients().size() + base.endpoints().size());
    assertThat(count(specs, ChartKind.LATENCY_OVER_TIME)).isEqualTo(base.clients().size());
    assertThat(count(specs, ChartKind.OUTCOMES)).isEqualTo(base.clients().size());
    // Every client, endpoint and dependency has an in-flight gauge, so each gets a resource chart.
    assertThat(count(specs, ChartKind.RESOURCES))
        .isGreaterThanOrEqualTo(base.clients().size() + base.endpoints().size() + base.dependencies().size());
    assertThat(files).hasSize(2 * specs.size());
    for (int i = 0; i < specs.size(); i++) {
      ChartSpec spec = specs.get(i);
      assertThat(files.get(2 * i).getFileName()).hasToString(spec.stem() + ".png");
      assertThat(files.get(2 * i + 1).getFileName()).hasToString(spec.stem() + ".svg");
      assertDrawn(spec, Files.readAllBytes(files.get(2 * i)), Files.readAllBytes(files.get(2 * i + 1)));
    }
  }

  @Test
  void smallScenarioHasTheExpectedCharts() {
    List<String> stems = new ArrayList<>();
    for (ChartSpec spec : ChartSet.charts(small)) {
      stems.add(spec.stem());
    }
    assertThat(stems).containsExactly(
        "percentiles-client-shoppers", "percentiles-client-admins",
        "percentiles-endpoint-checkout-pay", "percentiles-endpoint-backoffice-report",
        "latency-over-time-client-shoppers", "latency-over-time-client-admins",
        "outcomes-client-shoppers", "outcomes-client-admins",
        "resources-client-shoppers", "resources-client-admins",
        "resources-service-checkout", "resources-service-backoffice",
        "resources-endpoint-checkout-pay", "resources-endpoint-backoffice-report",
        "resources-dependency-provider", "resources-dependency-db");
  }

  @Test
  void drawingTheSameRunTwiceGivesIdenticalPngAndSvgBytes(@TempDir Path dir) {
    ReportData again = ReportFixtures.fromYaml(dir, ReportFixtures.SMALL);
    List<ChartSpec> first = ChartSet.charts(small);
    List<ChartSpec> second = ChartSet.charts(again);
    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(ChartFiles.png(second.get(i))).as(first.get(i).stem() + ".png").isEqualTo(ChartFiles.png(first.get(i)));
      assertThat(ChartFiles.svg(second.get(i))).as(first.get(i).stem() + ".svg").isEqualTo(ChartFiles.svg(first.get(i)));
    }
  }

  @Test
  void bytesDoNotDependOnTheDefaultLocaleOrTimeZone() {
    List<byte[]> root = renderAll(small, Locale.ROOT, TimeZone.getTimeZone("UTC"));
    // German uses ',' as the decimal separator and '.' for thousands; Hindi uses other digits.
    assertThat(renderAll(small, Locale.GERMANY, TimeZone.getTimeZone("Europe/Berlin"))).containsExactlyElementsOf(root);
    assertThat(renderAll(small, Locale.forLanguageTag("hi-IN-u-nu-deva"), TimeZone.getTimeZone("Asia/Kolkata")))
        .containsExactlyElementsOf(root);
  }

  @Test
  void aVariantHasTheSameColourInEveryChart() {
    int checked = 0;
    for (ChartSpec spec : ChartSet.charts(small)) {
      for (XYPlot plot : plots(spec)) {
        for (int d = 0; d < plot.getDatasetCount(); d++) {
          for (int s = 0; s < plot.getDataset(d).getSeriesCount(); s++) {
            String key = plot.getDataset(d).getSeriesKey(s).toString();
            for (int v = 0; v < small.runs().size(); v++) {
              if (key.startsWith(small.runs().get(v).variant() + " ")) {
                Color paint = (Color) plot.getRenderer(d).getSeriesPaint(s);
                assertThat(paint.getRGB() & 0xFFFFFF).as(spec.stem() + " " + key)
                    .isEqualTo(ChartStyle.variantColor(v).getRGB() & 0xFFFFFF);
                checked++;
              }
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(30);
    assertThat(ChartStyle.variantColor(0)).isNotEqualTo(ChartStyle.variantColor(1));
    assertThat(ChartSet.variantColorHex(0)).isEqualTo("#0072b2");
  }

  @Test
  void outcomePanelsShareOneScaleAndSumToTheAnswersOfEachWindow() {
    ChartSpec outcomes = ChartSet.charts(small).stream()
        .filter(s -> s.stem().equals("outcomes-client-shoppers")).findFirst().orElseThrow();
    List<XYPlot> panels = plots(outcomes);
    assertThat(panels).hasSize(small.runs().size());
    assertThat(panels.get(1).getRangeAxis().getRange()).isEqualTo(panels.get(0).getRangeAxis().getRange());
    for (int v = 0; v < panels.size(); v++) {
      // The last stacked series is the total: the sum of every outcome counter of the window.
      var dataset = panels.get(v).getDataset();
      int top = dataset.getSeriesCount() - 1;
      RunSummary run = small.runs().get(v);
      TrafficSummary books = run.clients().get(0);
      // The chart shows the whole run, warm-up included (shaded), but the books restart at the end of
      // the warm-up (SystemModel.endWarmup), so they hold the answers of the windows after it; the
      // 2 s warm-up of SMALL is a whole number of 1 s windows.
      long window = run.timeSeries().windowNanos();
      assertThat(run.warmupNanos()).isPositive();
      assertThat(run.warmupNanos() % window).isZero();
      int firstMeasured = (int) (run.warmupNanos() / window);
      double sum = 0;
      for (int w = firstMeasured; w < dataset.getItemCount(top); w++) {
        sum += dataset.getYValue(top, w) * window / 1e9;
      }
      assertThat(sum).isCloseTo(books.answered(), org.assertj.core.data.Offset.offset(0.5));
    }
  }

  @Test
  void faultWindowsAreLabelledWithTheirDependencyAndEffect() {
    assertThat(FaultWindows.of(small.scenario())).containsExactly(
        new FaultWindows.Window(8_000_000_000L, 14_000_000_000L, "provider: latency 400 ms"),
        new FaultWindows.Window(18_000_000_000L, 21_000_000_000L, "provider: error rate 50%"),
        new FaultWindows.Window(24_000_000_000L, 26_000_000_000L, "provider: hangs"));
    assertThat(FaultWindows.percent(0.125)).isEqualTo("12.5");
    assertThat(FaultWindows.percent(1)).isEqualTo("100");
  }

  @Test
  void fileStemsArePortableAndUnique() {
    assertThat(ChartSet.fileStem("percentiles-endpoint-checkout /pay")).isEqualTo("percentiles-endpoint-checkout-pay");
    assertThat(ChartSet.fileStem("resources-service.Checkout")).isEqualTo("resources-service-checkout");
    assertThat(ChartSet.fileStem("/<script>")).isEqualTo("script");
    assertThat(ChartSet.fileStem("///")).isEqualTo("chart");
  }

  @Test
  void logarithmicAxesSpanWholeDecadesAroundTheData() {
    assertThat(Plots.decades(3, 8)).containsExactly(1, 10);
    assertThat(Plots.decades(0.02, 5000)).containsExactly(0.01, 10000);
    assertThat(Plots.decades(10, 10)).containsExactly(10, 100);
    assertThat(Plots.decades(1, 1000)).containsExactly(1, 1000);
    assertThat(Plots.decades(Double.POSITIVE_INFINITY, 0)).containsExactly(0.1, 10);
  }

  /** Draws the first chart of every kind (one of each keeps the test fast) under a default locale and zone. */
  private static List<byte[]> renderAll(ReportData data, Locale locale, TimeZone zone) {
    Locale locale0 = Locale.getDefault();
    TimeZone zone0 = TimeZone.getDefault();
    try {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
      List<byte[]> out = new ArrayList<>();
      List<ChartKind> drawn = new ArrayList<>();
      for (ChartSpec spec : ChartSet.charts(data)) {
        if (drawn.contains(spec.kind())) {
          continue;
        }
        drawn.add(spec.kind());
        out.add(ChartFiles.png(spec));
        out.add(ChartFiles.svg(spec));
      }
      assertThat(drawn).containsExactly(ChartKind.values());
      return out;
    } finally {
      Locale.setDefault(locale0);
      TimeZone.setDefault(zone0);
    }
  }

  static List<XYPlot> plots(ChartSpec spec) {
    if (spec.chart().getPlot() instanceof CombinedDomainXYPlot combined) {
      return combined.getSubplots();
    }
    return List.of(spec.chart().getXYPlot());
  }

  private static long count(List<ChartSpec> specs, ChartKind kind) {
    return specs.stream().filter(s -> s.kind() == kind).count();
  }

  /** The PNG decodes to the chart's size and is not blank; the SVG parses and carries the title. */
  static void assertDrawn(ChartSpec spec, byte[] png, byte[] svg) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).as(spec.stem()).isEqualTo(spec.width());
    assertThat(image.getHeight()).as(spec.stem()).isEqualTo(spec.height());
    int nonWhite = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        nonWhite += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
      }
    }
    assertThat(nonWhite).as(spec.stem() + " non-white pixels").isGreaterThan(image.getWidth() * image.getHeight() / 4 / 50);

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 " + spec.width() + " " + spec.height());
    assertThat(doc.getElementsByTagName("path").getLength()).as(spec.stem() + " paths").isGreaterThan(3);
    assertThat(doc.getDocumentElement().getTextContent()).contains(spec.title());
  }
}
