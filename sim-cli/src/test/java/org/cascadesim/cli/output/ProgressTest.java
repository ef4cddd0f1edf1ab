package org.cascadesim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** How progress is shown in each mode, and which mode a process gets, on any JDK. */
class ProgressTest {

  @Test
  void quietWinsThenATerminalGetsTheBarAndAnythingElseLines() {
    assertThat(Progress.detect(true, true)).isEqualTo(Progress.Mode.QUIET);
    assertThat(Progress.detect(true, false)).isEqualTo(Progress.Mode.QUIET);
    assertThat(Progress.detect(false, true)).isEqualTo(Progress.Mode.BAR);
    assertThat(Progress.detect(false, false)).isEqualTo(Progress.Mode.LINES);
  }

  @Test
  void noConsoleIsNoTerminal() {
    assertThat(Progress.onTerminal(null)).isFalse();
  }

  @Test
  void aProcessWhoseConsoleIsNoTerminalGetsLines() {
    // Surefire's forked JVM reads and writes pipes: on JDK 17 System.console() is null, on JDK 22+
    // it is a console that is no terminal. Either way: lines.
    assertThat(Progress.onTerminal(System.console())).isFalse();
    assertThat(Progress.detect(false)).isEqualTo(Progress.Mode.LINES);
  }

  /** Reports variant "base" starting and finishing after 0.8 s; returns all printed so far. */
  private static String afterBase(StringWriter err, Progress progress) {
    progress.starting("base", 0);
    progress.finished("base", 0, 800_000_000L);
    return err.toString();
  }

  @Test
  void linesModePrintsOneLinePerFinishedVariantAndNothingAtTheStart() {
    StringWriter err = new StringWriter();
    Progress progress = new Progress(new PrintWriter(err), Progress.Mode.LINES, 2);
    afterBase(err, progress);
    progress.starting("deadline", 1);
    progress.finished("deadline", 1, 12_340_000_000L);

    assertThat(err.toString().lines().toList())
        .containsExactly("sim: ran base (1 of 2) in 0.8 s", "sim: ran deadline (2 of 2) in 12.3 s");
  }

  @Test
  void barModeRedrawsOneLineInPlaceAndEndsItAfterTheLastVariant() {
    StringWriter err = new StringWriter();
    Progress progress = new Progress(new PrintWriter(err), Progress.Mode.BAR, 2);

    assertThat(afterBase(err, progress))
        .startsWith("\rsim: [--------------------] 0/2 running base")
        .contains("\rsim: [##########----------] 1/2 ran base in 0.8 s")
        .doesNotContain("\n");
    progress.finished("deadline", 1, 1_000_000_000L);
    assertThat(err.toString()).contains("\rsim: [####################] 2/2 ran deadline in 1.0 s").endsWith(System.lineSeparator());
  }

  @Test
  void aLongRunGetsAProgressLineEveryFiveSecondsOfWallTimeAndTheBarMovesWithinAVariant() {
    StringWriter err = new StringWriter();
    Progress lines = new Progress(new PrintWriter(err), Progress.Mode.LINES, 2);
    long minute = 60_000_000_000L;
    lines.starting("base", 0);
    lines.advanced("base", 0, 10 * minute, 100 * minute, 1_000_000_000L); // 1 s: too early for a line
    lines.advanced("base", 0, 50 * minute, 100 * minute, 5_200_000_000L);
    lines.advanced("base", 0, 60 * minute, 100 * minute, 6_000_000_000L); // 0.8 s after the last line
    lines.advanced("base", 0, 95 * minute, 100 * minute, 10_300_000_000L);
    assertThat(err.toString().lines().toList()).containsExactly(
        "sim: running base: 50% of 100 min simulated (1 of 2) after 5 s",
        "sim: running base: 95% of 100 min simulated (1 of 2) after 10 s");

    StringWriter bar = new StringWriter();
    Progress drawn = new Progress(new PrintWriter(bar), Progress.Mode.BAR, 2);
    drawn.starting("fixed", 1);
    drawn.advanced("fixed", 1, 50 * minute, 100 * minute, 1L);
    assertThat(bar.toString()).contains("\rsim: [###############-----] 1/2 running fixed: 50% of 100 min simulated");
  }

  @Test
  void quietModePrintsNothing() {
    StringWriter err = new StringWriter();

    assertThat(afterBase(err, new Progress(new PrintWriter(err), Progress.Mode.QUIET, 1))).isEmpty();
  }
}
