package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.cascadesim.models.scenario.BreakerCallStep;
import org.cascadesim.models.scenario.OpossumBreakerSpec;
import org.cascadesim.models.scenario.Resilience4jBreakerSpec;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

/** The breaker keys: defaults as the libraries apply them, and every misuse reported with its path. */
class BreakerKeysTest {
  private static final long S = 1_000_000_000L;

  private static String scenario(String breaker, String call) {
    return String.join("\n",
        "name: b",
        "duration: 10s",
        "clients:",
        "  c: {target: s /x, arrivals: {process: poisson, rate: 1/s}}",
        "services:",
        "  s:",
        "    breakers:",
        "      p: " + breaker,
        "    endpoints:",
        "      /x:",
        "        - call: " + call,
        "dependencies:",
        "  p: {latency: 10ms}",
        "");
  }

  private static ScenarioSpec read(String text) {
    return new ScenarioReader().parse("t.yaml", text, TreeParser.Format.YAML, List.of()).spec("base");
  }

  private static List<String> problems(String text) {
    ScenarioException e = catchThrowableOfType(() -> read(text), ScenarioException.class);
    assertThat(e).as("expected problems").isNotNull();
    return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
  }

  @Test
  void opossumTimeoutFalseDisablesTheTimeoutAndEveryOtherKeyTakesOpossumsDefault() {
    ScenarioSpec spec = read(scenario("{kind: opossum, timeout: false}", "{to: p, breaker: p}"));
    assertThat(spec.services().get("s").breakers().get("p"))
        .isEqualTo(new OpossumBreakerSpec(0, 50, 30 * S, 10 * S, 10, 0, false, ScenarioDefaults.UNBOUNDED, -1));
    assertThat(spec.services().get("s").endpoints().get("/x").steps().get(0)).isInstanceOf(BreakerCallStep.class);
  }

  @Test
  void anOpossumBreakerWithoutATimeoutKeyTimesOutAfterTenSeconds() {
    OpossumBreakerSpec spec = (OpossumBreakerSpec) read(scenario("{kind: opossum}", "{to: p, breaker: p}"))
        .services().get("s").breakers().get("p");
    assertThat(spec.timeoutNanos()).isEqualTo(10 * S);
  }

  @Test
  void resilience4jKeysFollowTheSpringPropertyNames() {
    Resilience4jBreakerSpec spec = (Resilience4jBreakerSpec) read(scenario(
        "{kind: resilience4j, slidingWindowType: TIME_BASED, enableExponentialBackoff: true,"
            + " timeLimiter: {timeoutDuration: 3s}, bulkhead: {}}",
        "{to: p, breaker: p}")).services().get("s").breakers().get("p");
    assertThat(spec.timeBased()).isTrue();
    assertThat(spec.exponentialBackoffMultiplier()).isEqualTo(1.5);
    assertThat(spec.timeLimiterNanos()).isEqualTo(3 * S);
    assertThat(spec.bulkheadMaxConcurrentCalls()).isEqualTo(25);
    assertThat(spec.minimumNumberOfCalls()).isEqualTo(100);
  }

  @Test
  void aCallNamingAMissingBreakerIsReportedAtItsBreakerKey() {
    assertThat(problems(scenario("{kind: opossum}", "{to: p, breaker: q}")))
        .anySatisfy(p -> assertThat(p).startsWith("services.s.endpoints./x[0].call.breaker: no breaker named 'q'"));
  }

  @Test
  void misusedKeysAreReportedEachWithItsPath() {
    assertThat(problems(scenario("{kind: opossum, errorThresholdPercentage: 150, capcity: 3}",
        "{to: p, fallbackLatency: 5ms}")))
        .anySatisfy(p -> assertThat(p).contains("capcity").contains("did you mean 'capacity'"))
        .anySatisfy(p -> assertThat(p).startsWith("services.s.endpoints./x[0].call.breaker: missing required key"))
        .anySatisfy(p -> assertThat(p).contains("fallbackLatency").contains("fallback: degraded"));
    assertThat(problems(scenario("{kind: resilience4j, exponentialBackoffMultiplier: 2, failureRateThreshold: 0}",
        "{to: p, breaker: p}")))
        .anySatisfy(p -> assertThat(p).contains("needs enableExponentialBackoff: true"))
        .anySatisfy(p -> assertThat(p).startsWith("services.s.breakers.p.failureRateThreshold: must be a percentage"));
    assertThat(problems(scenario("{kind: opossum, errorThresholdPercentage: 150}", "{to: p, breaker: p}")))
        .anySatisfy(p -> assertThat(p).startsWith("services.s.breakers.p.errorThresholdPercentage: must be a percentage"));
  }

  @Test
  void exponentialMaxWaitAcceptsNoneForNoCapAndMustNotBeBelowTheWait() {
    String r4j = "{kind: resilience4j, enableExponentialBackoff: true, waitDurationInOpenState: 10s,"
        + " exponentialMaxWaitDurationInOpenState: ";
    Resilience4jBreakerSpec none = (Resilience4jBreakerSpec) read(scenario(r4j + "none}", "{to: p, breaker: p}"))
        .services().get("s").breakers().get("p");
    assertThat(none.exponentialMaxWaitDurationInOpenStateNanos()).isEqualTo(ScenarioDefaults.NO_TIMEOUT);
    Resilience4jBreakerSpec capped = (Resilience4jBreakerSpec) read(scenario(r4j + "2m}", "{to: p, breaker: p}"))
        .services().get("s").breakers().get("p");
    assertThat(capped.exponentialMaxWaitDurationInOpenStateNanos()).isEqualTo(120 * S);
    assertThat(problems(scenario(r4j + "5s}", "{to: p, breaker: p}"))).containsExactly(
        "services.s.breakers.p.exponentialMaxWaitDurationInOpenState: must be at least waitDurationInOpenState 10s"
            + " (was 5s)");
    assertThat(problems(scenario(r4j + "never}", "{to: p, breaker: p}"))).singleElement().asString()
        .startsWith("services.s.breakers.p.exponentialMaxWaitDurationInOpenState:").endsWith("; or write none for no cap");
  }
}
