package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cascadesim.models.scenario.ClosedLoopLoad;
import org.cascadesim.models.scenario.ExponentialDist;
import org.cascadesim.models.scenario.LogNormalParamsDist;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

/** The binder through {@link ScenarioReader#parse}: text in, records or located problems out. */
class SpecBinderTest {
  private static final String HEAD =
      "name: t\nduration: 60s\n"
          + "clients:\n  c:\n    target: api /x\n    arrivals: {process: poisson, rate: 5/s}\n"
          + "services:\n  api:\n    endpoints:\n      /x: [{cpu: 1ms}]\n";

  private final ScenarioReader reader = new ScenarioReader();

  private ResolvedScenario read(String yaml) {
    return reader.parse("t.yaml", yaml, TreeParser.Format.YAML, List.of());
  }

  private List<String> problems(String yaml) {
    try {
      read(yaml);
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::format).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void bindsAMinimalScenario() {
    ScenarioSpec spec = read(HEAD).base();
    assertThat(spec.name()).isEqualTo("t");
    assertThat(spec.durationNanos()).isEqualTo(60_000_000_000L);
  }

  @Test
  void unknownKeyListsTheAllowedKeys() {
    assertThat(problems(HEAD + "seeed: 3\n")).containsExactly(
        "t.yaml:11:1: seeed: unknown key 'seeed'; did you mean 'seed'? allowed keys: name,"
            + " description, seed, duration, warmup, limits, clients, services, dependencies, variants, slo, timeline");
  }

  @Test
  void wrongTypeSaysTheExpectedType() {
    assertThat(problems(HEAD + "seed: seven\n")).containsExactly(
        "t.yaml:11:7: seed: expected a whole number, got the string 'seven'");
    assertThat(problems(HEAD + "description: [a]\n")).containsExactly(
        "t.yaml:11:14: description: expected text, got a list");
  }

  @Test
  void collectsAllStructuralProblemsAtOnce() {
    String yaml = HEAD.replace("duration: 60s", "duration: 60").replace("rate: 5/s", "rate: fast")
        + "limits: {maxEvents: lots, maxInFlightt: 3}\n";
    assertThat(problems(yaml)).containsExactly(
        "t.yaml:2:11: duration: '60' has no unit; add one, e.g. 250ms (units: ns, us, ms, s, m, h)",
        "t.yaml:6:40: clients.c.arrivals.rate: 'fast' is not a rate; write <number>/<unit> with unit"
            + " /ms, /s, /min, /h, e.g. 20/s or 1200/min",
        "t.yaml:11:21: limits.maxEvents: expected a whole number, got the string 'lots'",
        "t.yaml:11:27: limits.maxInFlightt: unknown key 'maxInFlightt'; did you mean 'maxInFlight'?"
            + " allowed keys: maxEvents, maxInFlight");
  }

  @Test
  void structuralAndSemanticProblemsAreReportedTogether() {
    String yaml = HEAD.replace("duration: 60s", "duration: 60s\nwarmup: 90s") + "seed: x\n";
    assertThat(problems(yaml)).containsExactly(
        "t.yaml:3:9: warmup: must be shorter than the run's duration 60s (was 90s)",
        "t.yaml:12:7: seed: expected a whole number, got the string 'x'");
  }

  @Test
  void doesNotReportConsequencesOfAStructuralProblem() {
    // The bad distribution kind is the problem; no follow-up semantic issue about its values.
    String yaml = HEAD.replace("{cpu: 1ms}", "{cpu: {dist: exp, mean: 0s}}");
    assertThat(problems(yaml)).hasSize(1).first().asString()
        .contains("unknown dist 'exp'");
  }

  @Test
  void missingRequiredKeyPointsAtTheParentKey() {
    String yaml = HEAD.replace("    target: api /x\n", "");
    assertThat(problems(yaml)).containsExactly(
        "t.yaml:4:3: clients.c.target: missing required key 'target'"
            + " (the service endpoint to call, e.g. payments /charge)");
  }

  @Test
  void acceptsNoneAsATimeoutButNotAsADuration() {
    assertThat(problems(HEAD.replace("rate: 5/s}", "rate: 5/s}\n    timeout: none")
        .replace("duration: 60s", "duration: none"))).singleElement().asString()
        .startsWith("t.yaml:2:11: duration: 'none' is not a duration");
  }

  @Test
  void bindsClosedLoopUsersAndLogNormalParameters() {
    String yaml = HEAD.replace("arrivals: {process: poisson, rate: 5/s}",
            "users: {count: 3, thinkTime: {dist: exponential, mean: 2s}}")
        .replace("{cpu: 1ms}", "{io: {dist: lognormal, mu: -2.5, sigma: 0.4}}");
    ScenarioSpec spec = read(yaml).base();
    assertThat(spec.clients().get("c").load())
        .isEqualTo(new ClosedLoopLoad(3, new ExponentialDist(2_000_000_000L)));
    assertThat(spec.services().get("api").endpoints().get("/x").steps().get(0))
        .isEqualTo(new org.cascadesim.models.scenario.IoStep(new LogNormalParamsDist(-2.5, 0.4)));
  }

  @Test
  void anUnknownStepListsEveryStepKindWithIncluded() {
    assertThat(problems(HEAD.replace("{cpu: 1ms}", "{cpuu: 1ms}"))).containsExactly(
        "t.yaml:10:13: services.api.endpoints./x[0].cpuu: unknown key 'cpuu'; did you mean 'cpu'?"
            + " allowed keys: cpu, io, call, offload, idempotent, with");
  }

  @Test
  void aDoListWithoutItsWithKeyIsReportedOnceAsAWithStep() {
    String pools = "api:\n    pools: {db: {kind: connection-pool, size: 2}}\n";
    assertThat(problems(HEAD.replace("api:\n", pools).replace("{cpu: 1ms}", "{wiht: db, do: [{cpu: 1ms}]}")))
        .containsExactly("t.yaml:11:13: services.api.endpoints./x[0].wiht: unknown key 'wiht'; allowed keys: with, do");
    assertThat(problems(HEAD.replace("api:\n", pools).replace("{cpu: 1ms}", "{do: [{cpu: 1ms}]}")))
        .singleElement().asString()
        .startsWith("t.yaml:11:12: services.api.endpoints./x[0].with: missing required key 'with'");
  }

  @Test
  void rejectsQuotedNumbersWhereNumbersAreExpected() {
    assertThat(problems(HEAD.replace("api:\n", "api:\n    runtime: {model: thread-pool, threads: \"8\"}\n")))
        .singleElement().asString().contains("expected a whole number, got the string '8'");
  }

  @Test
  void reportsValuesTooLargeForTheirType() {
    assertThat(problems(HEAD.replace("api:\n", "api:\n    runtime: {model: thread-pool, threads: 99999999999}\n")))
        .singleElement().asString().contains("must be at most 2147483647");
  }

  @Test
  void variantNamedBaseIsReserved() {
    assertThat(problems(HEAD + "variants:\n  base: {seed: 2}\n")).singleElement().asString()
        .startsWith("t.yaml:12:3: variants.base: 'base' is reserved");
  }

  @Test
  void resolvedScenarioRejectsUnknownVariantNames() {
    ResolvedScenario s = read(HEAD + "variants:\n  fast: {seed: 2}\n");
    assertThat(s.spec("fast").seed()).isEqualTo(2);
    assertThat(s.spec(null)).isSameAs(s.base());
    assertThatThrownBy(() -> s.spec("slow")).hasMessageContaining("variants: fast");
  }
}
