package org.cascadesim.models.runtime.eventloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.TimeWeightedGauge;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.cascadesim.models.runtime.Endpoint;
import org.cascadesim.models.runtime.Service;
import org.cascadesim.models.runtime.Step;
import org.cascadesim.core.support.ConfidenceInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The event loop and its pool against queueing theory. With Poisson arrivals and handlers that
 * are one {@code cpu} step, the loop is an M/G/1 queue, so the mean wait for the loop (the
 * event-loop lag of a request's first callback) is the Pollaczek-Khinchine value lambda E[S^2] /
 * (2 (1 - rho)) (Kleinrock, "Queueing Systems" vol. 1, chapter 5; mechanisms.md section d.1).
 * With one pool thread, free loop callbacks and constant work, the pool is an M/D/1 queue. A
 * failed call's error handler is a callback like any other, so it waits for the loop as long.
 *
 * <p>Method as in sim-core's QueueingTheoryTest: 30 batch means after one warm-up batch, a 95%
 * Student-t interval that must contain the analytic value (Law, "Simulation Modeling and
 * Analysis", section 9.5.3). Batches last 10 s of simulated time, long against the relaxation
 * time of these queues (about E[S] / (1 - sqrt(rho))^2, under 0.1 s here). Each test uses the
 * first seed tried.
 */
class EventLoopQueueingTest {

  private static final double MS = 1e6;
  private static final long BATCH_NANOS = 10_000_000_000L;
  private static final int WARMUP_BATCHES = 1;
  private static final int BATCHES = 30;
  private static final long END_NANOS = (WARMUP_BATCHES + BATCHES) * BATCH_NANOS;
  private static final double CONFIDENCE = 0.95;

  /** Per-batch sums and counts of one quantity, batched by the request's arrival time. */
  private static final class Batches {
    final double[] sum = new double[WARMUP_BATCHES + BATCHES];
    final long[] count = new long[WARMUP_BATCHES + BATCHES];

    void add(long arrivalNanos, double value) {
      int b = (int) (arrivalNanos / BATCH_NANOS);
      if (b < sum.length) {
        sum[b] += value;
        count[b]++;
      }
    }

    double[] measuredMeans() {
      double[] means = new double[BATCHES];
      for (int i = 0; i < BATCHES; i++) {
        means[i] = sum[WARMUP_BATCHES + i] / count[WARMUP_BATCHES + i];
      }
      return means;
    }
  }

  /**
   * Poisson arrivals, drawn from the stream {@code streamName}, into {@code endpoint} until the
   * last batch ends; replies go to {@code reply}.
   */
  private static void poissonArrivals(Simulation sim, String streamName, Endpoint endpoint,
      double meanGapNanos, List<Long> arrivals, Invocation.Reply reply) {
    RandomStream stream = sim.random(streamName);
    Distribution gap = new Distribution.Exponential(meanGapNanos);
    Runnable[] next = new Runnable[1];
    next[0] = () -> {
      long id = arrivals.size();
      arrivals.add(sim.nowNanos());
      Invocation.send(sim, endpoint, new RequestContext(id, 1, null), Invocation.NO_TIMEOUT, false, reply);
      long delay = gap.sampleNanos(stream);
      if (sim.nowNanos() + delay < END_NANOS) {
        sim.schedule(delay, next[0]::run);
      }
    };
    sim.schedule(gap.sampleNanos(stream), next[0]::run);
  }

  @Test
  void loopWaitOfCpuOnlyHandlersMatchesPollaczekKhinchine(TestReporter reporter) {
    double lambdaPerMs = 0.7;
    double minMs = 0.0;
    double maxMs = 2.0;
    // Uniform(0, 2 ms): E[S] = 1 ms, E[S^2] = (b^3 - a^3) / (3 (b - a)) = 4/3 ms^2, so not M/D/1 or M/M/1.
    double meanS = (minMs + maxMs) / 2;
    double meanS2 = (maxMs * maxMs * maxMs - minMs * minMs * minMs) / (3 * (maxMs - minMs));
    double rho = lambdaPerMs * meanS;
    double analyticWaitMs = lambdaPerMs * meanS2 / (2 * (1 - rho)); // 1.5556 ms

    Simulation sim = new Simulation(1L);
    Service api = new Service(sim, "api",
        s -> new EventLoop(s, "api", new EventLoop.Config(0, 4, 0, CpuCores.UNLIMITED)));
    List<Long> arrivals = new ArrayList<>();
    Batches waits = new Batches();
    Step probe = execution -> {
      long arrival = arrivals.get((int) execution.call().context().requestId());
      waits.add(arrival, (sim.nowNanos() - arrival) / MS);
      execution.proceed();
    };
    api.endpoint("/x").setProgram(List.of(probe,
        new Step.Cpu(new Distribution.Uniform(minMs * MS, maxMs * MS))));
    poissonArrivals(sim, "test.arrivals", api.endpoint("/x"), MS / lambdaPerMs, arrivals, outcome -> { });
    sim.runUntil(END_NANOS);

    ConfidenceInterval wait = ConfidenceInterval.of(waits.measuredMeans(), CONFIDENCE);
    reporter.publishEntry("M/G/1 loop wait (ms), analytic " + analyticWaitMs, wait.toString());
    assertThat(wait.contains(analyticWaitMs)).as("wait %s should contain %s", wait, analyticWaitMs).isTrue();

    // The loop's busy gauge is its utilisation: its time average is rho.
    TimeWeightedGauge busy = (TimeWeightedGauge) sim.metrics().find("service.api.loop.busy");
    double[] windows = busy.windowMeans(sim.nowNanos());
    int perBatch = (int) (BATCH_NANOS / sim.metrics().windowNanos());
    double[] batchUtilisation = new double[BATCHES];
    for (int b = 0; b < BATCHES; b++) {
      for (int w = 0; w < perBatch; w++) {
        batchUtilisation[b] += windows[(WARMUP_BATCHES + b) * perBatch + w] / perBatch;
      }
    }
    ConfidenceInterval utilisation = ConfidenceInterval.of(batchUtilisation, CONFIDENCE);
    reporter.publishEntry("loop utilisation, analytic " + rho, utilisation.toString());
    assertThat(utilisation.contains(rho)).as("utilisation %s should contain %s", utilisation, rho).isTrue();
  }

  @Test
  void poolWaitOfOffloadedWorkMatchesPollaczekKhinchineForConstantWork(TestReporter reporter) {
    double lambdaPerMs = 0.3;
    double workMs = 2.0;
    double rho = lambdaPerMs * workMs;
    double analyticWaitMs = lambdaPerMs * workMs * workMs / (2 * (1 - rho)); // M/D/1: 1.5 ms

    // One pool thread; no overhead and free completion callbacks, so work reaches the pool the
    // instant the request arrives and the answer leaves the instant the work is done.
    Simulation sim = new Simulation(2L);
    Service api = new Service(sim, "api",
        s -> new EventLoop(s, "api", new EventLoop.Config(0, 1, 0, CpuCores.UNLIMITED)));
    api.endpoint("/x").setProgram(List.of(new Offload(new Distribution.Constant(workMs * MS))));
    List<Long> arrivals = new ArrayList<>();
    Batches waits = new Batches();
    poissonArrivals(sim, "test.arrivals", api.endpoint("/x"), MS / lambdaPerMs, arrivals, new Invocation.Reply() {
      private int answered;

      @Override
      public void onReply(Outcome outcome) {
        // FIFO with constant work: answers come back in arrival order.
        long arrival = arrivals.get(answered++);
        waits.add(arrival, (sim.nowNanos() - arrival) / MS - workMs);
      }
    });
    sim.runUntilIdle();

    ConfidenceInterval wait = ConfidenceInterval.of(waits.measuredMeans(), CONFIDENCE);
    reporter.publishEntry("M/D/1 pool wait (ms), analytic " + analyticWaitMs, wait.toString());
    assertThat(wait.contains(analyticWaitMs)).as("wait %s should contain %s", wait, analyticWaitMs).isTrue();
  }

  @Test
  void aFailedCallsErrorHandlerWaitsForTheLoopAsPollaczekKhinchineSays(TestReporter reporter) {
    // /slow is the M/G/1 loop of the first test: Uniform(0, 2 ms) of CPU at 0.7 per ms.
    double lambdaPerMs = 0.7;
    double maxMs = 2.0;
    double rho = lambdaPerMs * maxMs / 2;
    double analyticWaitMs = lambdaPerMs * (maxMs * maxMs / 3) / (2 * (1 - rho)); // 1.5556 ms
    // /x makes one call that fails after a constant 500 ms: about 13 relaxation times, so when
    // the failure comes back the loop's backlog no longer depends on how long the request waited
    // to start, and the error handler sees the time-average backlog (its readiness does not
    // anticipate /slow's arrivals). /x's callbacks cost no loop time, so they leave rho alone.
    long failAfterNanos = 500 * (long) MS;
    double xPerMs = 0.05;

    Simulation sim = new Simulation(3L);
    Service api = new Service(sim, "api",
        s -> new EventLoop(s, "api", new EventLoop.Config(0, 4, 0, CpuCores.UNLIMITED)));
    FixedDependency failing = new FixedDependency(sim, failAfterNanos, Outcome.ERROR);
    api.endpoint("/slow").setProgram(List.of(new Step.Cpu(new Distribution.Uniform(0, maxMs * MS))));
    api.endpoint("/x").setProgram(List.of(new Step.Call(failing, Invocation.NO_TIMEOUT, false)));
    poissonArrivals(sim, "test.arrivals", api.endpoint("/slow"), MS / lambdaPerMs, new ArrayList<>(),
        outcome -> { });
    List<Long> arrivals = new ArrayList<>();
    Batches waits = new Batches();
    poissonArrivals(sim, "test.failing-arrivals", api.endpoint("/x"), MS / xPerMs, arrivals,
        new Invocation.Reply() {
          private int answered;

          @Override
          public void onReply(Outcome outcome) {
            // The loop is FIFO and the failure delay constant: /x answers in arrival order.
            assertThat(outcome).isEqualTo(Outcome.ERROR);
            long arrival = arrivals.get(answered);
            waits.add(arrival, (sim.nowNanos() - failing.answeredAtNanos.get(answered)) / MS);
            answered++;
          }
        });
    sim.runUntilIdle();

    ConfidenceInterval wait = ConfidenceInterval.of(waits.measuredMeans(), CONFIDENCE);
    reporter.publishEntry("M/G/1 wait of an error handler (ms), analytic " + analyticWaitMs, wait.toString());
    assertThat(wait.contains(analyticWaitMs)).as("wait %s should contain %s", wait, analyticWaitMs).isTrue();
  }

  /**
   * The audit's case in miniature: a loop about 90% busy with 100 ms handlers (9 per second) and
   * a cheap endpoint whose one call answers after 10 ms (20 per second). Run once with the call
   * succeeding and once failing, on the same random streams: every answer of the cheap endpoint
   * comes at the same instant, because the error handler waits in the loop's queue exactly as the
   * success continuation does.
   */
  @ParameterizedTest
  @ValueSource(longs = {0, 10})
  void underLoadAFailingCallsAnswerTakesAsLongAsASucceedingOnesWithTheSameDraws(long callMs) {
    List<Long> succeeded = answersOfTheCheapEndpoint(Outcome.OK, callMs);
    List<Long> failed = answersOfTheCheapEndpoint(Outcome.ERROR, callMs);

    assertThat(failed).hasSameSizeAs(succeeded).hasSizeGreaterThan(5_000);
    assertThat(failed).isEqualTo(succeeded);
  }

  /** Runs the audit's case with the call answering {@code outcome}; returns each cheap request's latency (ns) in arrival order. */
  private static List<Long> answersOfTheCheapEndpoint(Outcome outcome, long callMs) {
    Simulation sim = new Simulation(4L);
    Service api = new Service(sim, "api",
        s -> new EventLoop(s, "api", new EventLoop.Config(0, 4, 0, CpuCores.UNLIMITED)));
    api.endpoint("/slow").setProgram(List.of(new Step.Cpu(new Distribution.Constant(100 * MS))));
    api.endpoint("/x").setProgram(List.of(
        new Step.Call(new FixedDependency(sim, callMs * (long) MS, outcome), Invocation.NO_TIMEOUT, false)));
    poissonArrivals(sim, "test.arrivals", api.endpoint("/slow"), 1000 * MS / 9, new ArrayList<>(), o -> { });
    List<Long> arrivals = new ArrayList<>();
    List<Long> latencies = new ArrayList<>();
    poissonArrivals(sim, "test.cheap-arrivals", api.endpoint("/x"), 1000 * MS / 20, arrivals, o -> {
      assertThat(o).isEqualTo(outcome);
      // FIFO loop, constant call latency: answers come back in arrival order.
      latencies.add(sim.nowNanos() - arrivals.get(latencies.size()));
    });
    sim.runUntilIdle();
    double meanMs = latencies.stream().mapToLong(Long::longValue).average().orElseThrow() / MS;
    // Pollaczek-Khinchine for the 100 ms handlers alone: 9/s x (0.1 s)^2 / (2 x 0.1) = 0.45 s per
    // wait; a cheap request waits for the loop twice (its start and the call's answer).
    assertThat(meanMs).as("mean latency of /x answering %s", outcome).isGreaterThan(500);
    return latencies;
  }
}
