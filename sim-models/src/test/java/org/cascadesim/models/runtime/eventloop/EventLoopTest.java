package org.cascadesim.models.runtime.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.LatencyRecorder;
import org.cascadesim.core.metrics.TimeWeightedGauge;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.models.breaker.BreakerCallee;
import org.cascadesim.models.breaker.GuardedCall;
import org.cascadesim.models.breaker.OpossumBreaker;
import org.cascadesim.models.breaker.OpossumConfig;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.cascadesim.models.runtime.Endpoint;
import org.cascadesim.models.runtime.Service;
import org.cascadesim.models.runtime.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The event loop's rules, each with hand-computed times: callbacks run first in, first out, each
 * to completion (a {@code cpu} step blocks every endpoint and late timers), waits and offloads
 * give the loop back, the pool is FIFO with N threads, completion callbacks and the per-request
 * overhead cost loop time, limited cores are shared equally, and a failed answer queues for the
 * loop like a successful one.
 */
class EventLoopTest {

  private static final long MS = 1_000_000L;
  private static final long US = 1_000L;

  private final Simulation sim = new Simulation(1);
  private final List<String> log = new ArrayList<>();

  private Service service(long overheadNanos, int poolThreads, long callbackCostNanos, int cores) {
    EventLoop.Config config = new EventLoop.Config(overheadNanos, poolThreads, callbackCostNanos, cores);
    return new Service(sim, "api", s -> new EventLoop(s, "api", config));
  }

  private static Step cpu(long nanos) {
    return new Step.Cpu(new Distribution.Constant(nanos));
  }

  private static Step io(long nanos) {
    return new Step.Io(new Distribution.Constant(nanos));
  }

  private static Step offload(long nanos) {
    return new Offload(new Distribution.Constant(nanos));
  }

  /** Sends one request at {@code atNanos} and logs "name outcome at <ns>" when it is answered. */
  private void send(String name, Endpoint endpoint, long atNanos, long timeoutNanos, boolean cancel) {
    sim.scheduleAt(atNanos, () -> Invocation.send(sim, endpoint, new RequestContext(log.size(), 1, null),
        timeoutNanos, cancel, outcome -> log.add(name + " " + outcome + " at " + sim.nowNanos())));
  }

  private void send(String name, Endpoint endpoint, long atNanos) {
    send(name, endpoint, atNanos, Invocation.NO_TIMEOUT, false);
  }

  private LatencyRecorder latency(String name) {
    return (LatencyRecorder) sim.metrics().find(name);
  }

  @Test
  void cpuOnTheLoopDelaysEveryOtherEndpoint() {
    Service api = service(0, 4, 0, CpuCores.UNLIMITED);
    api.endpoint("/report").setProgram(List.of(cpu(80 * MS), cpu(120 * MS)));
    api.endpoint("/health").setProgram(List.of(cpu(500 * US)));
    send("report", api.endpoint("/report"), 0);
    send("health", api.endpoint("/health"), 1 * MS);
    sim.runUntilIdle();

    // /health arrives 1 ms into a 200 ms callback: it starts at 200 ms and ends 0.5 ms later.
    assertThat(log).containsExactly("report OK at " + 200 * MS, "health OK at " + (200 * MS + 500 * US));
    assertThat(latency("service.api.loop.lag").histogram().getMaxValue())
        .isBetween(199 * MS - 199 * US, 199 * MS + 199 * US); // HdrHistogram keeps 3 digits
  }

  @Test
  void aTimerFiresLateWhileTheLoopIsBusy() {
    Service api = service(0, 4, 0, CpuCores.UNLIMITED);
    api.endpoint("/sleep").setProgram(List.of(io(10 * MS)));
    api.endpoint("/block").setProgram(List.of(cpu(100 * MS)));
    send("sleep", api.endpoint("/sleep"), 0);
    send("block", api.endpoint("/block"), 1 * MS);
    sim.runUntilIdle();

    // The 10 ms timer is due at 10 ms, but the loop is blocked from 1 ms to 101 ms.
    // Both answer at 101 ms (the loop hands over before the first answer is reported).
    assertThat(log).containsExactlyInAnyOrder("block OK at " + 101 * MS, "sleep OK at " + 101 * MS);
    assertThat(latency("service.api.loop.lag").histogram().getMaxValue())
        .isBetween(91 * MS - 91 * US, 91 * MS + 91 * US);
  }

