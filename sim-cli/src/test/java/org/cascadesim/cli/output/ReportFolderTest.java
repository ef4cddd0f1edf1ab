package org.cascadesim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cascadesim.cli.ExitCodes;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The files of a report folder: names, determinism, and agreement with the run they describe. */
class ReportFolderTest {
  @TempDir Path tmp;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void compareWritesOneHgrmPerVariantAndClientOrEndpointAndOneCsvPerVariant() throws IOException {
    Path out = tmp.resolve("r");
    assertThat(Cli.run("compare", Cli.SMALL, "--out", out.toString()).code).isEqualTo(ExitCodes.OK);
    // Since the charts were merged the folder also holds every chart as .png and .svg and report.html
    // (docs/reports.md). The charts of report-small (ChartSet.charts): the percentile chart of its one
    // client and its one endpoint, latency over time and outcomes per second of the client, and one
    // resource timeline per component with gauges (client and endpoint in flight, the thread pool of
    // service api, dependency db in flight); variants share each chart.
    assertThat(names(out)).containsExactly(
        "client-web.base.hgrm", "client-web.deadline.hgrm", "client-web.more-threads.hgrm",
        "endpoint-api_health.base.hgrm", "endpoint-api_health.deadline.hgrm", "endpoint-api_health.more-threads.hgrm",
        "latency-over-time-client-web.png", "latency-over-time-client-web.svg",
        "outcomes-client-web.png", "outcomes-client-web.svg",
        "percentiles-client-web.png", "percentiles-client-web.svg",
        "percentiles-endpoint-api-health.png", "percentiles-endpoint-api-health.svg",
        "report.html",
        "resources-client-web.png", "resources-client-web.svg",
        "resources-dependency-db.png", "resources-dependency-db.svg",
        "resources-endpoint-api-health.png", "resources-endpoint-api-health.svg",
        "resources-service-api.png", "resources-service-api.svg",
        "summary.json",
        "timeseries-base.csv", "timeseries-deadline.csv", "timeseries-more-threads.csv",
        "wallclock.json");
  }

