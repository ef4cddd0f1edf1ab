package org.cascadesim.models.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadesim.models.idempotency.IdempotencyStore;
import org.junit.jupiter.api.Test;

class ScenarioValidatorTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  private final ScenarioValidator validator = new ScenarioValidator();

  private static Map<String, ClientSpec> clients(ClientSpec client) {
    Map<String, ClientSpec> m = new LinkedHashMap<>();
    m.put("shoppers", client);
    return m;
  }

  private static ClientSpec shoppers() {
    return new ClientSpec(
        new EndpointRef("payments", "/charge"), new OpenLoopLoad(new PoissonArrivals(20)), 10 * S);
  }

  private static Map<String, ServiceSpec> services(Map<String, List<StepSpec>> endpoints) {
    Map<String, EndpointSpec> eps = new LinkedHashMap<>();
    endpoints.forEach((k, v) -> eps.put(k, new EndpointSpec(v)));
    Map<String, ServiceSpec> m = new LinkedHashMap<>();
    m.put("payments", new ServiceSpec(new ThreadPoolRuntime(8, ScenarioDefaults.UNBOUNDED), eps));
    return m;
  }

  private static Map<String, List<StepSpec>> chargeCalls(CallTarget target) {
    Map<String, List<StepSpec>> m = new LinkedHashMap<>();
    m.put("/charge", List.of(new CpuStep(new ConstantDist(2 * MS)), new CallStep(target, S, false)));
    return m;
  }

  private static Map<String, DependencySpec> provider(DistributionSpec latency, FaultSpec... faults) {
    Map<String, DependencySpec> m = new LinkedHashMap<>();
    m.put("provider", new DependencySpec(new UnboundedCapacity(latency), 0.0, List.of(faults)));
    return m;
  }

  private static ScenarioSpec spec(
      Map<String, ClientSpec> clients,
      Map<String, ServiceSpec> services,
      Map<String, DependencySpec> dependencies) {
    return new ScenarioSpec(
        "test", "", 1, 180 * S, 0, LimitsSpec.defaults(), clients, services, dependencies);
  }

  private static ScenarioSpec valid() {
    return spec(
        clients(shoppers()),
        services(chargeCalls(new DependencyRef("provider"))),
        provider(new LogNormalDist(120 * MS, 600 * MS), new HangFault(60 * S, 150 * S)));
  }

  private List<ValidationIssue> issues(ScenarioSpec spec) {
    return validator.validate(spec);
  }

  @Test
  void acceptsAValidScenario() {
    assertThat(issues(valid())).isEmpty();
  }

  @Test
  void collectsEveryProblemAtOnce() {
    ScenarioSpec spec =
        new ScenarioSpec(
            "test", "", 1, 180 * S, 200 * S, new LimitsSpec(0, 0),
            clients(new ClientSpec(new EndpointRef("billing", "/x"), new OpenLoopLoad(new PoissonArrivals(0)), 0)),
            services(chargeCalls(new DependencyRef("nope"))),
            provider(new LogNormalDist(120 * MS, 60 * MS), new HangFault(170 * S, 200 * S)));
    assertThat(issues(spec))
        .extracting(ValidationIssue::path)
        .containsExactly(
            "warmup",
            "limits.maxEvents",
            "limits.maxInFlight",
            "clients.shoppers.target",
            "clients.shoppers.timeout",
            "clients.shoppers.arrivals.rate",
            "services.payments.endpoints./charge[1].call.to",
            "dependencies.provider.latency.p99",
            "dependencies.provider.faults[0].to");
  }

  @Test
  void rejectsP99BelowMedian() {
    ScenarioSpec spec =
        spec(clients(shoppers()), services(chargeCalls(new DependencyRef("provider"))),
            provider(new LogNormalDist(120 * MS, 100 * MS)));
    assertThat(issues(spec))
        .containsExactly(
            new ValidationIssue(
                "dependencies.provider.latency.p99", "must be above the median (120ms) (was 100ms)"));
  }

  @Test
  void rejectsFaultWindowOutsideTheRun() {
    ScenarioSpec spec =
        spec(clients(shoppers()), services(chargeCalls(new DependencyRef("provider"))),
            provider(new ConstantDist(MS), new ErrorRateFault(60 * S, 400 * S, 0.5)));
    assertThat(issues(spec)).singleElement().satisfies(i -> {
      assertThat(i.path()).isEqualTo("dependencies.provider.faults[0].to");
      assertThat(i.message()).contains("ends after the run").contains("180s");
    });
  }

  @Test
  void rejectsFaultWindowThatEndsBeforeItStarts() {
    ScenarioSpec spec =
        spec(clients(shoppers()), services(chargeCalls(new DependencyRef("provider"))),
            provider(new ConstantDist(MS), new HangFault(90 * S, 30 * S)));
    assertThat(issues(spec)).extracting(ValidationIssue::message).anyMatch(m -> m.contains("must be after from"));
  }

  @Test
  void rejectsErrorRateOutsideZeroToOne() {
    Map<String, DependencySpec> deps = new LinkedHashMap<>();
    deps.put("provider", new DependencySpec(new UnboundedCapacity(new ConstantDist(MS)), 1.5, List.of()));
    ScenarioSpec spec = spec(clients(shoppers()), services(chargeCalls(new DependencyRef("provider"))), deps);
    assertThat(issues(spec)).containsExactly(
        new ValidationIssue("dependencies.provider.errorRate", "must be between 0 and 1 (was 1.5)"));
  }

  @Test
  void rejectsCallToUndefinedDependencyAndNamesTheDefinedOnes() {
    ScenarioSpec spec =
        spec(clients(shoppers()), services(chargeCalls(new DependencyRef("postgres"))),
            provider(new ConstantDist(MS)));
    assertThat(issues(spec)).singleElement().satisfies(i -> {
      assertThat(i.path()).isEqualTo("services.payments.endpoints./charge[1].call.to");
      assertThat(i.message()).isEqualTo("no dependency named 'postgres'; dependencies: provider");
    });
  }

  @Test
  void hintsAtEndpointSyntaxWhenADependencyCallNamesAService() {
    ScenarioSpec spec =
        spec(clients(shoppers()), services(chargeCalls(new DependencyRef("payments"))),
            provider(new ConstantDist(MS)));
    assertThat(issues(spec)).singleElement().extracting(ValidationIssue::message).asString()
        .contains("'payments' is a service: write 'payments <endpoint>'");
  }

  @Test
  void rejectsCallToUndefinedEndpoint() {
    ScenarioSpec spec =
        spec(clients(shoppers()), services(chargeCalls(new EndpointRef("payments", "/refund"))),
            provider(new ConstantDist(MS)));
    assertThat(issues(spec)).extracting(ValidationIssue::message)
        .anyMatch(m -> m.equals("service 'payments' has no endpoint '/refund'; endpoints: /charge"));
  }

  @Test
  void reportsSynchronousCallCycleWithItsPath() {
    Map<String, List<StepSpec>> endpoints = new LinkedHashMap<>();
    endpoints.put("/charge", List.of(new CallStep(new EndpointRef("payments", "/verify"), S, false)));
    endpoints.put("/verify", List.of(new CallStep(new EndpointRef("payments", "/charge"), S, false)));
    ScenarioSpec spec = spec(clients(shoppers()), services(endpoints), provider(new ConstantDist(MS)));
    assertThat(issues(spec)).singleElement().satisfies(i -> {
      assertThat(i.path()).isEqualTo("services.payments.endpoints./verify[0].call.to");
      assertThat(i.message())
          .contains("synchronous call cycle payments /charge -> payments /verify -> payments /charge");
    });
  }

  @Test
  void reportsSelfCallAsACycle() {
    ScenarioSpec spec =
        spec(clients(shoppers()), services(chargeCalls(new EndpointRef("payments", "/charge"))),
            provider(new ConstantDist(MS)));
    assertThat(issues(spec)).extracting(ValidationIssue::message)
        .anyMatch(m -> m.contains("cycle payments /charge -> payments /charge"));
  }

  @Test
  void acceptsCallsThatFormADiamondWithoutACycle() {
    Map<String, List<StepSpec>> endpoints = new LinkedHashMap<>();
    endpoints.put("/charge", List.of(
        new CallStep(new EndpointRef("payments", "/a"), S, false),
        new CallStep(new EndpointRef("payments", "/b"), S, false)));
    endpoints.put("/a", List.of(new CallStep(new EndpointRef("payments", "/leaf"), S, false)));
    endpoints.put("/b", List.of(new CallStep(new EndpointRef("payments", "/leaf"), S, false)));
    endpoints.put("/leaf", List.of(new IoStep(new ConstantDist(MS))));
    ScenarioSpec spec = spec(clients(shoppers()), services(endpoints), provider(new ConstantDist(MS)));
    assertThat(issues(spec)).isEmpty();
  }

  @Test
  void rejectsClientTargetingUndefinedService() {
    ScenarioSpec spec =
        spec(clients(new ClientSpec(new EndpointRef("billing", "/charge"), new OpenLoopLoad(new PoissonArrivals(1)), ScenarioDefaults.NO_TIMEOUT)),
            services(chargeCalls(new DependencyRef("provider"))), provider(new ConstantDist(MS)));
    assertThat(issues(spec)).containsExactly(
        new ValidationIssue("clients.shoppers.target", "no service named 'billing'; services: payments"));
  }

  @Test
  void rejectsNonPositiveSizesAndRates() {
    Map<String, ServiceSpec> services = new LinkedHashMap<>();
    Map<String, EndpointSpec> eps = new LinkedHashMap<>();
    eps.put("/charge", new EndpointSpec(List.of(new CpuStep(new ExponentialDist(0)))));
    services.put("payments", new ServiceSpec(new ThreadPoolRuntime(0, -5), eps));
    Map<String, DependencySpec> deps = new LinkedHashMap<>();
    deps.put("db", new DependencySpec(
        new BoundedCapacity(0, new ConstantDist(MS), QueueDiscipline.FIFO, -3), 0, List.of()));
    ScenarioSpec spec = spec(
        clients(new ClientSpec(new EndpointRef("payments", "/charge"),
            new ClosedLoopLoad(0, new ConstantDist(0)), ScenarioDefaults.NO_TIMEOUT)),
        services, deps);
    assertThat(issues(spec)).extracting(ValidationIssue::path).containsExactly(
        "clients.shoppers.users.count",
        "services.payments.runtime.threads",
        "services.payments.runtime.queue",
        "services.payments.endpoints./charge[0].cpu.mean",
        "dependencies.db.concurrency",
        "dependencies.db.queueLimit");
  }

  @Test
  void rejectsMoreUsersThanRequestsMayBeInFlight() {
    ScenarioSpec spec = spec(
        clients(new ClientSpec(new EndpointRef("payments", "/charge"),
            new ClosedLoopLoad(1_000_001, new ConstantDist(0)), ScenarioDefaults.NO_TIMEOUT)),
        services(chargeCalls(new DependencyRef("provider"))), provider(new ConstantDist(MS)));
    assertThat(issues(spec)).containsExactly(new ValidationIssue("clients.shoppers.users.count",
        "must be at most limits.maxInFlight (1000000): each user may have a request in flight (was 1000001)"));
  }

  @Test
  void checksEveryDistributionKind() {
    List<DistributionSpec> bad = List.of(
        new UniformDist(5 * MS, 2 * MS),
        new NormalDist(0, -1),
        new LogNormalParamsDist(Double.NaN, 0),
        new ParetoDist(0, -1),
        new WeibullDist(MS, 0),
        new EmpiricalDist(List.of(new EmpiricalDist.Point(50, 30 * MS), new EmpiricalDist.Point(90, 20 * MS))));
    Map<String, List<StepSpec>> endpoints = new LinkedHashMap<>();
    List<StepSpec> steps = new java.util.ArrayList<>();
    bad.forEach(d -> steps.add(new IoStep(d)));
    endpoints.put("/charge", steps);
    ScenarioSpec spec = spec(clients(shoppers()), services(endpoints), provider(new ConstantDist(MS)));
    assertThat(issues(spec)).extracting(ValidationIssue::path).containsExactly(
        "services.payments.endpoints./charge[0].io.max",
        "services.payments.endpoints./charge[1].io.mean",
        "services.payments.endpoints./charge[1].io.stddev",
        "services.payments.endpoints./charge[2].io.mu",
        "services.payments.endpoints./charge[2].io.sigma",
        "services.payments.endpoints./charge[3].io.scale",
        "services.payments.endpoints./charge[3].io.shape",
        "services.payments.endpoints./charge[4].io.shape",
        "services.payments.endpoints./charge[5].io.percentiles",
        "services.payments.endpoints./charge[5].io.percentiles.p90");
  }

  @Test
  void checksProfilePhases() {
    ProfileArrivals profile = new ProfileArrivals(List.of(
        new StepPhase(20, 0),
        new RampPhase(10, 50, 60 * S),
        new SpikePhase(200, 500 * S, 5 * S)));
    ScenarioSpec spec = spec(
        clients(new ClientSpec(new EndpointRef("payments", "/charge"), new OpenLoopLoad(profile), S)),
        services(chargeCalls(new DependencyRef("provider"))), provider(new ConstantDist(MS)));
    assertThat(issues(spec)).extracting(ValidationIssue::path).containsExactly(
        "clients.shoppers.arrivals.phases[0].step.for",
        "clients.shoppers.arrivals.phases[2].spike.at");
  }

  @Test
  void rejectsWarmupAsLongAsTheRun() {
    ScenarioSpec v = valid();
    ScenarioSpec spec = new ScenarioSpec(v.name(), "", 1, 180 * S, 180 * S, v.limits(), v.clients(), v.services(), v.dependencies());
    assertThat(issues(spec)).containsExactly(
        new ValidationIssue("warmup", "must be shorter than the run's duration 180s (was 180s)"));
  }

  @Test
  void rejectsNamesThatBreakKeyPaths() {
    Map<String, ClientSpec> clients = new LinkedHashMap<>();
    clients.put("web.shop", shoppers());
    ScenarioSpec v = valid();
    ScenarioSpec spec = spec(clients, v.services(), v.dependencies());
    assertThat(issues(spec)).extracting(ValidationIssue::path).containsExactly("clients.web.shop");
  }

  @Test
  void rejectsAScenarioWithoutClients() {
    ScenarioSpec v = valid();
    ScenarioSpec spec = spec(new LinkedHashMap<>(), v.services(), v.dependencies());
    assertThat(issues(spec)).extracting(ValidationIssue::path).containsExactly("clients");
  }

  @Test
  void computesLogNormalParametersFromMedianAndP99() {
    LogNormalDist d = new LogNormalDist(100 * MS, 400 * MS);
    assertThat(d.mu()).isCloseTo(StrictMath.log(0.1), org.assertj.core.api.Assertions.within(1e-12));
    // sigma = ln(p99 / median) / z(0.99) = ln 4 / 2.326347874040841... (the standard normal's 99th
    // percentile), computed independently to 30 digits: 0.595910171728492310...
    assertThat(d.sigma()).isCloseTo(0.5959101717284923, org.assertj.core.api.Assertions.within(1e-12));
  }

  /** A payments service on {@code runtime} with the pool db, the store keys and the breaker guard. */
  private static ScenarioSpec blocks(RuntimeSpec runtime, Map<String, List<StepSpec>> endpoints) {
    Map<String, EndpointSpec> eps = new LinkedHashMap<>();
    endpoints.forEach((k, v) -> eps.put(k, new EndpointSpec(v)));
    Map<String, PoolSpec> pools = new LinkedHashMap<>();
    pools.put("db", ConnectionPoolSpec.ofSize(4));
    Map<String, StoreSpec> stores = new LinkedHashMap<>();
    stores.put("keys", new IdempotencyStoreSpec(IdempotencyStore.Mode.ATOMIC_CLAIM, 2 * MS,
        IdempotencyStore.InProgress.CONFLICT, ScenarioDefaults.NO_TIMEOUT));
    Map<String, BreakerSpec> breakers = new LinkedHashMap<>();
    breakers.put("guard", new OpossumBreakerSpec(0, 50, 30 * S, 10 * S, 10, 0, false, ScenarioDefaults.UNBOUNDED,
        BreakerDefaults.STUCK_DEFAULT));
    Map<String, ServiceSpec> services = new LinkedHashMap<>();
    services.put("payments", new ServiceSpec(runtime, eps, pools, stores, breakers));
    return spec(clients(shoppers()), services, provider(new ConstantDist(MS)));
  }

  /** {@code step} inside an idempotent block inside a with block: two levels deep. */
  private static List<StepSpec> nested(StepSpec step) {
    return List.of(new CpuStep(new ConstantDist(MS)),
        new WithStep("db", List.of(new IdempotentStep("keys", List.of(new IoStep(new ConstantDist(MS)), step)))));
  }

  private static BreakerCallStep guarded(CallTarget to, String breaker) {
    return new BreakerCallStep(new CallStep(to, S, false), breaker, BreakerCallStep.Fallback.ERROR, new ConstantDist(0));
  }

  private void assertOnlyIssue(ScenarioSpec spec, String path, String fragment) {
    assertThat(issues(spec)).singleElement().satisfies(i -> {
      assertThat(i.path()).isEqualTo(path);
      assertThat(i.message()).contains(fragment);
    });
  }

  @Test
  void findsACallCycleThroughABreakerCallNestedInBlocks() {
    Map<String, List<StepSpec>> endpoints = new LinkedHashMap<>();
    endpoints.put("/charge", List.of(new CallStep(new EndpointRef("payments", "/verify"), S, false)));
    endpoints.put("/verify", nested(guarded(new EndpointRef("payments", "/charge"), "guard")));
    assertOnlyIssue(blocks(new GoroutinesRuntime(), endpoints),
        "services.payments.endpoints./verify[1].do[0].idempotent.do[1].call.to",
        "cycle payments /charge -> payments /verify -> payments /charge");
  }

  @Test
  void findsASelfCallInsideAnIdempotentBlock() {
    Map<String, List<StepSpec>> endpoints = new LinkedHashMap<>();
    endpoints.put("/charge", List.of(new IdempotentStep("keys",
        List.of(new CallStep(new EndpointRef("payments", "/charge"), S, false)))));
    assertOnlyIssue(blocks(new GoroutinesRuntime(), endpoints),
        "services.payments.endpoints./charge[0].idempotent.do[0].call.to", "cycle payments /charge -> payments /charge");
  }

  @Test
  void rejectsAnOffloadNestedInBlocksUnlessTheServiceRunsAnEventLoop() {
    Map<String, List<StepSpec>> endpoints = new LinkedHashMap<>();
    endpoints.put("/charge", nested(new OffloadStep(new ConstantDist(5 * MS))));
    for (RuntimeSpec runtime : List.of(new GoroutinesRuntime(), new ThreadPoolRuntime(8, ScenarioDefaults.UNBOUNDED))) {
      assertOnlyIssue(blocks(runtime, endpoints),
          "services.payments.endpoints./charge[1].do[0].idempotent.do[1].offload", "needs runtime {model: event-loop}");
    }
    RuntimeSpec loop = new EventLoopRuntime(0, WorkerPoolSpec.defaults(), ScenarioDefaults.UNBOUNDED);
    assertThat(issues(blocks(loop, endpoints))).isEmpty();
  }

  @Test
  void checksEveryOtherStepRuleInsideNestedBlocksToo() {
    Map<String, List<StepSpec>> endpoints = new LinkedHashMap<>();
    endpoints.put("/charge", List.of(new WithStep("db", List.of(new IdempotentStep("keys", List.of(
        guarded(new DependencyRef("provider"), "gaurd"),
        new CallStep(new DependencyRef("providr"), 0, false),
        new WithStep("dbb", List.of(new CpuStep(new UniformDist(5 * MS, MS))))))))));
    String at = "services.payments.endpoints./charge[0].do[0].idempotent.do";
    assertThat(issues(blocks(new GoroutinesRuntime(), endpoints)))
        .extracting(i -> i.path() + ": " + i.message())
        .containsExactlyInAnyOrder(
            at + "[0].call.breaker: no breaker named 'gaurd' in this service; breakers: guard",
            at + "[1].call.to: no dependency named 'providr'; dependencies: provider",
            at + "[1].call.timeout: must be positive, or none for no timeout (was 0s)",
            at + "[2].with: no pool named 'dbb' in this service; pools: db",
            at + "[2].do[0].cpu.max: must be at least min (5ms) (was 1ms)");
  }

  @Test
  void specsAreImmutable() {
    ScenarioSpec spec = valid();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> spec.clients().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
