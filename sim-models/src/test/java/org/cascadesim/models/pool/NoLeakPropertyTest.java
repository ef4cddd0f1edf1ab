package org.cascadesim.models.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.load.ArrivalProcess;
import org.cascadesim.models.load.Client;
import org.cascadesim.models.load.InFlightLimit;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.runtime.Endpoint;
import org.cascadesim.models.runtime.GoroutineRuntime;
import org.cascadesim.models.runtime.Service;
import org.cascadesim.models.runtime.Step;
import org.cascadesim.models.runtime.WorkerPoolRuntime;

/**
 * No connection ever leaks: whatever the seed, acquire deadline, waiter limit, hand-off, call
 * timeouts (with and without cancellation), error rate and cancelling callers, the pool's books
 * hold after every event (in use + idle = size, nobody waits while a connection is idle) and,
 * once every request has ended, every connection is idle and every acquire was released.
 */
class NoLeakPropertyTest {

  private static final long MS = 1_000_000L;

  @Property(tries = 80)
  void everyConnectionComesBackOnEveryExitPath(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
    RandomStream gen = new RandomStream("no-leak-generator", seed);
    Simulation sim = new Simulation(seed);

    // Whole-millisecond constants make a release, a deadline and a cancellation fall on the same
    // instant, which is where hand-off races hide.
    boolean lattice = gen.nextBoolean(0.5);
    long providerMean = (1 + gen.nextInt(200)) * MS;
    Dependency provider = new Dependency(sim, "provider",
        lattice ? new Distribution.Constant(providerMean) : new Distribution.Exponential(providerMean),
        gen.nextDouble() * 0.3,
        gen.nextBoolean(0.5) ? Dependency.UNLIMITED : 1 + gen.nextInt(8), Dependency.QueueOrder.FIFO,
        gen.nextBoolean(0.5) ? -1 : gen.nextInt(5), List.of());
    Dependency postgres = new Dependency(sim, "postgres",
        lattice ? new Distribution.Constant(2 * MS) : new Distribution.Exponential(2 * MS),
        gen.nextDouble() * 0.1, Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, List.of());

    boolean threads = gen.nextBoolean(0.4);
    Service back = new Service(sim, "back", s -> threads
        ? new WorkerPoolRuntime(s, "back", 1 + gen.nextInt(20), gen.nextBoolean(0.5) ? WorkerPoolRuntime.UNBOUNDED : gen.nextInt(20), true)
        : new GoroutineRuntime(s, "back"));
    Handoff handoff = Handoff.values()[gen.nextInt(3)];
    ConnectionPool pool = new ConnectionPool(sim, "back", "db", 1 + gen.nextInt(10),
        gen.nextBoolean(0.5) ? ConnectionPool.NO_TIMEOUT : (1 + gen.nextInt(100)) * MS,
        gen.nextBoolean(0.5) ? ConnectionPool.UNBOUNDED : gen.nextInt(10), handoff, gen.nextInt(100) * 1000L);

    long callTimeout = gen.nextBoolean(0.5) ? Invocation.NO_TIMEOUT : (1 + gen.nextInt(150)) * MS;
    List<Step> body = new ArrayList<>();
    body.add(new Step.Call(provider, callTimeout, gen.nextBoolean(0.5)));
    body.add(new Step.Call(postgres, Invocation.NO_TIMEOUT, false));
    back.endpoint("/x").setProgram(List.of(new Step.Cpu(new Distribution.Constant(lattice ? MS : MS / 10)),
        new WithConnection(pool, body)));

    Service front = new Service(sim, "front", s -> new GoroutineRuntime(s, "front"));
    long frontTimeout = (1 + gen.nextInt(300)) * MS;
    front.endpoint("/y").setProgram(List.of(new Step.Call(back.endpoint("/x"), frontTimeout, gen.nextBoolean(0.7))));

    InFlightLimit limit = new InFlightLimit(1_000_000);
    List<Client> clients = List.of(
        Client.openLoop(sim, "via-front", front.endpoint("/y"), lattice
            ? new ArrivalProcess.Constant(5 + gen.nextInt(200)) : new ArrivalProcess.Poisson(5 + gen.nextInt(200)),
            Invocation.NO_TIMEOUT, limit),
        Client.openLoop(sim, "direct", back.endpoint("/x"), new ArrivalProcess.Poisson(1 + gen.nextInt(50)),
            gen.nextBoolean(0.5) ? Invocation.NO_TIMEOUT : (1 + gen.nextInt(200)) * MS, limit));

    String[] broken = new String[1];
    sim.setObserver((time, seq, action) -> {
      String problem = pool.checkInvariants();
      if (problem != null && broken[0] == null) {
        broken[0] = "at " + time + "ns: " + problem;
      }
    });
    for (Client c : clients) {
      c.start(3_000 * MS);
    }
    sim.runUntilIdle();

    assertThat(broken[0]).as("pool books after every event").isNull();
    for (Endpoint e : List.of(back.endpoint("/x"), front.endpoint("/y"))) {
      assertThat(e.stats().inFlight()).as(e.name() + " in flight after draining").isZero();
      assertThat(e.stats().balances()).isTrue();
    }
    assertThat(pool.inUse()).as("connections in use at the end").isZero();
    assertThat(pool.idle()).isEqualTo(pool.size());
    assertThat(pool.waiting()).isZero();
    long acquired = ((Counter) sim.metrics().find("pool.back.db.acquired")).count();
    assertThat(pool.releases()).as("every acquired connection was released once").isEqualTo(acquired);
  }
}