  @Test
  void theSameCompareTwiceGivesByteIdenticalFilesExceptWallclock() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertThat(Cli.run("compare", Cli.SMALL, "--out", a.toString(), "-q").code).isEqualTo(ExitCodes.OK);
    assertThat(Cli.run("compare", Cli.SMALL, "--out", b.toString(), "-q").code).isEqualTo(ExitCodes.OK);
    assertThat(names(b)).isEqualTo(names(a));
    List<String> compared = new ArrayList<>();
    for (String name : names(a)) {
      if (name.equals("wallclock.json")) {
        continue;
      }
      assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
      compared.add(name);
    }
    assertThat(compared).anyMatch(n -> n.endsWith(".hgrm")).anyMatch(n -> n.endsWith(".csv")).contains("summary.json");
  }

  @Test
  void summaryJsonAgreesWithTheRunItDescribes() throws IOException {
    Path out = tmp.resolve("r");
    Cli.run("compare", Cli.SMALL, "--out", out.toString(), "-q");
    JsonNode root = JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")));
    ScenarioSpec spec = new ScenarioReader().read(Path.of(Cli.SMALL)).spec("deadline");
    RunSummary run = ScenarioRunner.run(spec, "deadline", 11);
    TrafficSummary web = run.clients().get(0);
    JsonNode json = root.get("variants").get("deadline").get("clients").get("web");

    assertThat(root.get("schema").asString()).isEqualTo(SummaryJson.SCHEMA);
    assertThat(json.get("target").asString()).isEqualTo("api /health");
    assertThat(json.get("requests").get("count").asLong()).isEqualTo(web.offered());
    long answered = 0;
    for (Outcome outcome : Outcome.values()) {
      answered += json.get("outcomes").get(outcome.label()).get("count").asLong();
    }
    // conservation, read back from the file: offered = answered + in flight
    assertThat(answered + json.get("in_flight").asLong()).isEqualTo(json.get("requests").get("count").asLong());
    // 5 s simulated: a rate is the count divided by 5
    assertThat(json.get("requests").get("rate").decimalValue())
        .isEqualByComparingTo(java.math.BigDecimal.valueOf(web.offered()).divide(java.math.BigDecimal.valueOf(5)));
    JsonNode latency = json.get("latency_ms");
    assertThat(latency.get("count").asLong()).isEqualTo(web.latency().getTotalCount());
    assertThat(latency.get("p(99)").decimalValue())
        .isEqualByComparingTo(java.math.BigDecimal.valueOf(web.latency().getValueAtPercentile(99), 6));
    assertThat(latency.get("max").decimalValue())
        .isEqualByComparingTo(java.math.BigDecimal.valueOf(web.latency().getMaxValue(), 6));
    // the deadline variant never waits on the database longer than 50 ms plus the 1 ms of cpu
    assertThat(latency.get("p(99.9)").doubleValue()).isLessThan(200.0);
  }

  @Test
  void afterAWarmUpEveryRateDividesByTheMeasuredSpanInTheFileAsInTheTable() throws IOException {
    // quickstart: 180 s with a 10 s warm-up, so rates divide by 170 s (they divided by 180 s in
    // summary.json, compare and report.html while the run table divided by 170 s).
    Path out = tmp.resolve("q");
    Cli cli = Cli.run("run", "../scenarios/quickstart.yaml", "--out", out.toString());
    JsonNode base = JsonMapper.builder().build().readTree(Files.readString(out.resolve("summary.json")))
        .get("variants").get("base");
    assertThat(base.get("warmup_s").asLong()).isEqualTo(10);
    assertThat(base.get("measured_s").asLong()).isEqualTo(170);
    JsonNode shoppers = base.get("clients").get("shoppers");
    long ok = shoppers.get("outcomes").get("ok").get("count").asLong();
    java.math.BigDecimal perMeasuredSecond = java.math.BigDecimal.valueOf(ok)
        .divide(java.math.BigDecimal.valueOf(170), 6, java.math.RoundingMode.HALF_EVEN);
    assertThat(shoppers.get("goodput").get("rate").decimalValue()).isEqualByComparingTo(perMeasuredSecond);
    String tableGoodput = String.format(java.util.Locale.ROOT, " %.1f ", perMeasuredSecond.doubleValue());
    assertThat(cli.out().lines().filter(l -> l.startsWith("shoppers -> checkout /pay")).findFirst().orElseThrow())
        .contains(tableGoodput);
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains(">" + tableGoodput.strip() + "<");
  }

  @Test
  void timeSeriesCsvHasOneRowPerSecondAndItsCountsAddUpToTheTotals() throws IOException {
    Path out = tmp.resolve("r");
    Cli.run("run", Cli.SMALL, "--out", out.toString(), "-q");
    List<String> lines = Files.readAllLines(out.resolve("timeseries-base.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header.get(0)).isEqualTo("time_s");
    assertThat(header).contains("client.web.latency.p99_ms", "client.web.latency.count", "client.web.offered")
        .doesNotContain("client.web.latency.p99");
    assertThat(lines).hasSize(1 + 5);
    assertThat(lines.get(1)).startsWith("0,");
    assertThat(lines.get(5)).startsWith("4,");

    ScenarioSpec spec = new ScenarioReader().read(Path.of(Cli.SMALL)).base();
    RunSummary run = ScenarioRunner.run(spec, "base", spec.seed());
    int offered = header.indexOf("client.web.offered");
    int ok = header.indexOf("client.web.outcome.ok");
    long sumOffered = 0;
    long sumOk = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(cells).hasSize(header.size());
      sumOffered += Long.parseLong(cells[offered]);
      sumOk += Long.parseLong(cells[ok]);
    }
    assertThat(sumOffered).isEqualTo(run.clients().get(0).offered());
    assertThat(sumOk).isEqualTo(run.clients().get(0).count(Outcome.OK));
  }

  @Test
  void latencyColumnsAreTheFourColumnGroupsOfARecorder() {
    boolean[] marks = TimeSeriesCsv.latencyColumns(List.of(
        "a.offered", "a.inflight.mean", "a.inflight.max", "a.latency.count", "a.latency.p50", "a.latency.p99",
        "a.latency.max", "b.count"));
    assertThat(marks).containsExactly(false, false, false, true, true, true, true, false);
  }
}
