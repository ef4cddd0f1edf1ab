package org.cascadesim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.io.TreeParser;
import org.cascadesim.cli.report.SummaryTable;
import org.cascadesim.models.breaker.BreakerState;
import org.cascadesim.models.breaker.BreakerSummary;
import org.cascadesim.models.breaker.CallResult;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.run.RetryReport;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

/**
 * A scenario call with both {@code breaker} and {@code retry} is Retry(CircuitBreaker(call)): each
 * of the 3 attempts goes through the breaker and is counted by it, and a {@code fallback} replaces
 * the retried call's final outcome once. The audit's reproduction: against a dependency with
 * {@code errorRate: 1} the retry used to be ignored (as many dependency calls as requests).
 */
class RetryThroughBreakerScenarioTest {
  private static final double MS = 1e6;
  private static final int ATTEMPTS = 3;
  private static final double DEP_LATENCY_MS = 10;
  private static final double FALLBACK_MS = 5;

  private static final String YAML = String.join("\n",
      "name: retry-through-breaker",
      "duration: 1s",
      "clients:",
      "  c: {target: s /x, arrivals: {process: constant, rate: 20/s}}",
      "services:",
      "  s:",
      "    breakers:",
      "      b: {kind: resilience4j}                  # 100 calls before it may open: stays closed",
      "    endpoints:",
      "      /x:",
      "        - call: {to: dep, breaker: b, retry: {maxAttempts: 3, backoff: {kind: none}}}",
      "dependencies:",
      "  dep: {latency: 10ms, errorRate: 1}",
      "variants:",
      "  degraded:",
      "    services:",
      "      s:",
      "        endpoints:",
      "          /x:",
      "            - call: {to: dep, breaker: b, retry: {maxAttempts: 3, backoff: {kind: none}},",
      "                     fallback: degraded, fallbackLatency: 5ms}",
      "  opossum:",
      "    services:",
      "      s:",
      "        breakers:",
      "          b: {kind: opossum, resetTimeout: 30s}   # the first failure opens it (1 of 1 fires)",
      "        endpoints:",
      "          /x:",
      "            - call: {to: dep, breaker: b,",
      "                     retry: {maxAttempts: 3, backoff: {kind: none}, retryOn: [error, short-circuited]}}",
      "");

  private static RunSummary run(String variant) {
    ScenarioSpec spec = new ScenarioReader().parse("inline", YAML, TreeParser.Format.YAML, List.of()).spec(variant);
    return ScenarioRunner.run(spec, variant, spec.seed());
  }

  private static RetryReport.Layer layer(RunSummary run) {
    assertThat(run.retries().layers()).hasSize(1);
    return run.retries().layers().get(0);
  }

  @Test
  void eachRequestSendsThreeAttemptsThroughTheClosedBreakerAndTheBreakerCountsEachOne() {
    RunSummary run = run("base");
    TrafficSummary client = run.clients().get(0);
    long requests = client.offered();
    assertThat(requests).isPositive();
    assertThat(client.inFlight()).isZero();

    assertThat(run.dependencies().get(0).offered()).isEqualTo(ATTEMPTS * requests);
    BreakerSummary b = run.breakers().get(0);
    assertThat(b.transitions()).isEmpty();
    assertThat(b.calls()).isEqualTo(ATTEMPTS * requests);
    assertThat(b.count(CallResult.FAILURE)).isEqualTo(ATTEMPTS * requests);
    assertThat(layer(run).attempts()).isEqualTo(ATTEMPTS * requests);
    assertThat(layer(run).exhausted()).isEqualTo(requests);
    assertThat(client.count(Outcome.ERROR)).isEqualTo(requests);
    assertThat(run.balances()).isTrue();
    assertThat(SummaryTable.format(run))
        .contains("s /x[0] -> dep: " + requests + " requests, " + ATTEMPTS * requests + " attempts")
        .contains("calls " + ATTEMPTS * requests + ": 0 success, " + ATTEMPTS * requests + " failure");
  }

  @Test
  void aDegradedFallbackReplacesTheRetriedOutcomeOnceAfterTheLastAttempt() {
    RunSummary run = run("degraded");
    TrafficSummary client = run.clients().get(0);
    long requests = client.offered();

    assertThat(run.dependencies().get(0).offered()).isEqualTo(ATTEMPTS * requests);
    assertThat(client.count(Outcome.DEGRADED)).isEqualTo(requests);
    // Three 10 ms attempts back to back (no backoff), then the 5 ms fallback once.
    double expectedMs = ATTEMPTS * DEP_LATENCY_MS + FALLBACK_MS;
    assertThat(client.latency().getMaxValue() / MS).isCloseTo(expectedMs, within(0.1));
    assertThat(client.latency().getMinValue() / MS).isCloseTo(expectedMs, within(0.1));
  }

  @Test
  void onceTheBreakerIsOpenEveryRetriedAttemptIsShortCircuitedAndNoneReachesTheDependency() {
    RunSummary run = run("opossum");
    TrafficSummary client = run.clients().get(0);
    long requests = client.offered();
    BreakerSummary b = run.breakers().get(0);

    assertThat(b.finalState()).isEqualTo(BreakerState.OPEN);
    assertThat(b.count(CallResult.FAILURE)).isEqualTo(1);
    assertThat(run.dependencies().get(0).offered()).isEqualTo(1);
    assertThat(b.count(CallResult.SHORT_CIRCUITED)).isEqualTo(ATTEMPTS * requests - 1);
    assertThat(b.calls()).isEqualTo(layer(run).attempts()).isEqualTo(ATTEMPTS * requests);
    assertThat(client.count(Outcome.SHORT_CIRCUITED)).isEqualTo(requests);
    assertThat(run.balances()).isTrue();
  }
}
