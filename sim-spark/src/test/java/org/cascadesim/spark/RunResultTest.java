package org.cascadesim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cascadesim.cli.report.Hgrm;
import org.cascadesim.cli.sweep.RunOutput;
import org.junit.jupiter.api.Test;

/**
 * What an executor sends back survives Java serialization exactly: metric doubles bit for bit, and
 * histograms with the same counts, range and auto-resizing, so merging them on the driver gives the
 * same {@code .hgrm} as merging the originals.
 */
class RunResultTest {

  private static Histogram recorder(long... valuesNanos) {
    Histogram h = new Histogram(3); // as sim-core's LatencyRecorder: auto-resizing, 3 digits
    for (long v : valuesNanos) {
      h.recordValue(v);
    }
    return h;
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void metricsAndHistogramsComeBackExactlyAndStillMergeWithWiderOnes() throws Exception {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("client.b.p99_ms", 0.1 + 0.2);
    metrics.put("client.a.success_rate", Double.NaN);
    Histogram small = recorder(1_000, 2_500, 40_000_000);
    Histogram wide = recorder(7_000, 90_000_000_000L);

    RunOutput back = roundTrip(RunResult.of(3, new RunOutput(metrics, Map.of("b", small)))).output();

    assertThat(back.metrics().keySet()).containsExactly("client.b.p99_ms", "client.a.success_rate");
    assertThat(Double.doubleToRawLongBits(back.metrics().get("client.b.p99_ms")))
        .isEqualTo(Double.doubleToRawLongBits(0.1 + 0.2));
    assertThat(back.metrics().get("client.a.success_rate")).isNaN();
    Histogram decoded = back.latencies().get("b");
    assertThat(Hgrm.format(decoded)).isEqualTo(Hgrm.format(small));
    assertThat(decoded.getHighestTrackableValue()).isEqualTo(small.getHighestTrackableValue());
    assertThat(decoded.isAutoResize()).isTrue();

    // Merge as MergedLatencies does (copy the first, add the next): the wider histogram must fit.
    Histogram expected = small.copy();
    expected.add(wide);
    Histogram actual = decoded.copy();
    actual.add(wide);
    assertThat(actual.getTotalCount()).isEqualTo(5);
    assertThat(Hgrm.format(actual)).isEqualTo(Hgrm.format(expected));
  }
}
