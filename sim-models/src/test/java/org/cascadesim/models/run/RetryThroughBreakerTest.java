package org.cascadesim.models.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadesim.models.breaker.BreakerState;
import org.cascadesim.models.breaker.BreakerSummary;
import org.cascadesim.models.breaker.CallResult;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.retry.Backoff;
import org.cascadesim.models.scenario.BackoffSpec;
import org.cascadesim.models.scenario.BreakerCallStep;
import org.cascadesim.models.scenario.BreakerDefaults;
import org.cascadesim.models.scenario.BudgetSpec;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.ClientSpec;
import org.cascadesim.models.scenario.ConstantArrivals;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.DependencyRef;
import org.cascadesim.models.scenario.DependencySpec;
import org.cascadesim.models.scenario.EndpointRef;
import org.cascadesim.models.scenario.EndpointSpec;
import org.cascadesim.models.scenario.FaultSpec;
import org.cascadesim.models.scenario.GoroutinesRuntime;
import org.cascadesim.models.scenario.HangFault;
import org.cascadesim.models.scenario.LimitsSpec;
import org.cascadesim.models.scenario.OpenLoopLoad;
import org.cascadesim.models.scenario.Resilience4jBreakerSpec;
import org.cascadesim.models.scenario.RetryCondition;
import org.cascadesim.models.scenario.RetrySpec;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.ScenarioValidator;
import org.cascadesim.models.scenario.ServiceSpec;
import org.cascadesim.models.scenario.UnboundedCapacity;
import org.junit.jupiter.api.Test;

/**
 * A call with both {@code breaker} and {@code retry} is Retry(CircuitBreaker(call)) (mechanisms.md
 * b.3): every attempt is fired through the breaker and counted by it. The breaker is resilience4j
 * with a count window of W calls and {@code minimumNumberOfCalls} W, so against a dependency that
 * always fails it opens on the W-th recorded attempt and stays open for the rest of the run.
 */
class RetryThroughBreakerTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final int ATTEMPTS = 3;
  /** The window: 10 requests of 3 attempts fill it. */
  private static final int WINDOW = 30;
  private static final String LAYER = "s /x[0] -> dep";

  private static RetrySpec retry(long perAttemptTimeoutNanos, List<RetryCondition> retryOn) {
    return new RetrySpec(ATTEMPTS, perAttemptTimeoutNanos, ScenarioDefaults.NO_TIMEOUT, retryOn,
        new BackoffSpec(Backoff.Kind.NONE, 0, 0, 2, 0.5), new BudgetSpec.None());
  }

  private static Resilience4jBreakerSpec breaker() {
    return new Resilience4jBreakerSpec(50, 100, 60 * S, false, WINDOW, WINDOW, 60 * S,
        BreakerDefaults.R4J_EXPONENTIAL_BACKOFF_MULTIPLIER, ScenarioDefaults.NO_TIMEOUT,
        BreakerDefaults.R4J_PERMITTED_CALLS_IN_HALF_OPEN_STATE, 0, false, ScenarioDefaults.NO_TIMEOUT,
        ScenarioDefaults.UNBOUNDED, 0, BreakerDefaults.STUCK_DEFAULT);
  }

  /** Clients at 10/s for 3 s (one request every 100 ms, longer than its attempts) calling {@code s /x}. */
  private static RunSummary run(CallStep call, DependencySpec dependency) {
    Map<String, EndpointSpec> endpoints = new LinkedHashMap<>();
    endpoints.put("/x", new EndpointSpec(List.of(
        new BreakerCallStep(call, "b", BreakerCallStep.Fallback.ERROR, new ConstantDist(0)))));
    Map<String, ServiceSpec> services = new LinkedHashMap<>();
    services.put("s", new ServiceSpec(new GoroutinesRuntime(), endpoints, new LinkedHashMap<>(),
        new LinkedHashMap<>(), Map.of("b", breaker())));
    Map<String, ClientSpec> clients = new LinkedHashMap<>();
    clients.put("c", new ClientSpec(new EndpointRef("s", "/x"), new OpenLoopLoad(new ConstantArrivals(10)),
        ScenarioDefaults.NO_TIMEOUT));
    ScenarioSpec spec = new ScenarioSpec("retry-breaker", "", 1, 3 * S, 0, LimitsSpec.defaults(), clients, services,
        Map.of("dep", dependency));
    assertThat(new ScenarioValidator().validate(spec)).isEmpty();
    return ScenarioRunner.run(spec, "base", 1);
  }

  private static DependencySpec failing() {
    return new DependencySpec(new UnboundedCapacity(new ConstantDist(10 * MS)), 1.0, List.of());
  }

  private static RetryReport.Layer layer(RunSummary run) {
    assertThat(run.retries().layers()).extracting(RetryReport.Layer::layer).containsExactly(LAYER);
    return run.retries().layers().get(0);
  }

  private static long ended(BreakerSummary b) {
    long n = 0;
    for (CallResult r : CallResult.values()) {
      n += b.count(r);
    }
    return n;
  }

  @Test
  void everyAttemptGoesThroughTheBreakerUntilItOpensThenTheFirstAttemptIsShortCircuitedAndNotRetried() {
    RunSummary run = run(new CallStep(new DependencyRef("dep"), ScenarioDefaults.NO_TIMEOUT, false,
        retry(ScenarioDefaults.NO_TIMEOUT, List.of(RetryCondition.ERROR))), failing());
    TrafficSummary client = run.clients().get(0);
    BreakerSummary b = run.breakers().get(0);
    RetryReport.Layer layer = layer(run);
    long requests = client.offered();
    long beforeOpen = WINDOW / ATTEMPTS;
    assertThat(requests).isGreaterThan(beforeOpen + 5);
    assertThat(client.inFlight()).isZero();

    // The dependency sees ATTEMPTS calls per request until the W-th failure opens the breaker, then none.
    TrafficSummary dep = run.dependencies().get(0);
    assertThat(dep.offered()).isEqualTo(ATTEMPTS * beforeOpen);
    assertThat(b.transitions()).extracting(t -> t.to()).containsExactly(BreakerState.OPEN);
    assertThat(b.count(CallResult.FAILURE)).isEqualTo(WINDOW);
    // Open: each later request makes one attempt, short-circuited, which retryOn does not retry.
    long afterOpen = requests - beforeOpen;
    assertThat(b.count(CallResult.SHORT_CIRCUITED)).isEqualTo(afterOpen);
    assertThat(layer.attempts()).isEqualTo(ATTEMPTS * beforeOpen + afterOpen);
    // The breaker's books count every attempt, and every attempt ended.
    assertThat(b.calls()).isEqualTo(layer.attempts());
    assertThat(ended(b)).isEqualTo(b.calls());
    assertThat(layer.exhausted()).isEqualTo(beforeOpen);
    assertThat(client.count(Outcome.ERROR)).isEqualTo(beforeOpen);
    assertThat(client.count(Outcome.SHORT_CIRCUITED)).isEqualTo(afterOpen);
    assertThat(run.balances()).isTrue();
  }

  @Test
  void withShortCircuitedInRetryOnEveryAttemptOfAnOpenBreakerIsShortCircuitedAndCounted() {
    RunSummary run = run(new CallStep(new DependencyRef("dep"), ScenarioDefaults.NO_TIMEOUT, false,
        retry(ScenarioDefaults.NO_TIMEOUT, List.of(RetryCondition.ERROR, RetryCondition.SHORT_CIRCUITED))), failing());
    TrafficSummary client = run.clients().get(0);
    BreakerSummary b = run.breakers().get(0);
    long requests = client.offered();
    long beforeOpen = WINDOW / ATTEMPTS;

    assertThat(run.dependencies().get(0).offered()).isEqualTo(ATTEMPTS * beforeOpen);
    assertThat(b.count(CallResult.SHORT_CIRCUITED)).isEqualTo(ATTEMPTS * (requests - beforeOpen));
    assertThat(layer(run).attempts()).isEqualTo(ATTEMPTS * requests).isEqualTo(b.calls());
    assertThat(layer(run).exhausted()).isEqualTo(requests);
    assertThat(client.count(Outcome.SHORT_CIRCUITED)).isEqualTo(requests - beforeOpen);
    assertThat(run.balances()).isTrue();
  }

  /**
   * Against a hung dependency the per-attempt timeout acts inside the breaker: each timed-out
   * attempt is a failure the breaker records (resilience4j without a TimeLimiter never records a
   * hung call otherwise), and cancelOnTimeout frees the dependency of every abandoned attempt.
   */
  @Test
  void aPerAttemptTimeoutIsAFailureTheBreakerRecordsAndCancelsTheAttemptsWork() {
    List<FaultSpec> hang = List.of(new HangFault(0, 3 * S));
    DependencySpec hung = new DependencySpec(new UnboundedCapacity(new ConstantDist(10 * MS)), 0, hang);
    RunSummary run = run(new CallStep(new DependencyRef("dep"), ScenarioDefaults.NO_TIMEOUT, true,
        retry(20 * MS, List.of(RetryCondition.TIMEOUT))), hung);
    TrafficSummary client = run.clients().get(0);
    BreakerSummary b = run.breakers().get(0);
    long beforeOpen = WINDOW / ATTEMPTS;

    assertThat(b.firstTime(BreakerState.OPEN)).isPositive();
    assertThat(b.count(CallResult.FAILURE)).isEqualTo(WINDOW);
    assertThat(b.count(CallResult.SUCCESS)).isZero();
    TrafficSummary dep = run.dependencies().get(0);
    assertThat(dep.offered()).isEqualTo(ATTEMPTS * beforeOpen);
    assertThat(dep.inFlight()).isZero();
    assertThat(b.inFlight()).isZero();
    // The last attempt's timeout fails the handler: an error at this hop (timeout is the client's own).
    assertThat(client.count(Outcome.ERROR)).isEqualTo(beforeOpen);
    assertThat(layer(run).exhausted()).isEqualTo(beforeOpen);
    assertThat(client.count(Outcome.SHORT_CIRCUITED)).isEqualTo(client.offered() - beforeOpen);
    assertThat(run.balances()).isTrue();
  }
}
