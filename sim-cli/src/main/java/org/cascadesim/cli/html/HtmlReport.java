package org.cascadesim.cli.html;

import java.nio.file.Path;
import java.util.List;
import org.cascadesim.cli.report.ReportData;

/** The self-contained report.html of an output folder. */
// placeholder until the charts branch lands
public final class HtmlReport {
  private HtmlReport() {}

  /** Writes the report of {@code data} with the given chart files to {@code file}. */
  public static void write(ReportData data, List<Path> charts, Path file) {
    // placeholder until the charts branch lands: writes nothing
  }
}