  @Test
  void eachRequestCostsTheOverheadOnTheLoopBeforeItsHandler() {
    Service api = service(200 * US, 4, 0, CpuCores.UNLIMITED);
    api.endpoint("/x").setProgram(List.of(cpu(1 * MS), io(5 * MS), cpu(1 * MS)));
    send("a", api.endpoint("/x"), 0);
    send("b", api.endpoint("/x"), 0);
    sim.runUntilIdle();

    // a: 0.2 + 1 on the loop, 5 ms of io, then 1 more (the continuation has no overhead).
    // b: waits for a's first callback (1.2 ms), then 0.2 + 1, io, 1 -> 2.4 + 5 + 1.
    assertThat(log).containsExactly("a OK at " + (7 * MS + 200 * US), "b OK at " + (8 * MS + 400 * US));
  }

  @Test
  void offloadGivesTheLoopBackAndItsCompletionCallbackCostsLoopTime() {
    Service api = service(0, 4, 50 * US, CpuCores.UNLIMITED);
    api.endpoint("/report").setProgram(List.of(offload(100 * MS), cpu(1 * MS)));
    api.endpoint("/health").setProgram(List.of(cpu(500 * US)));
    send("report", api.endpoint("/report"), 0);
    send("health", api.endpoint("/health"), 1 * MS);
    sim.runUntilIdle();

    assertThat(log).containsExactly(
        "health OK at " + (1 * MS + 500 * US),
        "report OK at " + (100 * MS + 50 * US + 1 * MS));
  }

  @Test
  void thePoolRunsAtMostItsThreadsAndQueuesTheRestFirstInFirstOut() {
    Service api = service(0, 4, 50 * US, CpuCores.UNLIMITED);
    api.endpoint("/x").setProgram(List.of(offload(100 * MS)));
    for (int i = 0; i < 6; i++) {
      send("r" + i, api.endpoint("/x"), 0);
    }
    sim.runUntilIdle();

    // Four finish at 100 ms and their callbacks take turns on the loop; the last two wait 100 ms.
    assertThat(log).containsExactly(
        "r0 OK at " + (100 * MS + 50 * US),
        "r1 OK at " + (100 * MS + 100 * US),
        "r2 OK at " + (100 * MS + 150 * US),
        "r3 OK at " + (100 * MS + 200 * US),
        "r4 OK at " + (200 * MS + 50 * US),
        "r5 OK at " + (200 * MS + 100 * US));
    LatencyRecorder wait = latency("service.api.pool.wait");
    assertThat(wait.count()).isEqualTo(6);
    assertThat(wait.histogram().getMaxValue()).isBetween(100 * MS - 100 * US, 100 * MS + 100 * US);
    TimeWeightedGauge queue = (TimeWeightedGauge) sim.metrics().find("service.api.pool.queue");
    assertThat(queue.max()).isEqualTo(2);
  }

  @Test
  void fourPoolThreadsOnTwoCoresTakeTwiceAsLong() {
    Service api = service(0, 4, 0, 2);
    api.endpoint("/x").setProgram(List.of(offload(100 * MS)));
    for (int i = 0; i < 4; i++) {
      send("r" + i, api.endpoint("/x"), 0);
    }
    sim.runUntilIdle();

    assertThat(log).containsExactly("r0 OK at " + 200 * MS, "r1 OK at " + 200 * MS,
        "r2 OK at " + 200 * MS, "r3 OK at " + 200 * MS);
  }

  @Test
  void theLoopSharesOneCoreWithABusyPoolThread() {
    Service api = service(0, 4, 0, 1);
    api.endpoint("/offload").setProgram(List.of(offload(100 * MS)));
    api.endpoint("/sync").setProgram(List.of(cpu(100 * MS)));
    send("offload", api.endpoint("/offload"), 0);
    send("sync", api.endpoint("/sync"), 0);
    sim.runUntilIdle();

    // Both compute at half speed on the one core, so both need 200 ms.
    assertThat(log).containsExactlyInAnyOrder("offload OK at " + 200 * MS, "sync OK at " + 200 * MS);
  }

  @Test
  void aCancelledRequestWaitingForTheLoopLeavesTheQueue() {
    Service api = service(0, 4, 0, CpuCores.UNLIMITED);
    api.endpoint("/block").setProgram(List.of(cpu(100 * MS)));
    api.endpoint("/x").setProgram(List.of(cpu(1 * MS)));
    send("block", api.endpoint("/block"), 0);
    send("x", api.endpoint("/x"), 1 * MS, 10 * MS, true);
    sim.runUntilIdle();

    assertThat(log).containsExactly("x TIMEOUT at " + 11 * MS, "block OK at " + 100 * MS);
    assertThat(api.endpoint("/x").stats().count(Outcome.TIMEOUT)).isEqualTo(1);
    assertThat(api.endpoint("/x").stats().balances()).isTrue();
    assertThat(((EventLoop) api.runtime()).queued()).isZero();
  }

