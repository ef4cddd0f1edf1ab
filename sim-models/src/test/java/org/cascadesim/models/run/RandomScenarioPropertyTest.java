package org.cascadesim.models.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.models.scenario.BoundedCapacity;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.ClientSpec;
import org.cascadesim.models.scenario.ClosedLoopLoad;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.CpuStep;
import org.cascadesim.models.scenario.DependencyRef;
import org.cascadesim.models.scenario.DependencySpec;
import org.cascadesim.models.scenario.DistributionSpec;
import org.cascadesim.models.scenario.EndpointRef;
import org.cascadesim.models.scenario.EndpointSpec;
import org.cascadesim.models.scenario.ErrorRateFault;
import org.cascadesim.models.scenario.ExponentialDist;
import org.cascadesim.models.scenario.FaultSpec;
import org.cascadesim.models.scenario.GoroutinesRuntime;
import org.cascadesim.models.scenario.HangFault;
import org.cascadesim.models.scenario.IoStep;
import org.cascadesim.models.scenario.LatencyFault;
import org.cascadesim.models.scenario.LimitsSpec;
import org.cascadesim.models.scenario.LogNormalDist;
import org.cascadesim.models.scenario.OpenLoopLoad;
import org.cascadesim.models.scenario.PoissonArrivals;
import org.cascadesim.models.scenario.ProfileArrivals;
import org.cascadesim.models.scenario.QueueDiscipline;
import org.cascadesim.models.scenario.RampPhase;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.ScenarioValidator;
import org.cascadesim.models.scenario.ServiceSpec;
import org.cascadesim.models.scenario.SpikePhase;
import org.cascadesim.models.scenario.StepPhase;
import org.cascadesim.models.scenario.StepSpec;
import org.cascadesim.models.scenario.ThreadPoolRuntime;
import org.cascadesim.models.scenario.UnboundedCapacity;

/**
 * Randomly generated valid scenarios run without exceptions and every client, endpoint and
 * dependency balances: offered = answered + in flight.
 */
class RandomScenarioPropertyTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @Property(tries = 60)
  void randomValidScenariosRunAndConserveRequests(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    ScenarioSpec spec = randomScenario(new RandomStream("scenario-generator", seed));
    assertThat(new ScenarioValidator().validate(spec)).as("generated scenario is valid").isEmpty();

    RunSummary first = ScenarioRunner.run(spec, "base", seed);

    assertThat(first.balances()).as("conservation in %s", spec).isTrue();
    assertThat(first.stop().timeNanos()).isLessThanOrEqualTo(spec.durationNanos());
    RunSummary second = ScenarioRunner.run(spec, "base", seed);
    assertThat(second.stop().eventsExecuted()).isEqualTo(first.stop().eventsExecuted());
    assertThat(second.clients()).isEqualTo(first.clients());
  }

  static ScenarioSpec randomScenario(RandomStream r) {
    long duration = (5 + r.nextInt(26)) * S;
    Map<String, DependencySpec> dependencies = new LinkedHashMap<>();
    int dependencyCount = 1 + r.nextInt(3);
    for (int i = 0; i < dependencyCount; i++) {
      dependencies.put("dep" + i, dependency(r, duration));
    }
    Map<String, ServiceSpec> services = new LinkedHashMap<>();
    int serviceCount = 1 + r.nextInt(3);
    for (int s = serviceCount - 1; s >= 0; s--) {
      Map<String, EndpointSpec> endpoints = new LinkedHashMap<>();
      int endpointCount = 1 + r.nextInt(2);
      for (int e = 0; e < endpointCount; e++) {
        List<StepSpec> steps = new ArrayList<>();
        int stepCount = 1 + r.nextInt(4);
        for (int k = 0; k < stepCount; k++) {
          steps.add(step(r, s, serviceCount, dependencyCount));
        }
        endpoints.put("/e" + e, new EndpointSpec(steps));
      }
      ServiceSpec service = new ServiceSpec(
          r.nextBoolean(0.5) ? new GoroutinesRuntime()
              : new ThreadPoolRuntime(1 + r.nextInt(8), r.nextBoolean(0.5) ? ScenarioDefaults.UNBOUNDED : r.nextInt(20)),
          endpoints);
      services.put("svc" + s, service);
    }
    Map<String, ClientSpec> clients = new LinkedHashMap<>();
    int clientCount = 1 + r.nextInt(2);
    for (int c = 0; c < clientCount; c++) {
      EndpointRef target = new EndpointRef("svc0", "/e0");
      long timeout = r.nextBoolean(0.5) ? ScenarioDefaults.NO_TIMEOUT : (50 + r.nextInt(2000)) * MS;
      clients.put("client" + c, new ClientSpec(target, load(r, duration), timeout));
    }
    return new ScenarioSpec("random", "", 1, duration, 0, new LimitsSpec(5_000_000, 100_000),
        clients, services, dependencies);
  }

  private static StepSpec step(RandomStream r, int service, int serviceCount, int dependencyCount) {
    int kind = r.nextInt(4);
    if (kind == 0) {
      return new CpuStep(dist(r, 5));
    }
    if (kind == 1) {
      return new IoStep(dist(r, 20));
    }
    long timeout = r.nextBoolean(0.5) ? ScenarioDefaults.NO_TIMEOUT : (10 + r.nextInt(500)) * MS;
    boolean cancel = r.nextBoolean(0.3);
    if (kind == 2 && service + 1 < serviceCount) {
      // Calls only go to services with a higher index: no cycles.
      return new CallStep(new EndpointRef("svc" + (service + 1), "/e0"), timeout, cancel);
    }
    return new CallStep(new DependencyRef("dep" + r.nextInt(dependencyCount)), timeout, cancel);
  }

  private static DependencySpec dependency(RandomStream r, long duration) {
    List<FaultSpec> faults = new ArrayList<>();
    if (r.nextBoolean(0.6)) {
      long from = r.nextInt((int) (duration / S)) * S;
      long to = Math.min(duration, from + (1 + r.nextInt(10)) * S);
      int kind = r.nextInt(3);
      faults.add(kind == 0 ? new LatencyFault(from, to, dist(r, 500))
          : kind == 1 ? new ErrorRateFault(from, to, r.nextDouble()) : new HangFault(from, to));
    }
    double errorRate = r.nextBoolean(0.5) ? 0 : r.nextDouble() * 0.2;
    if (r.nextBoolean(0.5)) {
      return new DependencySpec(new UnboundedCapacity(dist(r, 50)), errorRate, faults);
    }
    return new DependencySpec(new BoundedCapacity(1 + r.nextInt(10), dist(r, 20),
        r.nextBoolean(0.5) ? QueueDiscipline.FIFO : QueueDiscipline.LIFO,
        r.nextBoolean(0.5) ? ScenarioDefaults.UNBOUNDED : r.nextInt(30)), errorRate, faults);
  }

  private static org.cascadesim.models.scenario.LoadSpec load(RandomStream r, long duration) {
    int kind = r.nextInt(3);
    if (kind == 0) {
      return new OpenLoopLoad(new PoissonArrivals(1 + r.nextInt(200)));
    }
    if (kind == 1) {
      return new ClosedLoopLoad(1 + r.nextInt(50), dist(r, 100));
    }
    long third = duration / 3;
    return new OpenLoopLoad(new ProfileArrivals(List.of(
        new StepPhase(1 + r.nextInt(50), third),
        new RampPhase(1 + r.nextInt(50), 1 + r.nextInt(200), third),
        new SpikePhase(1 + r.nextInt(300), third / 2, third / 4))));
  }

  private static DistributionSpec dist(RandomStream r, int scaleMillis) {
    long mean = (1 + r.nextInt(scaleMillis)) * MS;
    return switch (r.nextInt(3)) {
      case 0 -> new ConstantDist(mean);
      case 1 -> new ExponentialDist(mean);
      default -> new LogNormalDist(mean, mean * (2 + r.nextInt(10)));
    };
  }
}
