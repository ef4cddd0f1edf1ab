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
import org.cascadesim.cli.Main;

/**
 * The sweep throughput workload of {@code sim bench}: a standard sweep (the bundled
 * {@code sweep-10min.yaml}, ten simulated minutes, 2 arrival rates x 10 replications = 20 runs)
 * through {@code sim sweep} as a user runs it, once with {@code --parallel 1} and once with
 * {@code --parallel 2}; reports runs per second of each and the speed-up, and checks that both
 * wrote the same summary bytes. Timed from the command's start to its end (reading, running,
 * writing; no charts).
 */
final class SweepBench {
  /** The speed-up of --parallel 2 over --parallel 1 that the issue asks for. */
  static final double SPEEDUP_TARGET = 1.7;

  private static final String RESOURCE = "/org/cascadesim/cli/bench/sweep-10min.yaml";
  private static final String VARY = "clients.shoppers.arrivals.rate=40/s,60/s";

  /** The measured figures. */
  record Result(int runs, String simulated, double serialSeconds, double parallelSeconds, boolean identical) {
    double serialRunsPerSecond() {
      return runs / serialSeconds;
    }

    double parallelRunsPerSecond() {
      return runs / parallelSeconds;
    }

    double speedup() {
      return serialSeconds / parallelSeconds;
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
      o.put("identicalResults", identical);
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
      int replications = quick ? 2 : 10;
      sweep(scenario, dir.resolve("warm-up"), 2, 1, "60s");
      long start = System.nanoTime();
      sweep(scenario, dir.resolve("p1"), 1, replications, duration);
      double serial = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      sweep(scenario, dir.resolve("p2"), 2, replications, duration);
      double parallel = (System.nanoTime() - start) / 1e9;
      boolean identical = Arrays.equals(Files.readAllBytes(dir.resolve("p1/summary.csv")),
          Files.readAllBytes(dir.resolve("p2/summary.csv")));
      return new Result(2 * replications, quick ? "1-minute" : "10-minute", serial, parallel, identical);
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
