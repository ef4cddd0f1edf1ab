package org.cascadesim.cli.bench;

import java.lang.ref.Reference;
import java.util.Arrays;
import org.cascadesim.core.Action;
import org.cascadesim.core.event.EventQueue;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.core.random.SeedMixer;

/**
 * Measures the memory held per pending event after filling a queue the way the hold model does
 * (exponential times, one shared action instance), in two ways: the queue's own count of its
 * array bytes ({@code footprintBytes()}, capacity included) and the growth of the used heap
 * ({@code totalMemory - freeMemory}) across the fill, each side taken after {@code System.gc()}.
 * The heap delta is what the 48-byte target applies to: it includes every array of the queue (the
 * heap arrays and the per-slot arrays), their unused capacity and object headers.
 */
final class MemoryProbe {

  /** The figures of one queue, in bytes per pending event. */
  record Result(int pending, double footprintBytesPerPending, double heapBytesPerPending) {}

  private static final Action SHARED = () -> {};

  private MemoryProbe() {}

  /** Median of {@code trials} measurements of the engine's {@link EventQueue}. */
  static Result engineQueue(int pending, long seed, int trials) {
    return measure(pending, seed, trials, true);
  }

  /** Median of {@code trials} measurements of the reference heap. */
  static Result referenceHeap(int pending, long seed, int trials) {
    return measure(pending, seed, trials, false);
  }

  private static Result measure(int pending, long seed, int trials, boolean engine) {
    double[] footprint = new double[trials];
    double[] heap = new double[trials];
    Distribution.Exponential increment = new Distribution.Exponential(HoldWorkload.MEAN_INCREMENT_NANOS);
    for (int trial = 0; trial < trials; trial++) {
      RandomStream random = new RandomStream("hold", SeedMixer.streamSeed(seed, "hold"));
      long before = usedAfterGc();
      Object queue;
      long bytes;
      if (engine) {
        EventQueue q = new EventQueue();
        for (int i = 0; i < pending; i++) {
          q.add(increment.sampleNanos(random), i, SHARED);
        }
        queue = q;
        bytes = q.footprintBytes();
      } else {
        ReferenceHeap h = new ReferenceHeap();
        for (int i = 0; i < pending; i++) {
          h.add(increment.sampleNanos(random), 0);
        }
        queue = h;
        bytes = h.footprintBytes();
      }
      long after = usedAfterGc();
      Reference.reachabilityFence(queue);
      footprint[trial] = (double) bytes / pending;
      heap[trial] = (double) (after - before) / pending;
    }
    return new Result(pending, median(footprint), median(heap));
  }

  static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    // A few collections: the first may leave garbage that a concurrent phase frees later.
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
