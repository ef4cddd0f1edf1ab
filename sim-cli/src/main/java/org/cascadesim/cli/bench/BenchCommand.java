package org.cascadesim.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sim bench}: runs the standard workloads and prints their throughput, each as a ratio to
 * the minimal reference loop (or, for the cancellation workload, to the same workload without
 * cancellation), and the memory per pending event of the hold model.
 *
 * <p>Method: before anything is measured, every engine workload runs once at a small size so that
 * the engine's {@code Action.run()} call site has seen many action classes, as it has in any real
 * model (otherwise whichever workload ran first would enjoy an inlined, monomorphic dispatch).
 * Then, per workload and its comparison partner: warm-up runs of both, then measured runs
 * alternating between the two (so both see the same background load), each on a freshly prepared
 * instance after {@code System.gc()}; the median is reported. Only the run itself is timed, not the
 * preparation (creating the simulation, filling the hold model's queue).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure the engine's speed on standard workloads.",
      "Compares the engine with a minimal reference loop. Prints a table, or one JSON object per workload and line with",
      "--format json.",
      "Workloads: mm1, hold-1k, hold-1m and timeouts, each run with its comparison",
      "partner (ref-mm1, ref-hold-1k, ref-hold-1m, timeouts-nocancel); e2e (client ->",
      "thread pool -> dependency for one simulated hour, compared with mm1, with the",
      "simulated requests/s) and e2e-timeouts (the same with a 1 s client timeout);",
      "sweep (sim sweep runs/s at --parallel 1 and 2, speed-up)."
    })
public final class BenchCommand implements Callable<Integer> {

  /** Output formats. */
  public enum Format {
    table,
    json
  }

  /** The most measured or warm-up repetitions per workload (each keeps its figures in memory). */
  static final int MAX_REPETITIONS = 1000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--quick", description = "Short run with smaller workloads (a smoke test; figures are indicative only).")
  boolean quick;

