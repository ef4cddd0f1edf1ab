package org.cascadesim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cascadesim.cli.Main;
import org.cascadesim.cli.output.RunReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line edge cases of {@code sim sweep}: default folder, bounds, duplicates, metric names. */
class SweepCommandLineTest {

  private static final Path MM1 = Path.of("src/test/resources/scenarios/sweep/mm1.yaml");

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int sim(String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void defaultSweepFolderIsASiblingOfTheRunFolderNotInsideIt() {
    Path run = RunReporter.defaultFolder("checkout");
    Path sweep = SweepArgs.defaultFolder("checkout");

    assertThat(sweep).isEqualTo(Path.of("out", "checkout-sweep"));
    assertThat(sweep.startsWith(run)).isFalse();
  }

  @Test
  void defaultSweepFolderUsesTheRunSanitizerForLongAndHiddenNames() {
    String longName = "x".repeat(300);

    assertThat(SweepArgs.defaultFolder(longName).getFileName().toString())
        .isEqualTo(RunReporter.defaultFolder(longName).getFileName() + "-sweep")
        .hasSizeLessThan(255);
    assertThat(SweepArgs.defaultFolder(".hidden  two").getFileName().toString())
        .isEqualTo("_hidden_two-sweep");
  }
}
