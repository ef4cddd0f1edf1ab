package org.cascadesim.models.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.core.metrics.TimeWeightedGauge;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.cascadesim.models.runtime.GoroutineRuntime;
import org.cascadesim.models.runtime.Service;
import org.cascadesim.models.runtime.Step;
import org.cascadesim.models.runtime.WorkerPoolRuntime;
import org.junit.jupiter.api.Test;

/** The scoped {@code with} step: the connection comes back on every exit path, at the right instant. */
class WithConnectionTest {

  private static final long MS = 1_000_000L;

  private final Simulation sim = new Simulation(5);
  private final Service service = new Service(sim, "s", s -> new GoroutineRuntime(s, "s"));
  private final List<String> log = new ArrayList<>();

  private ConnectionPool pool(int size, long acquireTimeout) {
    return new ConnectionPool(sim, "s", "db", size, acquireTimeout, ConnectionPool.UNBOUNDED, Handoff.FIFO, 0);
  }

  private Dependency dependency(String name, long latency, double errorRate, int concurrency) {
    return new Dependency(sim, name, new Distribution.Constant(latency), errorRate, concurrency,
        Dependency.QueueOrder.FIFO, -1, List.of());
  }

  private void send(String name, String path, long atNanos, long timeout, boolean cancel) {
    sim.schedule(atNanos, () -> Invocation.send(sim, service.endpoint(path), new RequestContext(1, 1, null),
        timeout, cancel, o -> log.add(name + " " + o.label() + " @" + sim.nowNanos() / MS)));
  }

  /** A step that logs the connection count when it runs. */
  private Step probe(ConnectionPool pool, String what) {
    return execution -> {
      log.add(what + " inuse=" + pool.inUse() + " @" + sim.nowNanos() / MS);
      execution.proceed();
    };
  }

  private long pooled(String counter) {
    return ((Counter) sim.metrics().find("pool.s.db." + counter)).count();
  }

