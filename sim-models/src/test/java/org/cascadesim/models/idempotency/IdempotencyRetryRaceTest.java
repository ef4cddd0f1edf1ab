package org.cascadesim.models.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.retry.Backoff;
import org.cascadesim.models.run.RetryReport;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.BackoffSpec;
import org.cascadesim.models.scenario.BudgetSpec;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.ClientSpec;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.CpuStep;
import org.cascadesim.models.scenario.DependencyRef;
import org.cascadesim.models.scenario.DependencySpec;
import org.cascadesim.models.scenario.EndpointRef;
import org.cascadesim.models.scenario.EndpointSpec;
import org.cascadesim.models.scenario.GoroutinesRuntime;
import org.cascadesim.models.scenario.IdempotencyStoreSpec;
import org.cascadesim.models.scenario.IdempotentStep;
import org.cascadesim.models.scenario.LimitsSpec;
import org.cascadesim.models.scenario.LogNormalDist;
import org.cascadesim.models.scenario.OpenLoopLoad;
import org.cascadesim.models.scenario.PoissonArrivals;
import org.cascadesim.models.scenario.RetryCondition;
import org.cascadesim.models.scenario.RetrySpec;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.ScenarioValidator;
import org.cascadesim.models.scenario.ServiceSpec;
import org.cascadesim.models.scenario.StoreSpec;
import org.junit.jupiter.api.Test;

/**
 * The retry race of seed snippet 3, end to end: a client that retries with one idempotency key
 * per purchase against a handler that charges a card inside an idempotent block.
 */
class IdempotencyRetryRaceTest {

  private static final long MS = 1_000_000L;
  private static final long SECOND = 1_000 * MS;

  /** The scenario: charges of median 400 ms, a client retrying timeouts, errors and 409s. */
  static ScenarioSpec scenario(IdempotencyStore.Mode mode, long clientTimeoutNanos, double rate) {
    RetrySpec retry = new RetrySpec(8, -1, -1,
        List.of(RetryCondition.TIMEOUT, RetryCondition.ERROR, RetryCondition.CONFLICT),
        new BackoffSpec(Backoff.Kind.FULL_JITTER, 50 * MS, SECOND, 2, 0.5), new BudgetSpec.None());
    Map<String, ClientSpec> clients = new LinkedHashMap<>();
    clients.put("checkout", new ClientSpec(new EndpointRef("payments", "/charge"),
        new OpenLoopLoad(new PoissonArrivals(rate)), clientTimeoutNanos, retry, true));
    Map<String, StoreSpec> stores = new LinkedHashMap<>();
    stores.put("keys", new IdempotencyStoreSpec(mode, 2 * MS, IdempotencyStore.InProgress.CONFLICT, 86_400 * SECOND));
    Map<String, EndpointSpec> endpoints = new LinkedHashMap<>();
    endpoints.put("/charge", new EndpointSpec(List.of(new CpuStep(new ConstantDist(MS)),
        new IdempotentStep("keys", List.of(new CallStep(new DependencyRef("provider"), -1, false))))));
    Map<String, ServiceSpec> services = new LinkedHashMap<>();
    services.put("payments", new ServiceSpec(new GoroutinesRuntime(), endpoints, new LinkedHashMap<>(), stores, new LinkedHashMap<>()));
    Map<String, DependencySpec> dependencies = new LinkedHashMap<>();
    dependencies.put("provider", new DependencySpec(new UnboundedLatency().spec(), 0, List.of(), "charge"));
    return new ScenarioSpec("race", "", 1, 20 * SECOND, 0, LimitsSpec.defaults(), clients, services, dependencies);
  }

  /** The charge latency: lognormal, median 400 ms, p99 1200 ms. */
  private record UnboundedLatency() {
    org.cascadesim.models.scenario.CapacitySpec spec() {
      return new org.cascadesim.models.scenario.UnboundedCapacity(new LogNormalDist(400 * MS, 1200 * MS));
    }
  }

  private static RetryReport.SideEffects charges(RunSummary run) {
    return run.retries().sideEffects().get(0);
  }

  @Test
  void theScenarioIsValid() {
    assertThat(new ScenarioValidator().validate(scenario(IdempotencyStore.Mode.CHECK_THEN_INSERT, 150 * MS, 20))).isEmpty();
  }

  @Test
  void checkThenInsertChargesTwiceWhenTheClientTimeoutIsShorterThanTheCharge() {
    RunSummary run = ScenarioRunner.run(scenario(IdempotencyStore.Mode.CHECK_THEN_INSERT, 150 * MS, 20), "base", 1);
    RetryReport.SideEffects charges = charges(run);
    // A 150 ms attempt timeout against a 400 ms median charge: most purchases are retried while
    // their first charge runs, and each such retry finds no row and charges again.
    assertThat(charges.duplicates()).isGreaterThan(charges.keys() / 2);
    assertThat(charges.keysDuplicated()).isGreaterThan(charges.keys() / 2);
    assertThat(run.retries().layers().get(0).amplification()).isGreaterThan(2.0);
    assertThat(run.balances()).isTrue();
  }

  @Test
  void checkThenInsertNeverChargesTwiceWhenTheClientWaitsFarLongerThanAnyCharge() {
    RunSummary run = ScenarioRunner.run(scenario(IdempotencyStore.Mode.CHECK_THEN_INSERT, 30 * SECOND, 20), "patient", 1);
    RetryReport.SideEffects charges = charges(run);
    assertThat(charges.effects()).isGreaterThan(300);
    assertThat(charges.duplicates()).isZero();
    assertThat(run.retries().layers().get(0).amplification()).isEqualTo(1.0);
  }

  @Test
  void insertAfterUniqueDetectsTheDuplicateOnlyAfterTheSecondCharge() {
    RunSummary run = ScenarioRunner.run(scenario(IdempotencyStore.Mode.INSERT_AFTER_UNIQUE, 150 * MS, 20), "unique", 1);
    RetryReport.Store store = run.retries().stores().get(0);
    assertThat(charges(run).duplicates()).isPositive();
    // every extra charge of a key whose row was then already there hits the constraint
    assertThat(store.uniqueViolations()).isPositive().isLessThanOrEqualTo(charges(run).duplicates());
  }

  @Test
  void atomicClaimAnswers409ToADuplicateInFlightAndTheRetryGetsTheReplayedResult() {
    RunSummary run = ScenarioRunner.run(scenario(IdempotencyStore.Mode.ATOMIC_CLAIM, 150 * MS, 20), "atomic", 1);
    RetryReport.Store store = run.retries().stores().get(0);
    assertThat(charges(run).duplicates()).isZero();
    assertThat(store.conflicts()).isPositive();
    assertThat(store.replays()).isPositive();
    // the client sees successes, not 409s: the conflicts were retried until the replay
    long ok = run.clients().get(0).count(Outcome.OK);
    assertThat(ok).isGreaterThan(charges(run).effects() * 9 / 10);
    assertThat(run.clients().get(0).count(Outcome.CONFLICT)).isLessThan(ok / 20);
  }

  @Property(tries = 25)
  void atomicClaimNeverChargesAKeyTwice(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 5, max = 60) int rate,
      @ForAll @LongRange(min = 20, max = 2_000) long timeoutMillis) {
    ScenarioSpec spec = scenario(IdempotencyStore.Mode.ATOMIC_CLAIM, timeoutMillis * MS, rate);
    RunSummary run = ScenarioRunner.run(spec, "atomic", seed);
    assertThat(charges(run).duplicates()).isZero();
    assertThat(charges(run).keysDuplicated()).isZero();
    assertThat(run.balances()).isTrue();
  }
}
