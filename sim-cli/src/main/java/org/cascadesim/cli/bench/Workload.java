package org.cascadesim.cli.bench;

import java.util.Map;

/** One benchmark workload: {@link #prepare()} builds a fresh, untimed instance; its run is timed. */
interface Workload {

  /** The name used by {@code --workload} and in the output. */
  String name();

  /** One line saying what the workload does. */
  String description();

  /** The number of events every run must execute (checked after each run). */
  long expectedEvents();

  /** Builds a fresh instance, including any initial fill of the queue; not timed. */
  Trial prepare();

  /** One prepared run. */
  interface Trial {
    /** Runs the workload and returns the number of events executed; the only timed part. */
    long run();

    /** The number of events pending at the end of the run. */
    long pendingEvents();

    /** Workload-specific results, for the JSON output and as a check of what ran. */
    Map<String, Object> details();
  }
}
