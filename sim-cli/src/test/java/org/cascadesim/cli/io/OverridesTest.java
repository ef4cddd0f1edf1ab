package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cascadesim.models.scenario.OpenLoopLoad;
import org.cascadesim.models.scenario.PoissonArrivals;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ThreadPoolRuntime;
import org.junit.jupiter.api.Test;

class OverridesTest {
  private static final String YAML =
      "name: t\nduration: 60s\n"
          + "clients:\n  app:\n    target: payments /charge\n"
          + "    arrivals: {process: poisson, rate: 20/s}\n"
          + "services:\n  payments:\n    runtime: {model: thread-pool, threads: 8}\n"
          + "    endpoints:\n      /charge: [{cpu: 1ms}, {io: 2ms}]\n"
          + "variants:\n  more:\n    services: {payments: {runtime: {threads: 32}}}\n";

  private final ScenarioReader reader = new ScenarioReader();

  private ResolvedScenario read(String... sets) {
    return reader.parse("t.yaml", YAML, TreeParser.Format.YAML, List.of(sets));
  }

  private List<String> problems(String... sets) {
    try {
      read(sets);
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::format).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void setsIntegersAndRates() {
    ResolvedScenario s = read("services.payments.runtime.threads=16", "clients.app.arrivals.rate=50/s");
    assertThat(s.base().services().get("payments").runtime()).isEqualTo(new ThreadPoolRuntime(16, -1));
    assertThat(s.base().clients().get("app").load()).isEqualTo(new OpenLoopLoad(new PoissonArrivals(50)));
  }

  @Test
  void overridesWinOverVariants() {
    ResolvedScenario s = read("services.payments.runtime.threads=4");
    assertThat(s.spec("more").services().get("payments").runtime()).isEqualTo(new ThreadPoolRuntime(4, -1));
  }

  @Test
  void setsAndChecksTheTimelineAndTheSlosLikeTheRestOfTheFile() {
    String withSlo = YAML + "slo:\n  - {client: app, p99: \"< 1s\"}\n";
    ResolvedScenario s = reader.parse("t.yaml", withSlo, TreeParser.Format.YAML,
        List.of("timeline.loopLag=250ms", "slo[0].p99=< 2s"));
    assertThat(s.timeline().loopLagNanos()).isEqualTo(250_000_000L);
    assertThat(s.slos()).singleElement().extracting(org.cascadesim.models.scenario.SloSpec::threshold).isEqualTo(2e9); // nanoseconds
    assertThat(problems("timeline.loopLag=abc")).singleElement().asString()
        .contains("timeline.loopLag: 'abc' is not a duration");
    assertThat(problems("timeline.bogus=1")).singleElement().asString()
        .contains("timeline.bogus: unknown key 'bogus'");
  }

  @Test
  void addsKeysThatTheFileOmits() {
    ResolvedScenario s = read("clients.app.timeout=1s", "limits.maxEvents=1000");
    assertThat(s.base().clients().get("app").timeoutNanos()).isEqualTo(1_000_000_000L);
    assertThat(s.base().limits().maxEvents()).isEqualTo(1000);
  }

  @Test
  void setsListItemsByIndexAndAcceptsYamlValues() {
    ResolvedScenario s = read("services.payments.endpoints./charge[1].io={dist: exponential, mean: 3ms}");
    assertThat(s.base().services().get("payments").endpoints().get("/charge").steps().get(1))
        .hasToString("IoStep[time=ExponentialDist[meanNanos=3000000]]");
  }

  @Test
  void reportsBadValuesAgainstTheArgument() {
    assertThat(problems("services.payments.runtime.threads=abc")).containsExactly(
        "--set services.payments.runtime.threads=abc: services.payments.runtime.threads:"
            + " expected a whole number, got the string 'abc'");
  }

  @Test
  void reportsUnknownKeysAgainstTheArgument() {
    assertThat(problems("clients.app.tmeout=1s")).containsExactly(
        "--set clients.app.tmeout=1s: clients.app.tmeout: unknown key 'tmeout'; did you mean"
            + " 'timeout'? allowed keys: target, arrivals, users, timeout, retry, idempotencyKey");
  }

  @Test
  void reportsMalformedArguments() {
    assertThat(problems("threads")).containsExactly(
        "--set threads: expected path=value, e.g. services.payments.runtime.threads=16");
    assertThat(problems("services.payments.endpoints./charge[5].cpu=1ms")).singleElement().asString()
        .contains("index [5] is out of range; the list has 2 items");
    assertThat(problems("name.first=x")).singleElement().asString()
        .contains("cannot set 'first' inside the string 't'");
    assertThat(problems("duration=")).singleElement().asString().contains("has no value");
  }

  @Test
  void splitsPathsIntoKeysAndIndexes() {
    assertThat(Overrides.segments("a.b[0][2].c")).containsExactly("a", "b", 0, 2, "c");
    assertThat(Overrides.segments("a..b")).isNull();
    assertThat(Overrides.segments("a[x]")).isNull();
  }
}