  @Test
  void theConnectionIsHeldForTheBlockAndReleasedWhenItEnds() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT);
    service.endpoint("/x").setProgram(List.of(
        new WithConnection(pool, List.of(new Step.Io(new Distribution.Constant(10 * MS)), probe(pool, "in"))),
        probe(pool, "after")));
    send("a", "/x", 0, Invocation.NO_TIMEOUT, false);
    send("b", "/x", 0, Invocation.NO_TIMEOUT, false);
    sim.runUntilIdle();

    assertThat(log).containsExactly("in inuse=1 @10", "after inuse=1 @10", "a ok @10",
        "in inuse=1 @20", "after inuse=0 @20", "b ok @20");
  }

  @Test
  void aFailedStepInsideReleasesTheConnection() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT);
    Dependency failing = dependency("d", 5 * MS, 1.0, Dependency.UNLIMITED);
    service.endpoint("/x").setProgram(List.of(new WithConnection(pool,
        List.of(new Step.Call(failing, Invocation.NO_TIMEOUT, false)))));
    send("a", "/x", 0, Invocation.NO_TIMEOUT, false);
    send("b", "/x", 0, Invocation.NO_TIMEOUT, false);
    sim.runUntilIdle();

    assertThat(log).containsExactly("a error @5", "b error @10");
    assertThat(pool.inUse()).isZero();
  }

  @Test
  void aCallTimeoutReleasesTheConnectionAtTheDeadlineWhileTheCalleeKeepsWorking() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT);
    Dependency slow = dependency("provider", 4_000 * MS, 0, 1);
    service.endpoint("/x").setProgram(List.of(new WithConnection(pool,
        List.of(new Step.Call(slow, 1_000 * MS, false)))));
    send("a", "/x", 0, Invocation.NO_TIMEOUT, false);
    sim.schedule(1_000 * MS + 1, () -> log.add("inuse=" + pool.inUse() + " provider busy="
        + ((TimeWeightedGauge) sim.metrics().find("dependency.provider.busy")).value()));
    sim.runUntilIdle();

    // The caller's deadline ends the call: a timeout at this hop, an error for the handler's
    // caller; the provider still works on it for 4 s (an uncancellable provider call).
    assertThat(log).containsExactly("a error @1000", "inuse=0 provider busy=1");
    assertThat(slow.stats().count(Outcome.OK)).isEqualTo(1);
    assertThat(sim.nowNanos()).isEqualTo(4_000 * MS);
  }

  @Test
  void aCancellingCallTimeoutAlsoFreesTheCallee() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT);
    Dependency slow = dependency("provider", 4_000 * MS, 0, 1);
    service.endpoint("/x").setProgram(List.of(new WithConnection(pool,
        List.of(new Step.Call(slow, 1_000 * MS, true)))));
    send("a", "/x", 0, Invocation.NO_TIMEOUT, false);
    sim.runUntilIdle();

    assertThat(log).containsExactly("a error @1000");
    assertThat(slow.stats().count(Outcome.TIMEOUT)).isEqualTo(1);
    assertThat(sim.nowNanos()).as("nothing left running").isEqualTo(1_000 * MS);
    assertThat(pool.inUse()).isZero();
  }

  @Test
  void anAcquireDeadlineFailsTheHandlerAsRejected() {
    ConnectionPool pool = pool(1, 100 * MS);
    service.endpoint("/x").setProgram(List.of(new WithConnection(pool,
        List.of(new Step.Io(new Distribution.Constant(1_000 * MS))))));
    send("a", "/x", 0, Invocation.NO_TIMEOUT, false);
    send("b", "/x", 0, Invocation.NO_TIMEOUT, false);
    sim.runUntilIdle();

    assertThat(log).containsExactly("b rejected @100", "a ok @1000");
    assertThat(pooled("acquire-timeouts")).isEqualTo(1);
    assertThat(service.endpoint("/x").stats().count(Outcome.REJECTED)).isEqualTo(1);
  }

  @Test
  void aCallerThatGivesUpWhileWaitingLeavesTheQueueAtOnce() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT);
    service.endpoint("/x").setProgram(List.of(new WithConnection(pool,
        List.of(new Step.Io(new Distribution.Constant(1_000 * MS))))));
    send("a", "/x", 0, Invocation.NO_TIMEOUT, false);
    send("b", "/x", 0, 50 * MS, true);
    sim.schedule(51 * MS, () -> log.add("waiting=" + pool.waiting()));
    sim.runUntilIdle();

    assertThat(log).containsExactly("b timeout @50", "waiting=0", "a ok @1000");
    assertThat(pooled("cancelled")).isEqualTo(1);
    assertThat(service.endpoint("/x").stats().count(Outcome.TIMEOUT)).as("server side books").isEqualTo(1);
    assertThat(service.endpoint("/x").stats().inFlight()).isZero();
  }

  @Test
  void aCallerThatGivesUpWithoutCancellingKeepsWaiting() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT);
    service.endpoint("/x").setProgram(List.of(new WithConnection(pool,
        List.of(new Step.Io(new Distribution.Constant(1_000 * MS))))));
    send("a", "/x", 0, Invocation.NO_TIMEOUT, false);
    send("b", "/x", 0, 50 * MS, false);
    sim.runUntilIdle();

    // Acquire() without a context: the abandoned handler still queues, then holds a connection.
    assertThat(log).containsExactly("b timeout @50", "a ok @1000");
    assertThat(sim.nowNanos()).isEqualTo(2_000 * MS);
    assertThat(service.endpoint("/x").stats().count(Outcome.OK)).isEqualTo(2);
  }

  @Test
  void aCancellationAtTheInstantOfTheHandOffReturnsTheConnection() {
    ConnectionPool pool = pool(1, ConnectionPool.NO_TIMEOUT);
    service.endpoint("/x").setProgram(List.of(new WithConnection(pool,
        List.of(new Step.Io(new Distribution.Constant(10 * MS))))));
    send("a", "/x", 0, Invocation.NO_TIMEOUT, false);
    // b's deadline falls on the release instant, after the hand-off was decided.
    send("b", "/x", 0, 10 * MS, true);
    sim.runUntilIdle();

    assertThat(log).containsExactly("a ok @10", "b timeout @10");
    assertThat(pool.inUse()).isZero();
    assertThat(pool.releases()).isEqualTo(2);
  }

  @Test
  void aNonBlockingRuntimeLendsTheWorkerOutWhileAHandlerWaitsForAConnection() {
    Service loop = new Service(sim, "loop", s -> new WorkerPoolRuntime(s, "loop", 1, WorkerPoolRuntime.UNBOUNDED, false));
    ConnectionPool pool = new ConnectionPool(sim, "loop", "db", 1, ConnectionPool.NO_TIMEOUT,
        ConnectionPool.UNBOUNDED, Handoff.FIFO, 0);
    loop.endpoint("/db").setProgram(List.of(new WithConnection(pool,
        List.of(new Step.Io(new Distribution.Constant(100 * MS))))));
    loop.endpoint("/cpu").setProgram(List.of(new Step.Cpu(new Distribution.Constant(MS))));
    for (String path : List.of("/db", "/db", "/cpu")) {
      Invocation.send(sim, loop.endpoint(path), new RequestContext(1, 1, null), Invocation.NO_TIMEOUT, false,
          o -> log.add(path + " " + o.label() + " @" + sim.nowNanos() / MS));
    }
    sim.runUntilIdle();

    assertThat(log).containsExactly("/cpu ok @1", "/db ok @100", "/db ok @200");
  }
}
