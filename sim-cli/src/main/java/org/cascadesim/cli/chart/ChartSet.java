package org.cascadesim.cli.chart;

import java.nio.file.Path;
import java.util.List;
import org.cascadesim.cli.report.ReportData;

/** The charts of a report (PNG and SVG files written into the output folder). */
// placeholder until the charts branch lands
public final class ChartSet {
  private ChartSet() {}

  /** Writes every chart of {@code data} into {@code dir} and returns the files written. */
  public static List<Path> writeAll(ReportData data, Path dir) {
    return List.of();
  }
}
