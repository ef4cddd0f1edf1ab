package org.cascadesim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.cascadesim.cli.Main;
import org.cascadesim.cli.chart.ChartFiles;
import org.cascadesim.cli.chart.ChartSpec;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.report.Hgrm;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepOutputTest {

  private static final Path MM1 = Path.of("src/test/resources/scenarios/sweep/mm1.yaml");

  @TempDir Path tmp;

  @Test
  void mergedHistogramOfAPointIsTheSumOfItsReplicationHistograms() throws Exception {
    Path out = tmp.resolve("sweep");
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"sweep", MM1.toString(), "--vary", "clients.load.arrivals.rate=30/s,60/s",
        "--set", "duration=5s", "--set", "warmup=1s", "--variants", "base,faster", "--replications", "3",
        "--parallel", "2", "--no-charts", "--quiet", "--out", out.toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();

    // Replay point 1 (60/s), variant faster, by hand with the plan's seeds.
    ResolvedScenario scenario = new ScenarioReader().read(MM1,
        List.of("duration=5s", "warmup=1s", "clients.load.arrivals.rate=60/s"));
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("clients.load.arrivals.rate=30/s,60/s")),
        List.of("base", "faster"), 3, scenario.base().seed());
    Histogram sum = null;
    long counts = 0;
    long max = 0;
    for (int r = 0; r < 3; r++) {
      RunSummary run = ScenarioRunner.run(scenario.spec("faster"), "faster", plan.seed(1, r));
      Histogram h = run.clients().get(0).latency();
      counts += h.getTotalCount();
      max = Math.max(max, h.getMaxValue());
      if (sum == null) {
        sum = h.copy();
      } else {
        sum.add(h);
      }
    }
    assertThat(sum.getTotalCount()).isEqualTo(counts);
    assertThat(sum.getMaxValue()).isEqualTo(max);

    Path file = out.resolve("hgrm").resolve(MergedLatencies.fileName(1, "faster", "load"));
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).isEqualTo(Hgrm.format(sum));
    assertThat(text).containsPattern("Total count +=  +" + counts + "\\]");
    try (Stream<Path> files = Files.list(out.resolve("hgrm"))) {
      assertThat(files.count()).isEqualTo(2 * 2); // points x variants x one client
    }
    assertThat(out.resolve("charts")).doesNotExist();
  }

  @Test
  void sweepChartsPlotMeansAndIntervalsPerLineAndRenderToTheSameBytesTwice() {
    // Two axes: x = a (numeric), lines = variant x values of b.
    SweepPlan plan = new SweepPlan(List.of(SweepPlan.Axis.parse("a=10,20,40"), SweepPlan.Axis.parse("b=x,y")),
        List.of("base", "fix"), 2, 1);
    SweepResult result = new SweepResult(plan);
    for (SweepPlan.Run run : plan.runs()) {
      // value = a + (b == y ? 100 : 0) + (fix ? 1000 : 0) +- 1 by replication: mean exact, s = sqrt(2).
      double a = Double.parseDouble(run.point().values().get(0));
      double v = a + (run.point().values().get(1).equals("y") ? 100 : 0) + (run.variant().equals("fix") ? 1000 : 0)
          + (run.replication() == 0 ? -1 : 1);
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("client.c.p99_ms", v);
      result.add(run, m);
    }

    ChartSpec spec = SweepCharts.chart(plan, result, "client.c.p99_ms");
    YIntervalSeriesCollection data = (YIntervalSeriesCollection) ((XYPlot) spec.chart().getPlot()).getDataset();
    assertThat(data.getSeriesCount()).isEqualTo(4);
    assertThat(data.getSeriesKey(3)).isEqualTo("fix | b=y");
    // Series 3 (fix, b=y) at a = 40: mean 1140, half-width t(0.975, 1) * sqrt(2) / sqrt(2) = 12.706.
    assertThat(data.getXValue(3, 2)).isEqualTo(40.0);
    assertThat(data.getYValue(3, 2)).isEqualTo(1140.0);
    assertThat(data.getEndYValue(3, 2) - 1140.0).isCloseTo(12.7062, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(spec.stem()).isEqualTo("sweep-client.c.p99_ms");

    byte[] png = ChartFiles.png(spec);
    byte[] svg = ChartFiles.svg(spec);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(new String(svg, StandardCharsets.UTF_8)).contains("<svg").contains("client.c.p99_ms by a");
    ChartSpec again = SweepCharts.chart(plan, result, "client.c.p99_ms");
    assertThat(ChartFiles.png(again)).isEqualTo(png);
    assertThat(ChartFiles.svg(again)).isEqualTo(svg);
  }

  @Test
  void defaultChartMetricsAreEachClientsP99GoodputAndSuccessRate() {
    List<String> names = List.of("client.a.p50_ms", "client.a.p99_ms", "client.a.goodput_per_s", "client.a.success_rate",
        "client.b.p99_ms", "client.b.goodput_per_s", "client.b.success_rate", "endpoint.s/x.p99_ms");

    assertThat(SweepCharts.defaultMetrics(names)).containsExactly("client.a.p99_ms", "client.a.goodput_per_s",
        "client.a.success_rate", "client.b.p99_ms", "client.b.goodput_per_s", "client.b.success_rate");
  }
}
