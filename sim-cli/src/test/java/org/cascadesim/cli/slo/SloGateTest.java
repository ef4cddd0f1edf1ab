package org.cascadesim.cli.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.cascadesim.cli.Main;
import org.cascadesim.cli.io.ScenarioException;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.io.TreeParser;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.SloSpec;
import org.junit.jupiter.api.Test;

class SloGateTest {

  private static final String SCENARIO = """
      name: gate
      duration: 20s
      clients:
        app: {target: api /x, arrivals: {process: constant, rate: 10/s}}
      services:
        api:
          endpoints:
            /x: [{cpu: 30ms}]
      slo:
      """;

  private ResolvedScenario parse(String slo) {
    return new ScenarioReader().parse("gate.yaml", SCENARIO + slo, TreeParser.Format.YAML, List.of());
  }

  private int run(String slo, StringWriter out) throws Exception {
    Path file = java.nio.file.Files.createTempFile("gate", ".yaml");
    java.nio.file.Files.writeString(file, SCENARIO + slo);
    try {
      return Main.execute(new String[] {"run", file.toString(), "--check"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void bindsEveryStatisticInItsUnit() {
    ResolvedScenario s = parse("""
          - client: app
            p99: "< 500ms"
            successRate: ">= 99.9%"
            goodput: ">= 9/s"
            errors: "== 0"
          - endpoint: api /x
            max: "<= 1s"
      """);

    assertThat(s.slos()).containsExactly(
        new SloSpec("client", "app", "p99", "<", 500_000_000, "p99 < 500ms"),
        new SloSpec("client", "app", "successRate", ">=", 0.999, "successRate >= 99.9%"),
        new SloSpec("client", "app", "goodput", ">=", 9, "goodput >= 9/s"),
        new SloSpec("client", "app", "errors", "==", 0, "errors == 0"),
        new SloSpec("endpoint", "api /x", "max", "<=", 1_000_000_000, "max <= 1s"));
  }

  @Test
  void reportsAnUnknownSubjectStatisticAndUnitlessLatencyWithTheirLines() {
    assertThatThrownBy(() -> parse("""
          - client: nobody
            p99: "< 500ms"
          - client: app
            p42: "< 1s"
          - client: app
            p99: "< 500"
      """))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
            .extracting(p -> p.line() + " " + p.path())
            .containsExactly("10 slo[0].client", "13 slo[1].p42", "15 slo[2].p99"));
  }

  @Test
  void anUnknownEndpointListsTheScenariosEndpoints() {
    String twoEndpoints = SCENARIO.replace("/x: [{cpu: 30ms}]", "/x: [{cpu: 30ms}]\n      /y: [{cpu: 1ms}]");
    assertThatThrownBy(() -> new ScenarioReader().parse("gate.yaml", twoEndpoints + """
          - endpoint: api/x
            p99: "< 1s"
      """, TreeParser.Format.YAML, List.of()))
        .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.problems())
            .extracting(p -> p.line() + " " + p.path() + ": " + p.message())
            .containsExactly("11 slo[0].endpoint: no endpoint named 'api/x'; endpoints: \"api /x\", \"api /y\""));
  }

  @Test
  void exitsWith99WhenAnAssertionFailsAndPrintsTheMeasuredValue() throws Exception {
    StringWriter out = new StringWriter();

    assertThat(run("""
          - client: app
            p99: "< 20ms"
      """, out)).isEqualTo(99);
    assertThat(out.toString()).contains("FAIL").contains("p99 < 20ms").contains("measured 30.0 ms");
  }

  @Test
  void aSuccessRateWithNoAnswerFailsAndSaysNothingWasAnswered() {
    // The provider takes 60 s in a 10 s run: the client's requests are all still in flight at the end.
    StringWriter out = new StringWriter();
    int code = Main.execute(new String[] {"run", "src/test/resources/scenarios/slo/never-answered.yaml", "--all",
        "--check", "--no-output"}, new PrintWriter(out), new PrintWriter(new StringWriter()));

    assertThat(code).isEqualTo(99);
    assertThat(out.toString().lines().filter(l -> l.contains("successRate")))
        .containsExactly("  FAIL client app                               successRate >= 99.9%   measured n/a (no request was answered)",
            "  PASS client app                               successRate >= 99.9%   measured 100.000%");
  }

  @Test
  void aClientWithNoAnswerHasANullSuccessRateInSummaryJsonAndADashInTheReport(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path folder = tmp.resolve("out");
    int code = Main.execute(new String[] {"run", "src/test/resources/scenarios/slo/never-answered.yaml",
        "--out", folder.toString(), "-q"}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

    assertThat(code).isZero();
    String json = java.nio.file.Files.readString(folder.resolve("summary.json"));
    assertThat(json).contains("\"success_rate\": null");
    assertThat(java.nio.file.Files.readString(folder.resolve("report.html"))).doesNotContain("NaN");
  }

  @Test
  void exitsWith0WhenEveryAssertionHolds() throws Exception {
    StringWriter out = new StringWriter();

    assertThat(run("""
          - client: app
            p99: "< 40ms"
            successRate: ">= 100%"
      """, out)).isZero();
    assertThat(out.toString()).contains("PASS client app").doesNotContain("FAIL");
  }
}
