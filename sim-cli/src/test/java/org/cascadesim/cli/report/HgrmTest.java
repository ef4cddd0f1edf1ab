package org.cascadesim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .hgrm text parses back, as the HdrHistogram plotter reads it, to the recorded percentiles. */
class HgrmTest {
  @TempDir Path tmp;

  /** One data row: value (ms), percentile (0..1), cumulative count. */
  record Row(double valueMs, double percentile, long totalCount) {}

  /** Parses like plotFiles.html: lines not starting with '#' that split on spaces into 4 numbers-or-inf. */
  static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      String[] f = trimmed.split(" +");
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("Value")) {
        continue;
      }
      assertThat(f).as("data row '%s' has 4 whitespace-separated fields", line).hasSize(4);
      rows.add(new Row(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2])));
    }
    return rows;
  }

  /**
   * Checks the table against the value at percentile p: a row exactly at p shows it; otherwise
   * it lies between the rows around p (the table is sampled at ticks, not at every percentile).
   */
  static void assertValueAt(List<Row> rows, double p, double expectedMs, double toleranceMs) {
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (Math.abs(row.percentile() - p / 100) < 1e-12) {
        assertThat(row.valueMs()).as("p%s", p).isCloseTo(expectedMs, within(toleranceMs));
        return;
      }
      if (row.percentile() > p / 100) {
        assertThat(i).as("a row below p%s", p).isPositive();
        assertThat(rows.get(i - 1).valueMs()).as("row below p%s", p).isLessThanOrEqualTo(expectedMs + toleranceMs);
        assertThat(row.valueMs()).as("row above p%s", p).isGreaterThanOrEqualTo(expectedMs - toleranceMs);
        return;
      }
    }
    throw new AssertionError("no row at or above p" + p);
  }

  @Test
  void uniformOneToThousandMillisecondsReadsBackAsTheTheoreticalPercentiles() {
    Histogram h = new Histogram(3);
    for (int ms = 1; ms <= 1000; ms++) {
      h.recordValue(ms * 1_000_000L);
    }
    List<Row> rows = parse(Hgrm.format(h));
    // 1000 equally likely values 1..1000 ms: the p-th percentile is 10*p ms; 3 significant digits
    // means at most 0.1% above the exact value
    assertValueAt(rows, 50, 500.0, 0.5);
    assertValueAt(rows, 90, 900.0, 0.9);
    assertValueAt(rows, 99, 990.0, 1.0);
    // and every row lies on the uniform quantile function q -> 1000 q ms
    for (Row row : rows) {
      assertThat(row.valueMs()).isCloseTo(Math.max(1, Math.ceil(1000 * row.percentile() - 1e-9)), within(1.0));
    }
    assertThat(rows.get(rows.size() - 1).totalCount()).isEqualTo(1000);
    assertThat(rows.get(rows.size() - 1).percentile()).isEqualTo(1.0);
  }

  @Test
  void lastDataRowCarriesInfAsItsFourthFieldLikeWrk2() {
    Histogram h = new Histogram(3);
    h.recordValue(2_000_000L);
    String text = Hgrm.format(h);
    assertThat(text).startsWith("       Value     Percentile TotalCount 1/(1-Percentile)\n\n");
    assertThat(text.lines().filter(l -> l.contains("1.000000000000")).toList())
        .singleElement().satisfies(l -> assertThat(l.strip().split(" +")).endsWith("inf"));
    assertThat(text).endsWith("]\n").doesNotContain("\r");
  }

  @Test
  void writtenHgrmFilesParseBackToTheRunsHistograms() throws Exception {
    Path out = tmp.resolve("r");
    org.cascadesim.cli.Main.execute(new String[] {"compare", "src/test/resources/scenarios/valid/report-small.yaml",
        "--out", out.toString(), "-q"}, new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter()));
    ScenarioSpec spec = new ScenarioReader().read(Path.of("src/test/resources/scenarios/valid/report-small.yaml"))
        .spec("more-threads");
    RunSummary run = ScenarioRunner.run(spec, "more-threads", spec.seed());
    Histogram recorded = run.clients().get(0).latency();

    List<Row> rows = parse(Files.readString(out.resolve("client-web.more-threads.hgrm")));

    for (double p : new double[] {50, 90, 99}) {
      // three decimals of ms in the file: half a microsecond of rounding
      assertValueAt(rows, p, recorded.getValueAtPercentile(p) / 1e6, 0.0005);
    }
    assertThat(rows.get(rows.size() - 1).totalCount()).isEqualTo(recorded.getTotalCount());
  }
}
