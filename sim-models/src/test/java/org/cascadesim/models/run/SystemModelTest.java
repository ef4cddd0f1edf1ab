package org.cascadesim.models.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cascadesim.core.RunResult;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.StopReason;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.dependency.FaultPhase;
import org.cascadesim.models.load.ArrivalProcess;
import org.cascadesim.models.load.Client;
import org.cascadesim.models.load.InFlightLimit;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.runtime.Service;
import org.cascadesim.models.runtime.Step;
import org.cascadesim.models.runtime.WorkerPoolRuntime;
import org.junit.jupiter.api.Test;

class SystemModelTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void singleThreadServiceWithExponentialCpuMatchesMm1MeanResponseTime() {
    // M/M/1 with lambda = 80/s, mu = 100/s: mean response time W = 1/(mu - lambda) = 50 ms.
    Simulation sim = new Simulation(11);
    SystemModel model = new SystemModel(sim, 2_000 * SECOND, new InFlightLimit(1_000_000));
    Service service = new Service(sim, "api", s -> new WorkerPoolRuntime(s, "api", 1, WorkerPoolRuntime.UNBOUNDED, true));
    service.endpoint("/x").setProgram(List.of(new Step.Cpu(new Distribution.Exponential(0.01 * SECOND))));
    model.add(service);
    Client client = Client.openLoop(sim, "c", service.endpoint("/x"), new ArrivalProcess.Poisson(80),
        Invocation.NO_TIMEOUT, model.limit());
    model.add(client);

    RunResult result = model.run();

    assertThat(result.reason()).isEqualTo(StopReason.END_TIME);
    assertThat(client.stats().balances()).isTrue();
    double meanMillis = client.stats().latency().histogram().getMean() / 1e6;
    assertThat(meanMillis).isCloseTo(50.0, org.assertj.core.data.Percentage.withPercentage(8));
  }

  @Test
  void hungDependencyKeepsCallsInFlightUntilTheClientTimesOut() {
    Simulation sim = new Simulation(3);
    SystemModel model = new SystemModel(sim, 20 * SECOND, new InFlightLimit(1_000_000));
    Dependency provider = new Dependency(sim, "provider", new Distribution.Constant(0.01 * SECOND), 0,
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1,
        List.of(new FaultPhase(5 * SECOND, 10 * SECOND, null, Double.NaN, true)));
    Service service = new Service(sim, "pay", s -> new org.cascadesim.models.runtime.GoroutineRuntime(s, "pay"));
    service.endpoint("/charge").setProgram(List.of(new Step.Call(provider, Invocation.NO_TIMEOUT, false)));
    Client client = Client.openLoop(sim, "c", service.endpoint("/charge"), new ArrivalProcess.Constant(10),
        SECOND, model.limit());
    model.add(service);
    model.add(provider);
    model.add(client);

    model.run();

    // 50 requests start inside the 5 s hang; each one times out at the client after 1 s and stays
    // in flight at the endpoint and the provider for ever.
    assertThat(client.stats().count(Outcome.TIMEOUT)).isEqualTo(50);
    assertThat(service.endpoint("/charge").stats().inFlight()).isEqualTo(50);
    assertThat(provider.stats().inFlight()).isEqualTo(50);
    assertThat(client.stats().balances()).isTrue();
    assertThat(service.endpoint("/charge").stats().balances()).isTrue();
    assertThat(provider.stats().balances()).isTrue();
  }

  @Test
  void aRunStoppedByALimitMeasuresUpToTheStopAndFromZeroInsideItsWarmup() {
    for (long warmupSeconds : new long[] {0, 1, 5}) {
      Simulation sim = new Simulation(3);
      SystemModel model = new SystemModel(sim, 60 * SECOND, warmupSeconds * SECOND, new InFlightLimit(20));
      Dependency hung = new Dependency(sim, "hung", new Distribution.Constant(0.01 * SECOND), 0,
          Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1,
          List.of(new FaultPhase(0, 60 * SECOND, null, Double.NaN, true)));
      sendTenPerSecondThrough(sim, model, hung);

      RunResult stop = model.run();
      RunSummary summary = RunSummary.of("limit", "base", model, stop);

      // Sends at 0, 0.1 s, ...; nothing answers, so the 21st request (at 2.0 s) passes the limit.
      assertThat(stop.hitLimit()).isTrue();
      assertThat(stop.timeNanos()).isEqualTo(2 * SECOND);
      long expected = warmupSeconds < 2 ? (2 - warmupSeconds) * SECOND : 2 * SECOND;
      assertThat(summary.measuredNanos()).as("warm-up %d s", warmupSeconds).isEqualTo(expected);
      // the totals cover that span: 21 offered from 0, or the 10 in flight at 1 s plus the 11 sent since
      assertThat(summary.clients().get(0).offered()).isEqualTo(21);
    }
  }

  @Test
  void warmupRestartsTotalsButKeepsConservationAndTheTimeSeries() {
    Simulation sim = new Simulation(5);
    SystemModel model = new SystemModel(sim, 20 * SECOND, 10 * SECOND, new InFlightLimit(1_000_000));
    Dependency slow = new Dependency(sim, "slow", new Distribution.Constant(2.5 * SECOND), 0,
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, List.of());
    sendTenPerSecondThrough(sim, model, slow);

    RunResult stop = model.run();
    RunSummary summary = RunSummary.of("w", "base", model, stop);

    // Arrivals every 100 ms from t = 0; each takes 2.5 s. The warm-up ends at t = 10 s before
    // anything else scheduled for that instant (it was scheduled first): the 25 requests sent at
    // 7.5 s .. 9.9 s are in flight and count as offered in the measured period, as do the 100 sent
    // at 10.0 s .. 19.9 s. Answered: those 25, plus the 76 sent at 10.0 s .. 17.5 s (the last one
    // answers exactly at the 20 s end, which is included). The 24 sent later are still in flight.
    TrafficSummary c = summary.clients().get(0);
    assertThat(c.offered()).isEqualTo(25 + 100);
    assertThat(c.count(Outcome.OK)).isEqualTo(25 + 76);
    assertThat(c.inFlight()).isEqualTo(24);
    assertThat(c.balances()).isTrue();
    assertThat(summary.balances()).isTrue();
    assertThat(c.latency().getTotalCount()).isEqualTo(101);
    assertThat(summary.measuredNanos()).isEqualTo(10 * SECOND);
    // The time series still covers the warm-up: answers in seconds 2..9 are there.
    double[] okPerWindow = summary.timeSeries().values("client.c.outcome.ok");
    assertThat(okPerWindow[5]).isEqualTo(10);
  }

  /** A goroutine service whose /x calls {@code dependency}, and a client sending to it 10 times a second from t = 0. */
  private static void sendTenPerSecondThrough(Simulation sim, SystemModel model, Dependency dependency) {
    Service service = new Service(sim, "s", s -> new org.cascadesim.models.runtime.GoroutineRuntime(s, "s"));
    service.endpoint("/x").setProgram(List.of(new Step.Call(dependency, Invocation.NO_TIMEOUT, false)));
    model.add(service);
    model.add(dependency);
    model.add(Client.openLoop(sim, "c", service.endpoint("/x"), new ArrivalProcess.Constant(10),
        Invocation.NO_TIMEOUT, model.limit()));
  }
}
