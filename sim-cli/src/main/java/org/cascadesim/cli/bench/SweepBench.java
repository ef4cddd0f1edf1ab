package org.cascadesim.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.lang.management.ManagementFactory;
import org.cascadesim.cli.Main;

/**
 * The sweep throughput workload of {@code sim bench}: a standard sweep (the bundled
 * {@code sweep-10min.yaml}, ten simulated minutes, 2 arrival rates x 100 replications = 200 runs,
 * the sweep of issue 9)
 * through {@code sim sweep} as a user runs it, after one untimed warm-up sweep, twice with {@code
 * --parallel 1} and twice with {@code --parallel 2} in the order 1 2 2 1; reports runs per second
 * of each (mean time of its two sweeps) and the speed-up, and checks that both wrote the same
 * summary bytes. Timed from the command's start to its end (reading, running, writing; no charts).
 */
final class SweepBench {
  /** The speed-up of --parallel 2 over --parallel 1 that the issue asks for. */
  static final double SPEEDUP_TARGET = 1.7;

  private static final String RESOURCE = "/org/cascadesim/cli/bench/sweep-10min.yaml";
  private static final String VARY = "clients.shoppers.arrivals.rate=40/s,60/s";

  /** The measured figures. */
  record Result(int runs, String simulated, double serialSeconds, double parallelSeconds, double serialCpuSeconds,
      double parallelCpuSeconds, boolean identical, double spinSpeedup) {
    double serialRunsPerSecond() {
      return runs / serialSeconds;
    }

    double parallelRunsPerSecond() {
      return runs / parallelSeconds;
    }

    double speedup() {
      return serialSeconds / parallelSeconds;
    }

    /** Cores the process actually got at --parallel 1 (CPU time over wall time; near 1 on an idle machine). */
    double serialCores() {
      return serialCpuSeconds / serialSeconds;
    }

    /** Cores the process actually got at --parallel 2 (near 2 on an idle machine). */
    double parallelCores() {
      return parallelCpuSeconds / parallelSeconds;
    }

    Map<String, Object> json() {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("workload", "sweep");
      o.put("description", "sim sweep of " + runs + " runs of a " + simulated + " scenario, --parallel 1 then 2");
      o.put("runs", runs);
      o.put("simulatedPerRun", simulated);
      o.put("runsPerSecondParallel1", round(serialRunsPerSecond()));
      o.put("runsPerSecondParallel2", round(parallelRunsPerSecond()));
      o.put("speedup", round(speedup()));
      o.put("coresUsedParallel1", round(serialCores()));
      o.put("coresUsedParallel2", round(parallelCores()));
      o.put("identicalResults", identical);
      o.put("cpuLoopSpeedup", round(spinSpeedup));
      return o;
    }
  }

  private SweepBench() {}

  /** Runs the workload: a warm-up sweep, then the sweep at --parallel 1 and 2. */
  static Result run(boolean quick) {
    Path dir;
    try {
      dir = Files.createTempDirectory("sim-bench-sweep-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path scenario = dir.resolve("sweep-10min.yaml");
      try (InputStream in = SweepBench.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("bundled bench scenario missing: " + RESOURCE);
        }
        Files.copy(in, scenario);
      }
      // --quick: a 1-minute version, the fault window scaled down with it.
      String duration = quick ? "60s" : "600s";
      int replications = quick ? 2 : 100;
      // Warm-up: the same sweep once at --parallel 2, so the JIT has compiled the engine and the
      // model before anything is timed. Then A B B A (quick: A B), so that both settings see the
      // same drift in background load; the times of each setting are added.
      sweep(scenario, dir.resolve("warm-up"), 2, replications, duration);
      int[] order = quick ? new int[] {1, 2} : new int[] {1, 2, 2, 1};
      double[] wall = new double[3];
      double[] cpu = new double[3];
      for (int i = 0; i < order.length; i++) {
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        sweep(scenario, dir.resolve("p" + order[i] + "-" + i), order[i], replications, duration);
        wall[order[i]] += (System.nanoTime() - start) / 1e9;
        cpu[order[i]] += (processCpuNanos() - cpuStart) / 1e9;
      }
      int repeats = order.length / 2;
      boolean identical = Arrays.equals(Files.readAllBytes(dir.resolve("p1-0/summary.csv")),
          Files.readAllBytes(dir.resolve("p2-1/summary.csv")));
      return new Result(2 * replications, quick ? "1-minute" : "10-minute", wall[1] / repeats, wall[2] / repeats,
          cpu[1] / repeats, cpu[2] / repeats, identical, spinSpeedup(quick ? 50_000_000L : 400_000_000L));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static void sweep(Path scenario, Path out, int parallel, int replications, String duration) {
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("sweep", scenario.toString(), "--vary", VARY,
        "--replications", Integer.toString(replications), "--parallel", Integer.toString(parallel),
        "--set", "duration=" + duration, "--set", "warmup=" + (duration.equals("60s") ? "3s" : "30s"),
        "--set", "dependencies.provider.faults[0].from=" + (duration.equals("60s") ? "24s" : "240s"),
        "--set", "dependencies.provider.faults[0].to=" + (duration.equals("60s") ? "36s" : "360s"), "--out", out.toString(), "--no-charts", "--quiet"));
    int code = Main.execute(args.toArray(new String[0]), new PrintWriter(new StringWriter()), new PrintWriter(err));
    if (code != 0) {
      throw new IllegalStateException("bench sweep failed with exit code " + code + ": " + err);
    }
  }

  /**
   * What the machine gives two threads right now: the throughput of a pure CPU loop on two
   * threads over one thread (2.0 on two idle cores). A sweep cannot scale better than this; on a
   * shared machine it tells a busy machine from a sweep that does not scale.
   */
  static double spinSpeedup(long iterations) {
    double one = spin(1, iterations);
    double two = spin(2, iterations);
    return 2 * one / two;
  }

  private static double spin(int threads, long iterations) {
    long[] sink = new long[threads];
    Thread[] workers = new Thread[threads];
    long start = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      int slot = i;
      workers[i] = new Thread(() -> {
        long x = slot;
        for (long k = 0; k < iterations; k++) {
          x += k ^ (x >>> 3);
        }
        sink[slot] = x;
      });
      workers[i].start();
    }
    try {
      for (Thread t : workers) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return sink[0] == 42 ? seconds + 0 : seconds; // keeps the loop from being optimized away
  }

  /** CPU time of the whole process (every thread, GC included), or 0 where the JVM cannot tell. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a leftover temporary folder is named sim-bench-sweep-*
    }
  }
}
