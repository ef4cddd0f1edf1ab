package org.cascadesim.models.retry;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;

/**
 * The contention experiment of Brooker's "Exponential Backoff And Jitter" (AWS Architecture Blog,
 * 2015; {@code aws-samples/aws-arch-backoff-simulator src/backoff_simulator.py}), on this engine
 * and with the same {@link Backoff} code the retrying layers use: N clients each want to write one
 * optimistic-concurrency row once; a client reads the version, writes with it, and on a version
 * conflict backs off and reads again. Every network message takes |N(10ms, 2ms)|; the server
 * answers at once. Reported per trial: the write calls the server received and the time until the
 * last client learned of its success.
 */
public final class OccContention {

  /** The network delay of one message: |N(10 ms, 2 ms)|. */
  static final Distribution NETWORK = new Distribution.Normal(10_000_000, 2_000_000);

  /** The blog's base: 5 ms. */
  public static final long BASE_NANOS = 5_000_000L;
  /** The blog's cap: 2000 ms. */
  public static final long CAP_NANOS = 2_000_000_000L;

  /**
   * The mean result of some trials.
   *
   * @param clients the number of clients
   * @param meanCalls the mean number of write calls per trial
   * @param meanTimeMillis the mean time until the last client succeeded, in milliseconds
   */
  public record Result(int clients, double meanCalls, double meanTimeMillis) {}

  private OccContention() {}

  /** The five strategies of the blog with its base and cap. */
  public static Backoff strategy(Backoff.Kind kind) {
    return Backoff.aws(kind, BASE_NANOS, CAP_NANOS);
  }

  /** Runs {@code trials} independent trials with {@code clients} clients; trial t uses seed {@code seed + t}. */
  public static Result run(Backoff backoff, int clients, int trials, long seed) {
    double calls = 0;
    double time = 0;
    for (int t = 0; t < trials; t++) {
      long[] outcome = trial(backoff, clients, seed + t);
      calls += outcome[0];
      time += outcome[1];
    }
    return new Result(clients, calls / trials, time / trials / 1e6);
  }

  /** Runs one trial; returns {write calls, nanoseconds until the last success was received}. */
  static long[] trial(Backoff backoff, int clients, long seed) {
    Simulation sim = new Simulation(seed);
    Server server = new Server(sim.random("occ.network"));
    RandomStream jitter = sim.random("occ.backoff");
    long[] lastSuccess = new long[1];
    for (int i = 0; i < clients; i++) {
      new OccClient(sim, server, backoff, jitter, lastSuccess).start();
    }
    sim.runUntilIdle();
    return new long[] {server.calls, lastSuccess[0]};
  }

  /** The one row: a version number, and the count of write calls. */
  private static final class Server {
    final RandomStream network;
    long version;
    long calls;

    Server(RandomStream network) {
      this.network = network;
    }

    long delay() {
      return Math.round(Math.abs(NETWORK.sample(network)));
    }
  }

  /** A client that writes the row exactly once. */
  private static final class OccClient {
    final Simulation sim;
    final Server server;
    final Backoff backoff;
    final RandomStream jitter;
    final long[] lastSuccess;
    int attempt;
    long previousSleep;

    OccClient(Simulation sim, Server server, Backoff backoff, RandomStream jitter, long[] lastSuccess) {
      this.sim = sim;
      this.server = server;
      this.backoff = backoff;
      this.jitter = jitter;
      this.lastSuccess = lastSuccess;
    }

    void start() {
      sim.schedule(server.delay(), this::read);
    }

    /** The read arrives at the server; the version travels back; the write travels out. */
    private void read() {
      long seen = server.version;
      long back = server.delay();
      long out = server.delay();
      sim.schedule(back + out, () -> write(seen));
    }

    /** The write arrives at the server; its answer travels back to the client. */
    private void write(long seen) {
      server.calls++;
      boolean ok = seen == server.version;
      if (ok) {
        server.version++;
      }
      sim.schedule(server.delay(), () -> answered(ok));
    }

    private void answered(boolean ok) {
      if (ok) {
        lastSuccess[0] = Math.max(lastSuccess[0], sim.nowNanos());
        return;
      }
      attempt++;
      double u = backoff.kind().isRandom() ? jitter.nextDouble() : 0.0;
      long sleep = backoff.sleepNanos(attempt, previousSleep, u);
      previousSleep = sleep;
      sim.schedule(server.delay() + sleep, this::read);
    }
  }
}