  @Option(names = "--workload", paramLabel = "NAME",
      description = "Run only this workload (and the one it is compared with): mm1, hold-1k, hold-1m, timeouts,"
          + " e2e, e2e-timeouts, sweep or a partner (ref-mm1, ref-hold-1k, ref-hold-1m, timeouts-nocancel).")
  String workload;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table or json (one object per workload and line). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--repetitions", paramLabel = "N",
      description = "Measured repetitions per workload, 1 to " + BenchCommand.MAX_REPETITIONS + " (default 5, 3 with --quick).")
  Integer repetitions;

  @Option(names = "--warmups", paramLabel = "N",
      description = "Warm-up repetitions per workload, 0 to " + BenchCommand.MAX_REPETITIONS + " (default 3, 1 with --quick).")
  Integer warmups;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
      description = "Master seed of the workloads. Default: ${DEFAULT-VALUE}.")
  long seed;

  /** How one workload's figure is compared with its partner's. */
  enum Comparison {
    /** events/s of the workload divided by events/s of the reference loop (higher is better). */
    THROUGHPUT,
    /** wall time of the workload divided by wall time of its partner (lower is better). */
    TIME
  }

  /** A workload, the one it is compared with, and how. */
  record Group(Workload subject, Workload partner, Comparison comparison) {}

  /** The measured figures of one workload. */
  record Measured(
      Workload workload,
      long events,
      long pendingEvents,
      double[] nanos,
      double[] cpuNanos,
      Map<String, Object> details,
      MemoryProbe.Result memory) {

    double medianNanos() {
      return MemoryProbe.median(nanos);
    }

    double[] eventsPerSecond() {
      double[] eps = new double[nanos.length];
      for (int i = 0; i < nanos.length; i++) {
        eps[i] = events * 1e9 / nanos[i];
      }
      return eps;
    }

    double medianEventsPerSecond() {
      return MemoryProbe.median(eventsPerSecond());
    }

    double medianCpuNanos() {
      return MemoryProbe.median(cpuNanos);
    }
  }

  /** One checked target. */
  record Target(String workload, String text, double value, boolean met) {}

  static final double MM1_TARGET = 0.70;
  static final double HOLD_TARGET = 0.80;
  static final double BYTES_TARGET = 48;
  static final double CANCEL_TARGET = 1.5;
  static final double END_TO_END_TARGET = 1.0 / 3;

  /** The workload groups in output order, sized for a full or a quick run. */
  static List<Group> groups(boolean quick, long seed) {
    long mm1Events = quick ? 200_000 : 2_000_000;
    long holdEvents = quick ? 200_000 : 4_000_000;
    int requests = quick ? 100_000 : 1_000_000;
    List<Group> groups = new ArrayList<>();
    groups.add(new Group(new Mm1Workload(false, mm1Events, seed),
        new Mm1Workload(true, mm1Events, seed), Comparison.THROUGHPUT));
    groups.add(new Group(new HoldWorkload(false, "1k", 1_000, holdEvents, seed),
        new HoldWorkload(true, "1k", 1_000, holdEvents, seed), Comparison.THROUGHPUT));
    groups.add(new Group(new HoldWorkload(false, "1m", 1_000_000, holdEvents, seed),
        new HoldWorkload(true, "1m", 1_000_000, holdEvents, seed), Comparison.THROUGHPUT));
    groups.add(new Group(new TimeoutWorkload(true, requests, seed),
        new TimeoutWorkload(false, requests, seed), Comparison.TIME));
    groups.add(new Group(new EndToEndWorkload(quick, false, seed), new Mm1Workload(false, mm1Events, seed),
        Comparison.THROUGHPUT));
    groups.add(new Group(new EndToEndWorkload(quick, true, seed), new Mm1Workload(false, mm1Events, seed),
        Comparison.THROUGHPUT));
    return groups;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int reps = repetitions != null ? repetitions : quick ? 3 : 5;
    int warm = warmups != null ? warmups : quick ? 1 : 3;
    if (reps < 1 || reps > MAX_REPETITIONS) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--repetitions must be between 1 and " + MAX_REPETITIONS + " (was " + reps + ")");
    }
    if (warm < 0 || warm > MAX_REPETITIONS) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--warmups must be between 0 and " + MAX_REPETITIONS + " (was " + warm + ")");
    }
    List<Group> selected = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Group> all = groups(quick, seed);
    for (Group g : all) {
      names.add(g.subject().name());
    }
    for (Group g : all) {
      // A partner name selects its group unless it is itself a workload of its own (mm1 is e2e's partner).
      boolean partnerSelects = workload != null && workload.equals(g.partner().name())
          && !names.contains(g.partner().name());
      if (workload == null || workload.equals(g.subject().name()) || partnerSelects) {
        selected.add(g);
      }
    }
    for (Group g : all) {
      if (!names.contains(g.partner().name())) {
        names.add(g.partner().name());
      }
    }
    boolean sweep = workload == null || workload.equals("sweep");
    names.add("sweep");
    if (selected.isEmpty() && !sweep) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Unknown workload '" + workload + "'; expected one of " + String.join(", ", names));
    }

    if (format == Format.table) {
      printHeader(out, warm, reps);
    }
    if (!selected.isEmpty()) {
      err.println("bench: warming up every engine workload (megamorphic action dispatch)");
      err.flush();
    }
    for (Group g : selected.isEmpty() ? List.<Group>of() : groups(true, seed + 1)) {
      runOnce(g.subject());
      runOnce(g.partner());
    }

    List<Measured> results = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    for (Group g : selected) {
      err.println("bench: " + g.subject().name() + " vs " + g.partner().name()
          + " (" + warm + " warm-up + " + reps + " measured runs each)");
      err.flush();
      Measured[] pair = measurePair(g, warm, reps);
      results.add(pair[0]);
      results.add(pair[1]);
      targets.addAll(targets(g, pair[0], pair[1]));
      if (format == Format.json) {
        out.println(json(pair[0], g, pair[1], targets));
        if (!names.subList(0, all.size()).contains(pair[1].workload().name())) {
          // A partner that is also a workload of its own (mm1) has its own line.
          out.println(json(pair[1], null, null, List.of()));
        }
        out.flush();
      }
    }
    if (format == Format.table && !selected.isEmpty()) {
      printTable(out, selected, results, targets);
    }
    out.flush();
    if (sweep) {
      err.println("bench: sweep (sim sweep: 1 warm-up, then --parallel 1, 2" + (quick ? ")" : ", 2, 1)"));
      err.flush();
      SweepBench.Result r = SweepBench.run(quick);
      boolean met = r.speedup() >= SweepBench.SPEEDUP_TARGET;
      if (format == Format.json) {
        Map<String, Object> o = r.json();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("target", String.format(Locale.ROOT, "speed-up of --parallel 2 >= %.1fx", SweepBench.SPEEDUP_TARGET));
        target.put("value", round(r.speedup(), 3));
        target.put("met", met);
        o.put("targets", List.of(target));
        o.put("quick", quick);
        o.put("jvm", jvm());
        o.put("cores", Runtime.getRuntime().availableProcessors());
        out.println(Json.write(o));
      } else {
        out.println();
        out.printf(Locale.ROOT, "sweep: %d runs of a %s scenario: %.2f runs/s at --parallel 1 (%.1f s),"
            + " %.2f runs/s at --parallel 2 (%.1f s); results %s%n", r.runs(), r.simulated(), r.serialRunsPerSecond(),
            r.serialSeconds(), r.parallelRunsPerSecond(), r.parallelSeconds(), r.identical() ? "identical" : "DIFFER");
        out.printf(Locale.ROOT, "  cores the process got (CPU time / wall time): %.2f at --parallel 1, %.2f at --parallel 2;"
            + " a pure CPU loop scales %.2fx from 1 to 2 threads right now%s%n", r.serialCores(), r.parallelCores(),
            r.spinSpeedup(), r.spinSpeedup() < 1.7 ? " (the machine is busy: no speed-up can reach the target)" : "");
        out.printf(Locale.ROOT, "  %-6s %-9s %-44s measured %.2f (on %d cores)%n", met ? "MET" : "MISSED", "sweep",
            String.format(Locale.ROOT, "speed-up of --parallel 2 >= %.1fx", SweepBench.SPEEDUP_TARGET), r.speedup(),
            Runtime.getRuntime().availableProcessors());
      }
      out.flush();
    }
    return 0;
  }

  private static void runOnce(Workload w) {
    Workload.Trial trial = w.prepare();
    long events = trial.run();
    check(w, events);
  }

  private static void check(Workload w, long events) {
    if (events != w.expectedEvents()) {
      throw new IllegalStateException(w.name() + " executed " + events + " events, expected "
          + w.expectedEvents());
    }
  }

  private Measured[] measurePair(Group g, int warm, int reps) {
    Workload[] both = {g.subject(), g.partner()};
    for (int i = 0; i < warm; i++) {
      for (Workload w : both) {
        runOnce(w);
      }
    }
    double[][] nanos = new double[2][reps];
    double[][] cpuNanos = new double[2][reps];
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] pending = new long[2];
    List<Map<String, Object>> details = new ArrayList<>(List.of(Map.of(), Map.of()));
    for (int rep = 0; rep < reps; rep++) {
      // Alternate which one goes first, so neither always runs right after the other's garbage.
      for (int k = 0; k < 2; k++) {
        int which = (rep + k) % 2;
        Workload w = both[which];
        Workload.Trial trial = w.prepare();
        MemoryProbe.usedAfterGc();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long events = trial.run();
        long elapsed = System.nanoTime() - start;
        cpuNanos[which][rep] = threads.getCurrentThreadCpuTime() - cpuStart;
        check(w, events);
        nanos[which][rep] = elapsed;
        pending[which] = trial.pendingEvents();
        details.set(which, trial.details());
      }
    }
    Measured[] result = new Measured[2];
    for (int which = 0; which < 2; which++) {
      Workload w = both[which];
      MemoryProbe.Result memory = null;
      if (w instanceof HoldWorkload hold) {
        memory = g.comparison() == Comparison.THROUGHPUT && which == 1
            ? MemoryProbe.referenceHeap(hold.pending(), seed, 3)
            : MemoryProbe.engineQueue(hold.pending(), seed, 3);
      }
      result[which] = new Measured(w, w.expectedEvents(), pending[which], nanos[which],
          cpuNanos[which], details.get(which), memory);
    }
    return result;
  }

  static double ratio(Group g, Measured subject, Measured partner) {
    return g.comparison() == Comparison.THROUGHPUT
        ? subject.medianEventsPerSecond() / partner.medianEventsPerSecond()
        : subject.medianNanos() / partner.medianNanos();
  }

  /**
   * The same ratio on the thread's CPU time instead of wall time: on a shared machine, wall time
   * also counts the time the thread waited for a core, which CPU time does not. Not used by the
   * targets; printed next to them.
   */
  static double cpuRatio(Group g, Measured subject, Measured partner) {
    return g.comparison() == Comparison.THROUGHPUT
        ? (subject.events() / subject.medianCpuNanos()) / (partner.events() / partner.medianCpuNanos())
        : subject.medianCpuNanos() / partner.medianCpuNanos();
  }

  private static List<Target> targets(Group g, Measured subject, Measured partner) {
    List<Target> targets = new ArrayList<>();
    String name = subject.workload().name();
    double ratio = ratio(g, subject, partner);
    String other = partner.workload().name();
    switch (name) {
      case "mm1" -> targets.add(new Target(name,
          String.format(Locale.ROOT, "events/s >= %.2fx %s", MM1_TARGET, other), ratio, ratio >= MM1_TARGET));
      case "hold-1m" -> {
        targets.add(new Target(name,
            String.format(Locale.ROOT, "events/s >= %.2fx %s", HOLD_TARGET, other), ratio, ratio >= HOLD_TARGET));
        double bytes = subject.memory().heapBytesPerPending();
        targets.add(new Target(name,
            String.format(Locale.ROOT, "heap bytes per pending event <= %.0f", BYTES_TARGET), bytes,
            bytes <= BYTES_TARGET));
      }
      case "e2e" -> targets.add(new Target(name,
          String.format(Locale.ROOT, "events/s >= 1/3 x %s (%.2fx)", other, END_TO_END_TARGET), ratio,
          ratio >= END_TO_END_TARGET));
      case "timeouts" -> targets.add(new Target(name,
          String.format(Locale.ROOT, "wall time <= %.1fx %s", CANCEL_TARGET, other), ratio, ratio <= CANCEL_TARGET));
      default -> { }
    }
    return targets;
  }

  // ---------------------------------------------------------------- output

  static String jvm() {
    return System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version");
  }

  static String gcNames() {
    List<String> names = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      names.add(gc.getName());
    }
    return String.join(", ", names);
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: leave the model out.
    }
    return System.getProperty("os.arch");
  }

  private void printHeader(PrintWriter out, int warm, int reps) {
    Runtime rt = Runtime.getRuntime();
    out.printf(Locale.ROOT, "sim bench%s: %s; GC %s; max heap %.1f GiB%n", quick ? " --quick" : "",
        jvm(), gcNames(), rt.maxMemory() / (1024.0 * 1024 * 1024));
    out.printf(Locale.ROOT, "machine: %d cores (%s), %s %s%n", rt.availableProcessors(), cpuModel(),
        System.getProperty("os.name"), System.getProperty("os.arch"));
    out.printf(Locale.ROOT, "method: %d warm-up + %d measured runs per workload, median reported; "
        + "measured runs alternate with the compared workload%n", warm, reps);
    out.flush();
  }

  private static void printTable(PrintWriter out, List<Group> groups, List<Measured> results, List<Target> targets) {
    out.println();
    out.printf(Locale.ROOT, "%-18s %11s %9s %12s %17s %-28s %11s %11s %9s%n", "workload", "events",
        "pending", "M events/s", "(min - max)", "compared with", "B/pend heap", "B/pend arrays", "cpu ratio");
    int i = 0;
    for (Group g : groups) {
      Measured subject = results.get(i++);
      Measured partner = results.get(i++);
      double r = ratio(g, subject, partner);
      String compared = g.comparison() == Comparison.THROUGHPUT
          ? String.format(Locale.ROOT, "%.2fx %s", r, partner.workload().name())
          : String.format(Locale.ROOT, "time %.2fx %s", r, partner.workload().name());
      row(out, subject, compared, String.format(Locale.ROOT, "%.2f", cpuRatio(g, subject, partner)));
      row(out, partner, g.comparison() == Comparison.THROUGHPUT ? "(reference)" : "", "");
    }
    out.println();
    out.println("B/pend heap: used-heap growth across filling the queue (after System.gc()), per pending"
        + " event;");
    out.println("B/pend arrays: the queue's footprintBytes() / pending. Targets use the heap figure.");
    out.println("cpu ratio: the same comparison on the thread's CPU time (medians), which leaves out"
        + " waiting for a core; targets use wall time.");
    for (Measured m : results) {
      if (m.workload() instanceof EndToEndWorkload) {
        out.printf(Locale.ROOT, "%s: %,d requests in %.0f simulated minutes: %,.0f simulated requests/s,"
            + " %.0fx faster than real time (median run %.2f s wall, %.2f s CPU)%n", m.workload().name(),
            ((Number) m.details().get("requests")).longValue(),
            ((EndToEndWorkload) m.workload()).simulatedNanos() / 60e9, simulatedRequestsPerSecond(m),
            simulatedSecondsPerSecond(m), m.medianNanos() / 1e9, m.medianCpuNanos() / 1e9);
      }
    }
    if (!targets.isEmpty()) {
      out.println();
      out.println("targets" + (results.size() > 0 && results.get(0).nanos().length < 5
          ? " (few repetitions: indicative only)" : "") + ":");
      for (Target t : targets) {
        out.printf(Locale.ROOT, "  %-6s %-9s %-44s measured %.2f%n", t.met() ? "MET" : "MISSED",
            t.workload(), t.text(), t.value());
      }
    }
  }

  private static void row(PrintWriter out, Measured m, String compared, String cpu) {
    double[] eps = m.eventsPerSecond();
    double min = Arrays.stream(eps).min().orElse(0);
    double max = Arrays.stream(eps).max().orElse(0);
    String heap = m.memory() == null ? "" : String.format(Locale.ROOT, "%.1f", m.memory().heapBytesPerPending());
    String arrays = m.memory() == null ? "" : String.format(Locale.ROOT, "%.1f", m.memory().footprintBytesPerPending());
    out.printf(Locale.ROOT, "%-18s %,11d %,9d %12.2f %17s %-28s %11s %11s %9s%n", m.workload().name(),
        m.events(), m.pendingEvents(), m.medianEventsPerSecond() / 1e6,
        String.format(Locale.ROOT, "(%.2f - %.2f)", min / 1e6, max / 1e6), compared, heap, arrays, cpu);
  }

  private String json(Measured m, Group g, Measured partner, List<Target> targets) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("workload", m.workload().name());
    o.put("description", m.workload().description());
    o.put("events", m.events());
    o.put("eventsPerSecond", Math.round(m.medianEventsPerSecond()));
    double[] eps = m.eventsPerSecond();
    o.put("minEventsPerSecond", Math.round(Arrays.stream(eps).min().orElse(0)));
    o.put("maxEventsPerSecond", Math.round(Arrays.stream(eps).max().orElse(0)));
    o.put("medianMillis", round(m.medianNanos() / 1e6, 3));
    o.put("repetitions", m.nanos().length);
    o.put("pendingEvents", m.pendingEvents());
    if (m.memory() != null) {
      o.put("bytesPerPendingEvent", round(m.memory().heapBytesPerPending(), 2));
      o.put("footprintBytesPerPendingEvent", round(m.memory().footprintBytesPerPending(), 2));
    }
    if (g != null) {
      double r = ratio(g, m, partner);
      if (g.comparison() == Comparison.THROUGHPUT) {
        o.put("reference", partner.workload().name());
        o.put("referenceEventsPerSecond", Math.round(partner.medianEventsPerSecond()));
        o.put("ratioToReference", round(r, 3));
        o.put("cpuRatioToReference", round(cpuRatio(g, m, partner), 3));
      } else {
        o.put("comparedWith", partner.workload().name());
        o.put("timeRatio", round(r, 3));
        o.put("cpuTimeRatio", round(cpuRatio(g, m, partner), 3));
      }
    }
    List<Object> mine = new ArrayList<>();
    for (Target t : targets) {
      if (t.workload().equals(m.workload().name())) {
        Map<String, Object> tj = new LinkedHashMap<>();
        tj.put("target", t.text());
        tj.put("value", round(t.value(), 3));
        tj.put("met", t.met());
        mine.add(tj);
      }
    }
    if (!mine.isEmpty()) {
      o.put("targets", mine);
    }
    o.put("details", m.details());
    if (m.workload() instanceof EndToEndWorkload) {
      o.put("simulatedRequestsPerSecond", Math.round(simulatedRequestsPerSecond(m)));
      o.put("simulatedSecondsPerSecond", round(simulatedSecondsPerSecond(m), 1));
    }
    o.put("quick", quick);
    o.put("jvm", jvm());
    o.put("cores", Runtime.getRuntime().availableProcessors());
    return Json.write(o);
  }

  /** Simulated requests per wall-clock second of the end-to-end workload (median run). */
  static double simulatedRequestsPerSecond(Measured m) {
    return ((Number) m.details().get("requests")).doubleValue() * 1e9 / m.medianNanos();
  }

  /** Simulated seconds per wall-clock second of the end-to-end workload (median run). */
  static double simulatedSecondsPerSecond(Measured m) {
    return ((EndToEndWorkload) m.workload()).simulatedNanos() / m.medianNanos();
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
