package org.cascadesim.models.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.core.support.ConfidenceInterval;
import org.cascadesim.core.support.QueueingFormulas;
import org.junit.jupiter.api.Test;

/**
 * A pool of c connections under Poisson acquires with exponential hold times is an M/M/c queue:
 * its acquire wait must match Erlang C (mean, and for FIFO the tail P(W > t) = C e^-(c mu -
 * lambda) t) within 95% batch-means confidence intervals (Law, section 9.5.3). Random hand-off
 * (Go database/sql) serves the same queue in another order: the same mean wait (the order does
 * not change the work left), a longer tail.
 */
class ErlangCPoolTest {

  /** The unit of time: one millisecond, so the run spans few metric windows. */
  private static final long UNIT = 1_000_000L;
  private static final int C = 5;
  private static final double LAMBDA = 4.0;
  private static final double MU = 1.0;
  private static final int WARMUP = 20_000;
  private static final int BATCHES = 20;
  private static final int BATCH = 10_000;
  private static final int CUSTOMERS = WARMUP + BATCHES * BATCH;

  /** Runs the queue and returns each customer's wait in units, in arrival order. */
  private static double[] waits(Handoff handoff, long seed) {
    Simulation sim = new Simulation(seed);
    ConnectionPool pool = new ConnectionPool(sim, "s", "db", C, ConnectionPool.NO_TIMEOUT,
        ConnectionPool.UNBOUNDED, handoff, 0);
    RandomStream arrivals = sim.random("test.arrivals");
    RandomStream holds = sim.random("test.holds");
    Distribution gap = new Distribution.Exponential(UNIT / LAMBDA);
    Distribution hold = new Distribution.Exponential(UNIT / MU);
    double[] waits = new double[CUSTOMERS];
    Arrays.fill(waits, Double.NaN);
    int[] next = {0};
    Runnable[] arrive = new Runnable[1];
    arrive[0] = () -> {
      int id = next[0]++;
      long at = sim.nowNanos();
      pool.acquire(new ConnectionPool.Listener() {
        @Override
        public void onAcquired() {
          waits[id] = (sim.nowNanos() - at) / (double) UNIT;
          sim.schedule(hold.sampleNanos(holds), pool::release);
        }

        @Override
        public void onRefused(boolean timedOut) {
          throw new AssertionError("an unbounded pool without deadline refused");
        }
      });
      if (next[0] < CUSTOMERS) {
        sim.schedule(gap.sampleNanos(arrivals), arrive[0]::run);
      }
    };
    sim.schedule(0, arrive[0]::run);
    sim.runUntilIdle();
    assertThat(pool.inUse()).isZero();
    assertThat(pool.checkInvariants()).isNull();
    return waits;
  }

  private static ConfidenceInterval batchMeans(double[] waits, java.util.function.DoubleUnaryOperator f) {
    double[] means = new double[BATCHES];
    for (int b = 0; b < BATCHES; b++) {
      double sum = 0;
      for (int i = 0; i < BATCH; i++) {
        sum += f.applyAsDouble(waits[WARMUP + b * BATCH + i]);
      }
      means[b] = sum / BATCH;
    }
    return ConfidenceInterval.of(means, 0.95);
  }

  private static double quantile(double[] waits, double p) {
    double[] measured = Arrays.copyOfRange(waits, WARMUP, CUSTOMERS);
    Arrays.sort(measured);
    return measured[(int) Math.ceil(p * measured.length) - 1];
  }

  @Test
  void fifoPoolWaitMatchesErlangCMeanAndTail() {
    double[] waits = waits(Handoff.FIFO, 11);
    double mean = QueueingFormulas.mmcMeanWait(C, LAMBDA, MU);
    ConfidenceInterval ci = batchMeans(waits, w -> w);
    assertThat(ci.contains(mean)).as("mean wait %s vs Erlang C %.4f", ci, mean).isTrue();
    // Deeper tails (P < 1%) come from a handful of long busy periods in a run this size, so a
    // t-interval over 20 batches would not be valid there; t = 3 mean holds is P = 2.8%.
    for (double t : new double[] {0.0, 1.0, 2.0, 3.0}) {
      double tail = QueueingFormulas.mmcWaitTail(C, LAMBDA, MU, t);
      ConfidenceInterval p = batchMeans(waits, w -> w > t ? 1 : 0);
      assertThat(p.contains(tail)).as("P(W > %s) %s vs %.4f", t, p, tail).isTrue();
    }
  }

  @Test
  void randomHandoffHasTheSameMeanWaitButALongerTail() {
    double[] fifo = waits(Handoff.FIFO, 11);
    double[] random = waits(Handoff.RANDOM, 11);
    double mean = QueueingFormulas.mmcMeanWait(C, LAMBDA, MU);
    ConfidenceInterval ci = batchMeans(random, w -> w);
    assertThat(ci.contains(mean)).as("random hand-off mean wait %s vs Erlang C %.4f", ci, mean).isTrue();
    double erlangC = QueueingFormulas.erlangC(C, LAMBDA / MU);
    ConfidenceInterval waited = batchMeans(random, w -> w > 0 ? 1 : 0);
    assertThat(waited.contains(erlangC)).as("P(W > 0) %s vs C = %.4f", waited, erlangC).isTrue();

    double fifoP999 = quantile(fifo, 0.999);
    double randomP999 = quantile(random, 0.999);
    assertThat(randomP999).as("random p99.9 %.2f vs FIFO %.2f", randomP999, fifoP999)
        .isGreaterThan(1.5 * fifoP999);
  }
}
