package org.cascadesim.models.runtime.eventloop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.cascadesim.core.Action;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.TimeWeightedGauge;

/**
 * The CPU cores of one process, shared by the threads that compute at once (the event loop and
 * busy pool workers) the way an operating system's time-slicing scheduler shares them: with n
 * threads computing on c cores, each progresses at min(1, c / n) of full speed. This is processor
 * sharing, the limit of round-robin scheduling as the time slice goes to zero (Kleinrock,
 * "Queueing Systems" vol. 2, chapter 4); Linux CFS aims at that fair share. Without a core
 * limit every thread computes at full speed.
 *
 * <p>Implementation: a virtual clock counts the work each running thread has received; a task
 * finishes when the virtual clock reaches its start value plus its work, so only the earliest
 * finish needs a scheduled event, moved whenever the number of threads computing changes.
 */
public final class CpuCores {

  /** No core limit: every thread computes at full speed. */
  public static final int UNLIMITED = -1;

  private static final Comparator<Task> ORDER =
      Comparator.comparingDouble(Task::finish).thenComparingLong(Task::sequence);

  private final Simulation sim;
  private final int cores;
  private final TimeWeightedGauge threadsGauge;
  private final PriorityQueue<Task> running = new PriorityQueue<>(ORDER);
  private double attainedNanos;
  private long updatedNanos;
  private long handle = -1;
  private long sequence;
  private long unlimitedRunning;

  /**
   * Creates the cores of service {@code service}.
   *
   * @param cores how many threads can compute at full speed at once, or {@link #UNLIMITED}
   */
  public CpuCores(Simulation sim, String service, int cores) {
    if (cores < 1 && cores != UNLIMITED) {
      throw new IllegalArgumentException("cores must be >= 1 or UNLIMITED (was " + cores + ")");
    }
    this.sim = sim;
    this.cores = cores;
    this.threadsGauge = sim.metrics().gauge("service." + service + ".cpu.threads", sim.nowNanos());
    this.updatedNanos = sim.nowNanos();
  }

  /** Returns the number of cores, or {@link #UNLIMITED}. */
  public int cores() {
    return cores;
  }

  /** Returns how many threads are computing now. */
  public long computing() {
    return cores == UNLIMITED ? unlimitedRunning : running.size();
  }

  /** Runs {@code workNanos} of CPU work on one thread and calls {@code done} when it is finished. */
  public void compute(long workNanos, Action done) {
    if (workNanos < 0) {
      throw new IllegalArgumentException("work must be >= 0 (was " + workNanos + ")");
    }
    long now = sim.nowNanos();
    if (cores == UNLIMITED) {
      threadsGauge.set(now, ++unlimitedRunning);
      sim.schedule(workNanos, () -> {
        threadsGauge.set(sim.nowNanos(), --unlimitedRunning);
        done.run();
      });
      return;
    }
    advance(now);
    running.add(new Task(attainedNanos + workNanos, sequence++, done));
    threadsGauge.set(now, running.size());
    reschedule();
  }

  private void advance(long now) {
    int n = running.size();
    if (n > 0 && now > updatedNanos) {
      // elapsed * min(n, c) / n, multiplied before dividing so that even splits stay exact.
      attainedNanos += (double) (now - updatedNanos) * Math.min(n, cores) / n;
    }
    updatedNanos = now;
  }

  private void reschedule() {
    if (handle >= 0) {
      sim.cancel(handle);
      handle = -1;
    }
    Task head = running.peek();
    if (head == null) {
      return;
    }
    int n = running.size();
    double delay = (head.finish() - attainedNanos) * n / Math.min(n, cores);
    handle = sim.schedule(delay <= 0 ? 0 : Math.round(delay), this::complete);
  }

  private void complete() {
    handle = -1;
    long now = sim.nowNanos();
    advance(now);
    Task head = running.poll();
    // The event was rounded to a whole nanosecond: the head is done by definition.
    attainedNanos = Math.max(attainedNanos, head.finish());
    List<Action> finished = new ArrayList<>();
    finished.add(head.done());
    while (!running.isEmpty() && running.peek().finish() <= attainedNanos) {
      finished.add(running.poll().done());
    }
    threadsGauge.set(now, running.size());
    reschedule();
    for (Action done : finished) {
      done.run();
    }
  }

  /** One thread's work: it finishes when the virtual clock reaches {@code finish}. */
  private record Task(double finish, long sequence, Action done) {}
}
