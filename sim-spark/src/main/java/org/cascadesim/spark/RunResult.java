package org.cascadesim.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cascadesim.cli.sweep.RunOutput;

/**
 * The output of one run as returned from an executor, keyed by its run id: the metrics in {@link
 * org.cascadesim.cli.sweep.RunMetrics} order as exact doubles (Java serialization keeps every
 * bit), and each client's latency histogram in HdrHistogram's compressed encoding (lossless, and
 * a few KB instead of the counts array's hundreds), so the driver writes the same files as a local
 * sweep.
 *
 * @param run the run id of the plan
 * @param metrics the metrics by name, in their stable order
 * @param latencies each client's compressed latency histogram (ns) by client name, in the run's order
 */
public record RunResult(int run, Map<String, Double> metrics, Map<String, byte[]> latencies) implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Copies both maps into insertion-ordered, serializable maps. */
  public RunResult {
    metrics = new LinkedHashMap<>(metrics);
    latencies = new LinkedHashMap<>(latencies);
  }

  /** Packs the output of run {@code run} for the trip to the driver. */
  public static RunResult of(int run, RunOutput output) {
    Map<String, byte[]> latencies = new LinkedHashMap<>();
    for (Map.Entry<String, Histogram> e : output.latencies().entrySet()) {
      ByteBuffer buffer = ByteBuffer.allocate(e.getValue().getNeededByteBufferCapacity());
      int length = e.getValue().encodeIntoCompressedByteBuffer(buffer);
      latencies.put(e.getKey(), Arrays.copyOf(buffer.array(), length));
    }
    return new RunResult(run, output.metrics(), latencies);
  }

  /**
   * Unpacks the output as the run produced it: same counts, range and auto-resizing (HdrHistogram
   * 2.2.2's decoder turns it on; it is set here so as not to depend on that, since the runs'
   * recorders auto-resize and a merge must widen like theirs), so merging gives the same histogram.
   */
  public RunOutput output() {
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> e : latencies.entrySet()) {
      try {
        Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(e.getValue()), 0);
        h.setAutoResize(true);
        histograms.put(e.getKey(), h);
      } catch (java.util.zip.DataFormatException ex) {
        throw new IllegalStateException("run " + run + ": corrupt histogram of client " + e.getKey(), ex);
      }
    }
    return new RunOutput(metrics, histograms);
  }
}
