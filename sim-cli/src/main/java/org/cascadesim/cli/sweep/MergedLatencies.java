package org.cascadesim.cli.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cascadesim.cli.output.FileNames;
import org.cascadesim.cli.report.Hgrm;

/**
 * The client latency histograms of a sweep, merged per (point, variant) across replications with
 * HdrHistogram's {@code add} (exact: counts per bucket are summed, HdrHistogram 2.2.2 {@code
 * AbstractHistogram.add}) and written as one {@code .hgrm} per point, variant and client as soon
 * as the cell's last replication arrives. Runs arrive in plan order, so only the cell in progress
 * is held in memory, however many runs the sweep has.
 */
public final class MergedLatencies {
  /** The folder of the merged histograms inside the sweep folder. */
  public static final String FOLDER = "hgrm";

  private final Path dir;
  private final int replications;
  private final Map<String, Histogram> current = new LinkedHashMap<>();
  private final List<Path> written = new ArrayList<>();

  /** Writes into {@code sweepDir/hgrm}, created on the first file. */
  public MergedLatencies(Path sweepDir, int replications) {
    this.dir = sweepDir.resolve(FOLDER);
    this.replications = replications;
  }

  /** The file name of a merged histogram: {@code point-<i>-<variant>-client-<name>.hgrm}, sanitized. */
  public static String fileName(int point, String variant, String client) {
    return FileNames.sanitize("point-" + point + "-" + variant + "-client-" + client) + ".hgrm";
  }

  /**
   * Adds the histograms of one run (client name to latency in ns); runs must come in plan order.
   * Writes the cell's files after its last replication.
   */
  public void add(SweepPlan.Run run, Map<String, Histogram> latencies) throws IOException {
    for (Map.Entry<String, Histogram> e : latencies.entrySet()) {
      Histogram merged = current.get(e.getKey());
      if (merged == null) {
        current.put(e.getKey(), e.getValue().copy());
      } else {
        merged.add(e.getValue());
      }
    }
    if (run.replication() == replications - 1) {
      Files.createDirectories(dir);
      for (Map.Entry<String, Histogram> e : current.entrySet()) {
        Path file = dir.resolve(fileName(run.point().index(), run.variant(), e.getKey()));
        Files.writeString(file, Hgrm.format(e.getValue()), StandardCharsets.UTF_8);
        written.add(file);
      }
      current.clear();
    }
  }

  /** Returns the files written so far, in plan order. */
  public List<Path> written() {
    return List.copyOf(written);
  }
}
