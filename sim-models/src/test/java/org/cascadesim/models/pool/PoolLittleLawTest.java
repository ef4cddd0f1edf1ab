package org.cascadesim.models.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ClientSpec;
import org.cascadesim.models.scenario.ConnectionPoolSpec;
import org.cascadesim.models.scenario.ConstantArrivals;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.DependencyRef;
import org.cascadesim.models.scenario.DependencySpec;
import org.cascadesim.models.scenario.EndpointRef;
import org.cascadesim.models.scenario.EndpointSpec;
import org.cascadesim.models.scenario.GoroutinesRuntime;
import org.cascadesim.models.scenario.LimitsSpec;
import org.cascadesim.models.scenario.OpenLoopLoad;
import org.cascadesim.models.scenario.PoolSpec;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.ScenarioValidator;
import org.cascadesim.models.scenario.ServiceSpec;
import org.cascadesim.models.scenario.UnboundedCapacity;
import org.cascadesim.models.scenario.WithStep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Little's law caps a pool: 50 connections each held 4 s complete at most 50 / 4 = 12.5 acquires
 * per second, so arrivals at rate lambda above that leave the waiter queue growing at lambda -
 * 12.5 per second (mechanisms.md c.4), and the goroutines with it.
 */
class PoolLittleLawTest {

  private static final long S = 1_000_000_000L;

  static ScenarioSpec heldAcrossSlowCall(double ratePerSecond) {
    Map<String, PoolSpec> pools = new LinkedHashMap<>();
    pools.put("db", ConnectionPoolSpec.ofSize(50));
    Map<String, EndpointSpec> endpoints = new LinkedHashMap<>();
    endpoints.put("/charge", new EndpointSpec(List.of(new WithStep("db", List.of(
        new CallStep(new DependencyRef("provider"), ScenarioDefaults.NO_TIMEOUT, false))))));
    Map<String, ServiceSpec> services = new LinkedHashMap<>();
    services.put("payments", new ServiceSpec(new GoroutinesRuntime(), endpoints, pools, new LinkedHashMap<>(), new LinkedHashMap<>()));
    Map<String, DependencySpec> dependencies = new LinkedHashMap<>();
    dependencies.put("provider", new DependencySpec(new UnboundedCapacity(new ConstantDist(4 * S)), 0, List.of()));
    Map<String, ClientSpec> clients = new LinkedHashMap<>();
    clients.put("checkout", new ClientSpec(new EndpointRef("payments", "/charge"),
        new OpenLoopLoad(new ConstantArrivals(ratePerSecond)), ScenarioDefaults.NO_TIMEOUT));
    return new ScenarioSpec("little", "", 1, 60 * S, 0, LimitsSpec.defaults(), clients, services, dependencies);
  }

  @ParameterizedTest(name = "{0}/s into 50 connections held 4s")
  @CsvSource({"15", "20", "30"})
  void waitersGrowAtTheArrivalRateAboveTheLittleLawCap(double rate) {
    ScenarioSpec spec = heldAcrossSlowCall(rate);
    assertThat(new ScenarioValidator().validate(spec)).isEmpty();
    RunSummary run = ScenarioRunner.run(spec, "base", 1);

    double expected = rate - 50 / 4.0;
    List<PoolSaturation.Growth> growth = PoolSaturation.detect(run.timeSeries());
    assertThat(growth).hasSize(1);
    assertThat(growth.get(0).pool()).isEqualTo("payments.db");
    assertThat(growth.get(0).perSecond()).as("waiter growth /s").isCloseTo(expected,
        org.assertj.core.data.Offset.offset(0.05 * expected + 0.2));
    // The goroutines in flight are the 50 holders plus the waiters: they grow at the same rate.
    double[] goroutines = run.timeSeries().values("service.payments.goroutines.mean");
    double[] waiters = run.timeSeries().values("pool.payments.db.waiters.mean");
    assertThat(goroutines[59] - waiters[59]).isCloseTo(50, org.assertj.core.data.Offset.offset(1.0));
    double[] bytes = run.timeSeries().values("service.payments.goroutine-bytes.mean");
    assertThat(bytes[59]).isCloseTo(goroutines[59] * 8192, org.assertj.core.data.Offset.offset(1.0));
    // Completions never beat the cap: at most 12.5/s on average once the first 4 s have passed.
    long completed = run.endpoints().get(0).count(org.cascadesim.models.request.Outcome.OK);
    assertThat(completed).isLessThanOrEqualTo((long) (12.5 * 56) + 50);
  }

  @ParameterizedTest(name = "{0}/s stays under the cap")
  @CsvSource({"10", "12"})
  void belowTheCapNoGrowthIsReported(double rate) {
    RunSummary run = ScenarioRunner.run(heldAcrossSlowCall(rate), "base", 1);
    assertThat(PoolSaturation.detect(run.timeSeries())).isEmpty();
    assertThat(run.timeSeries().values("pool.payments.db.waiters.max")).containsOnly(0.0);
  }
}
