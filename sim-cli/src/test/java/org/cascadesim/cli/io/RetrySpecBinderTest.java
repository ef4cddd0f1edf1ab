package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cascadesim.models.idempotency.IdempotencyStore;
import org.cascadesim.models.retry.Backoff;
import org.cascadesim.models.scenario.BudgetSpec;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.ClientSpec;
import org.cascadesim.models.scenario.IdempotencyStoreSpec;
import org.cascadesim.models.scenario.IdempotentStep;
import org.cascadesim.models.scenario.RetryCondition;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

/** The retry, idempotency-store, idempotent-step and side-effect keys, bound from text. */
class RetrySpecBinderTest {
  private static final long MS = 1_000_000L;
  private final ScenarioReader reader = new ScenarioReader();

  private ScenarioSpec read(String yaml) {
    return reader.parse("t.yaml", yaml, TreeParser.Format.YAML, List.of()).base();
  }

  private List<String> problems(String yaml) {
    try {
      read(yaml);
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::format).toList();
    }
    throw new AssertionError("expected problems");
  }

  private static String scenario(String clientExtra, String storeMode, String callExtra) {
    return "name: t\nduration: 10s\n"
        + "clients:\n  c:\n    target: pay /x\n    arrivals: {process: poisson, rate: 5/s}\n    timeout: 150ms\n"
        + clientExtra
        + "services:\n  pay:\n    stores:\n      keys: {kind: idempotency-store, mode: " + storeMode + "}\n"
        + "    endpoints:\n      /x:\n        - idempotent:\n            store: keys\n            do:\n"
        + "              - call: {to: provider" + callExtra + "}\n"
        + "dependencies:\n  provider: {latency: 400ms, sideEffect: charge}\n";
  }

  @Test
  void bindsAClientRetryWithDefaultsAndAPerRequestKey() {
    ScenarioSpec spec = read(scenario("    idempotencyKey: per-request\n    retry: {maxAttempts: 4}\n", "atomic-claim", ""));
    ClientSpec c = spec.clients().get("c");
    assertThat(c.idempotencyKeyPerRequest()).isTrue();
    assertThat(c.retry().maxAttempts()).isEqualTo(4);
    assertThat(c.retry().retryOn()).containsExactly(RetryCondition.TIMEOUT, RetryCondition.ERROR,
        RetryCondition.REJECTED, RetryCondition.CONFLICT);
    assertThat(c.retry().backoff().kind()).isEqualTo(Backoff.Kind.FULL_JITTER);
    assertThat(c.retry().backoff().baseNanos()).isEqualTo(100 * MS);
    assertThat(c.retry().budget()).isEqualTo(new BudgetSpec.None());
    IdempotencyStoreSpec store = (IdempotencyStoreSpec) spec.services().get("pay").stores().get("keys");
    assertThat(store).isEqualTo(new IdempotencyStoreSpec(IdempotencyStore.Mode.ATOMIC_CLAIM, 2 * MS,
        IdempotencyStore.InProgress.CONFLICT, 86_400_000 * MS));
    IdempotentStep step = (IdempotentStep) spec.services().get("pay").endpoints().get("/x").steps().get(0);
    assertThat(step.store()).isEqualTo("keys");
    assertThat(step.steps()).hasSize(1);
    assertThat(spec.dependencies().get("provider").sideEffect()).isEqualTo("charge");
  }

  @Test
  void bindsACallSiteRetryWithBackoffAndBudget() {
    ScenarioSpec spec = read(scenario("", "check-then-insert",
        ", retry: {maxAttempts: 2, deadline: 1s, retryOn: [timeout], backoff: {kind: decorrelated-jitter, base: 5ms, cap: 2s},"
            + " budget: {kind: grpc, maxTokens: 10, tokenRatio: 0.1}}"));
    IdempotentStep step = (IdempotentStep) spec.services().get("pay").endpoints().get("/x").steps().get(0);
    CallStep call = (CallStep) step.steps().get(0);
    assertThat(call.retry().deadlineNanos()).isEqualTo(1_000 * MS);
    assertThat(call.retry().retryOn()).containsExactly(RetryCondition.TIMEOUT);
    assertThat(call.retry().backoff().kind()).isEqualTo(Backoff.Kind.DECORRELATED_JITTER);
    assertThat(call.retry().budget()).isEqualTo(new BudgetSpec.Grpc(10, 0.1));
  }

  @Test
  void acceptsAFinagleBudgetWithZeroPercentAndRejectsOneAbove1000() {
    ScenarioSpec spec = read(scenario("    retry: {budget: {kind: finagle, percentCanRetry: 0}}\n", "atomic-claim", ""));
    assertThat(spec.clients().get("c").retry().budget()).isEqualTo(new BudgetSpec.Finagle(10_000 * MS, 10, 0));
    List<String> p = problems(scenario("    retry: {budget: {kind: finagle, percentCanRetry: 1001}}\n", "atomic-claim", ""));
    assertThat(p).singleElement().asString()
        .contains("clients.c.retry.budget.percentCanRetry: must be in [0, 1000] (Finagle) (was 1001.0)");
  }

  @Test
  void reportsUnknownBackoffKindsAndStoreModesWithTheAllowedValues() {
    List<String> p = problems(scenario("    retry: {backoff: {kind: full-jiter}}\n", "check-then-insrt", ""));
    assertThat(p).hasSize(2);
    assertThat(p.get(0)).contains("clients.c.retry.backoff.kind").contains("did you mean 'full-jitter'?");
    assertThat(p.get(1)).contains("services.pay.stores.keys.mode").contains("did you mean 'check-then-insert'?");
  }

  @Test
  void validatesAnIdempotentStepAgainstTheServicesStores() {
    String yaml = scenario("    retry: {maxAttempts: 0, budget: {kind: finagle, ttl: 90s}}\n", "atomic-claim", "")
        .replace("store: keys", "store: nokeys");
    List<String> p = problems(yaml);
    assertThat(p).anyMatch(s -> s.contains("clients.c.retry.maxAttempts") && s.contains("at least 1"));
    assertThat(p).anyMatch(s -> s.contains("clients.c.retry.budget.ttl") && s.contains("between 1s and 60s"));
    assertThat(p).anyMatch(s -> s.contains("idempotent.store") && s.contains("no idempotency store named 'nokeys'"));
  }

  @Test
  void aGrpcTokenRatioBelowOneThousandthIsRejectedWithItsRange() {
    assertThat(read(scenario("    retry: {budget: {kind: grpc, maxTokens: 10, tokenRatio: 0.001}}\n", "atomic-claim", ""))
        .clients().get("c").retry().budget()).isEqualTo(new BudgetSpec.Grpc(10, 0.001));
    for (String ratio : List.of("0.0004", "0", "1000.5")) {
      List<String> p = problems(scenario("    retry: {budget: {kind: grpc, maxTokens: 10, tokenRatio: " + ratio + "}}\n",
          "atomic-claim", ""));
      assertThat(p).singleElement().asString()
          .contains("clients.c.retry.budget.tokenRatio: must be in [0.001, 1000]")
          .endsWith("(was " + ratio + ")");
    }
  }

  @Test
  void eachNegativeTokenBucketCostIsReportedAtItsOwnKeyWithItsValue() {
    List<String> p = problems(scenario(
        "    retry: {budget: {kind: token-bucket, capacity: 0, retryCost: -1, timeoutCost: -2, successIncrement: -3}}\n",
        "atomic-claim", ""));
    assertThat(p).containsExactly(
        "t.yaml:8:52: clients.c.retry.budget.capacity: must be at least 1 (was 0)",
        "t.yaml:8:66: clients.c.retry.budget.retryCost: must be 0 or more (was -1)",
        "t.yaml:8:83: clients.c.retry.budget.timeoutCost: must be 0 or more (was -2)",
        "t.yaml:8:105: clients.c.retry.budget.successIncrement: must be 0 or more (was -3)");
  }
}
