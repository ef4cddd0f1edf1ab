package org.cascadesim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cascadesim.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text tables and summary.json of a small scenario are pinned by golden files. */
class GoldenOutputTest {
  @TempDir Path tmp;

  @Test
  void runPrintsTheGoldenSummaryTable() throws Exception {
    Cli cli = Cli.run("run", Cli.SMALL, "--no-output");
    assertThat(cli.code).isEqualTo(ExitCodes.OK);
    Golden.assertMatches("run-report-small.txt", cli.out());
  }

  @Test
  void compareRunsEveryVariantAndPrintsTheGoldenComparison() throws Exception {
    Cli cli = Cli.run("compare", Cli.SMALL, "--no-output");
    assertThat(cli.code).isEqualTo(ExitCodes.OK);
    Golden.assertMatches("compare-report-small.txt", cli.out());
  }

  @Test
  void compareWritesTheGoldenSummaryJson() throws Exception {
    Path out = tmp.resolve("report");
    Cli cli = Cli.run("compare", Cli.SMALL, "--out", out.toString());
    assertThat(cli.code).as(cli.err()).isEqualTo(ExitCodes.OK);
    Golden.assertMatches("summary-report-small.json", Files.readString(out.resolve("summary.json")));
  }

  @Test
  void formatJsonPrintsExactlyTheSummaryJsonOnStdout() throws Exception {
    Path out = tmp.resolve("report");
    Cli cli = Cli.run("compare", Cli.SMALL, "--format", "json", "--out", out.toString());
    assertThat(cli.code).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).isEqualTo(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8));
  }

  @Test
  void quietPrintsNothingButStillWritesTheFolder() {
    Path out = tmp.resolve("report");
    Cli cli = Cli.run("compare", Cli.SMALL, "--quiet", "--out", out.toString());
    assertThat(cli.code).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).isEmpty();
    assertThat(out.resolve("summary.json")).exists();
  }

  @Test
  void progressGoesToStderrOneLinePerVariantWhenNotOnATerminal() {
    // Surefire's forked JVM reads and writes pipes, never a terminal, on every JDK (on 22+
    // System.console() is not null there, but it is no terminal: ProgressTest).
    Cli cli = Cli.run("compare", Cli.SMALL, "--variants", "deadline", "--no-output");
    assertThat(cli.err().lines().toList())
        .hasSize(2)
        .satisfies(lines -> {
          assertThat(lines.get(0)).matches("sim: ran base \\(1 of 2\\) in [0-9]+\\.[0-9] s");
          assertThat(lines.get(1)).matches("sim: ran deadline \\(2 of 2\\) in [0-9]+\\.[0-9] s");
        });
    assertThat(cli.out()).contains("base vs deadline").doesNotContain("more-threads");
  }

  @Test
  void latencyAppendsTheDetailedPercentileSpectrumPerClientAndVariant() {
    Cli cli = Cli.run("run", Cli.SMALL, "--latency", "--no-output");
    assertThat(cli.out())
        .contains("LATENCY web -> api /health, variant base")
        .contains("Detailed Percentile spectrum:")
        .contains("       Value     Percentile TotalCount 1/(1-Percentile)")
        .contains("#[Max     =");
  }

  @Test
  void compareRejectsAnUnknownVariantAsAUsageError() {
    Cli cli = Cli.run("compare", Cli.SMALL, "--variants", "nope", "--no-output");
    assertThat(cli.code).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("no variant named 'nope'").contains("deadline, more-threads");
  }
}