  @Test
  void anAbandonedRequestStillRunsOnTheLoopWhenTheCallerDoesNotCancel() {
    Service api = service(0, 4, 0, CpuCores.UNLIMITED);
    api.endpoint("/block").setProgram(List.of(cpu(100 * MS)));
    api.endpoint("/x").setProgram(List.of(cpu(50 * MS)));
    Endpoint block = api.endpoint("/block");
    send("block", block, 0);
    send("x", api.endpoint("/x"), 1 * MS, 10 * MS, false);
    send("after", block, 2 * MS);
    sim.runUntilIdle();

    // x timed out at 11 ms but its 50 ms still run on the loop, in front of "after".
    assertThat(log).containsExactly("x TIMEOUT at " + 11 * MS, "block OK at " + 100 * MS,
        "after OK at " + 250 * MS);
  }

  @ParameterizedTest
  @EnumSource(value = Outcome.class, names = {"OK", "ERROR"})
  void aCallsAnswerWaitsForTheBusyLoopWhetherItSucceededOrFailed(Outcome answer) {
    Service api = service(0, 4, 0, CpuCores.UNLIMITED);
    api.endpoint("/x").setProgram(List.of(new Step.Call(new FixedDependency(sim, 10 * MS, answer), Invocation.NO_TIMEOUT, false)));
    api.endpoint("/block").setProgram(List.of(cpu(100 * MS)));
    send("x", api.endpoint("/x"), 0);
    send("block", api.endpoint("/block"), 1 * MS);
    sim.runUntilIdle();

    // The answer arrives at 10 ms, but the loop is blocked from 1 ms to 101 ms: the handler's
    // continuation, or its error handler, runs at 101 ms either way.
    assertThat(log).containsExactlyInAnyOrder("x " + answer + " at " + 101 * MS, "block OK at " + 101 * MS);
    assertThat(latency("service.api.loop.lag").histogram().getMaxValue())
        .isBetween(91 * MS - 91 * US, 91 * MS + 91 * US);
  }

  @Test
  void aCallTimeoutCancelsOnTimeButItsHandlerWaitsForTheBusyLoop() {
    Service api = service(0, 4, 0, CpuCores.UNLIMITED);
    FixedDependency hung = new FixedDependency(sim, 0, null);
    api.endpoint("/x").setProgram(List.of(new Step.Call(hung, 10 * MS, true)));
    api.endpoint("/block").setProgram(List.of(cpu(100 * MS)));
    send("x", api.endpoint("/x"), 0);
    send("block", api.endpoint("/block"), 1 * MS);
    sim.runUntilIdle();

    // The deadline decides the race at 10 ms (the hung work is cancelled then); the timeout's
    // handler is a loop callback, so x answers its error when the loop is free at 101 ms.
    assertThat(hung.cancelledAtNanos).containsExactly(10 * MS);
    assertThat(log).containsExactlyInAnyOrder("x ERROR at " + 101 * MS, "block OK at " + 101 * MS);
  }

  @Test
  void aCallTheBreakerRefusesAtOnceFailsWithinTheSameCallback() {
    Service api = service(0, 4, 0, CpuCores.UNLIMITED);
    OpossumBreaker breaker = new OpossumBreaker(sim, "api", "dep",
        OpossumConfig.defaults().withTimeoutNanos(0).withCapacity(1));
    RandomStream unused = sim.random("test.fallback");
    BreakerCallee through = new BreakerCallee(sim, new FixedDependency(sim, 0, null), Invocation.NO_TIMEOUT, false, breaker);
    api.endpoint("/x").setProgram(List.of(new GuardedCall(through, Invocation.NO_TIMEOUT, false,
        GuardedCall.Fallback.ERROR, new Distribution.Constant(0), unused)));
    api.endpoint("/block").setProgram(List.of(cpu(100 * MS)));
    api.endpoint("/y").setProgram(List.of(cpu(50 * MS)));
    send("x1", api.endpoint("/x"), 0); // holds the one semaphore permit for ever
    send("block", api.endpoint("/block"), 1 * MS);
    send("x2", api.endpoint("/x"), 2 * MS);
    send("y", api.endpoint("/y"), 3 * MS);
    sim.runUntilIdle();

    // x2 starts at 101 ms; the full semaphore rejects its call synchronously, so the rejection
    // handler runs in the same callback (a microtask) instead of queueing behind y.
    assertThat(log).containsExactlyInAnyOrder("x2 REJECTED at " + 101 * MS, "block OK at " + 101 * MS,
        "y OK at " + 151 * MS);
  }
}
