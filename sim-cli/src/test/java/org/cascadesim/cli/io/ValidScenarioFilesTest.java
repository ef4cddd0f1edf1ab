package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.cascadesim.models.scenario.BoundedCapacity;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.ClientSpec;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.DependencyRef;
import org.cascadesim.models.scenario.EmpiricalDist;
import org.cascadesim.models.scenario.EndpointRef;
import org.cascadesim.models.scenario.ErrorRateFault;
import org.cascadesim.models.scenario.HangFault;
import org.cascadesim.models.scenario.LatencyFault;
import org.cascadesim.models.scenario.LogNormalDist;
import org.cascadesim.models.scenario.OpenLoopLoad;
import org.cascadesim.models.scenario.PoissonArrivals;
import org.cascadesim.models.scenario.ProfileArrivals;
import org.cascadesim.models.scenario.QueueDiscipline;
import org.cascadesim.models.scenario.RampPhase;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.SpikePhase;
import org.cascadesim.models.scenario.StepPhase;
import org.cascadesim.models.scenario.ThreadPoolRuntime;
import org.cascadesim.models.scenario.UnboundedCapacity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidScenarioFilesTest {
  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;
  private static final Path DIR = Path.of("src/test/resources/scenarios/valid");

  private final ScenarioReader reader = new ScenarioReader();

  @ParameterizedTest
  @ValueSource(strings = {"minimal.yaml", "all-kinds.yaml", "checkout.json"})
  void readsValidFixtures(String file) {
    assertThat(reader.read(DIR.resolve(file)).base().name()).isNotBlank();
  }

  @Test
  void readsTheBundledQuickstartScenario() {
    ResolvedScenario s = reader.read(Path.of("../scenarios/quickstart.yaml"));
    assertThat(s.base().name()).isEqualTo("quickstart");
    assertThat(s.variants()).containsOnlyKeys("fixed");
    CallStep call =
        (CallStep) s.spec("fixed").services().get("checkout").endpoints().get("/pay").steps().get(1);
    assertThat(call.timeoutNanos()).isEqualTo(200 * MS);
    CallStep baseCall =
        (CallStep) s.base().services().get("checkout").endpoints().get("/pay").steps().get(1);
    assertThat(baseCall.hasTimeout()).isFalse();
  }

  @Test
  void fillsDefaultsForOmittedKeys() {
    ScenarioSpec spec = reader.read(DIR.resolve("minimal.yaml")).base();
    assertThat(spec.seed()).isEqualTo(ScenarioDefaults.SEED);
    assertThat(spec.warmupNanos()).isZero();
    assertThat(spec.limits().maxEvents()).isEqualTo(100_000_000L);
    assertThat(spec.limits().maxInFlight()).isEqualTo(1_000_000L);
    assertThat(spec.description()).isEmpty();
    assertThat(spec.clients().get("load").hasTimeout()).isFalse();
  }

  @Test
  void bindsEveryKindInTheKitchenSinkFixture() {
    ResolvedScenario s = reader.read(DIR.resolve("all-kinds.yaml"));
    ScenarioSpec spec = s.base();
    assertThat(spec.seed()).isEqualTo(42);
    assertThat(spec.durationNanos()).isEqualTo(300 * S);
    assertThat(spec.warmupNanos()).isEqualTo(30 * S);
    assertThat(spec.limits().maxEvents()).isEqualTo(5_000_000L);
    assertThat(spec.clients()).containsOnlyKeys("browsers", "batch", "cron");
    ClientSpec browsers = spec.clients().get("browsers");
    assertThat(browsers.target()).isEqualTo(new EndpointRef("frontend", "/home"));
    assertThat(((OpenLoopLoad) browsers.load()).arrivals())
        .isEqualTo(new ProfileArrivals(java.util.List.of(
            new StepPhase(20, 30 * S), new RampPhase(20, 20, 60 * S), new SpikePhase(3000, 120 * S, 5 * S))));
    assertThat(spec.services().get("frontend").runtime()).isEqualTo(new ThreadPoolRuntime(16, 100));
    assertThat(spec.services().get("payments").endpoints().get("/charge").steps().get(1))
        .isEqualTo(new CallStep(new DependencyRef("provider"), ScenarioDefaults.NO_TIMEOUT, false));
    assertThat(spec.dependencies().get("provider").capacity())
        .isEqualTo(new UnboundedCapacity(new LogNormalDist(120 * MS, 600 * MS)));
    assertThat(spec.dependencies().get("provider").faults()).containsExactly(
        new LatencyFault(60 * S, 150 * S, new ConstantDist(4 * S)),
        new ErrorRateFault(200 * S, 210 * S, 0.5),
        new HangFault(240 * S, 250 * S));
    BoundedCapacity postgres = (BoundedCapacity) spec.dependencies().get("postgres").capacity();
    assertThat(postgres.concurrency()).isEqualTo(20);
    assertThat(postgres.discipline()).isEqualTo(QueueDiscipline.LIFO);
    assertThat(postgres.queueLimit()).isEqualTo(200);
    assertThat(((EmpiricalDist) postgres.serviceTime()).points())
        .extracting(EmpiricalDist.Point::percentile)
        .containsExactly(50.0, 90.0, 99.0, 99.9, 100.0);
  }

  @Test
  void mergesVariantsMapsMergeListsReplace() {
    ResolvedScenario s = reader.read(DIR.resolve("all-kinds.yaml"));
    ScenarioSpec fixed = s.spec("fixed");
    assertThat(s.variants().get("fixed").description()).startsWith("deadline on the provider");
    // maps merge: only the queue changed, threads kept from the base
    assertThat(fixed.services().get("frontend").runtime()).isEqualTo(new ThreadPoolRuntime(16, 10));
    // lists replace: the variant's /charge has three steps, the base four
    assertThat(fixed.services().get("payments").endpoints().get("/charge").steps()).hasSize(3);
    assertThat(s.base().services().get("payments").endpoints().get("/charge").steps()).hasSize(4);
    // untouched parts are identical
    assertThat(fixed.dependencies()).isEqualTo(s.base().dependencies());
  }

  @Test
  void variantThatChangesADistributionKindReplacesTheWholeMap() {
    ScenarioSpec spec = reader.read(DIR.resolve("all-kinds.yaml")).spec("provider-constant");
    assertThat(spec.dependencies().get("provider").capacity())
        .isEqualTo(new UnboundedCapacity(new ConstantDist(100 * MS)));
  }

  @Test
  void variantNullRemovesAKeySoItsDefaultApplies() {
    ResolvedScenario s = reader.read(DIR.resolve("all-kinds.yaml"));
    assertThat(s.spec("no-timeout").clients().get("browsers").hasTimeout()).isFalse();
    assertThat(s.spec("unbounded-postgres").dependencies().get("postgres").capacity())
        .isEqualTo(new UnboundedCapacity(new ConstantDist(5 * MS)));
  }

  @Test
  void readsJsonLikeYaml() {
    ResolvedScenario s = reader.read(DIR.resolve("checkout.json"));
    assertThat(s.base().clients().get("shoppers").load())
        .isEqualTo(new OpenLoopLoad(new PoissonArrivals(20)));
    assertThat(s.spec("more-threads").services().get("checkout").runtime())
        .isEqualTo(new ThreadPoolRuntime(32, ScenarioDefaults.UNBOUNDED));
  }
}
