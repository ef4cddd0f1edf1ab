package org.cascadesim.cli.output;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a multi-variant command on stderr, so stdout stays machine-readable: a bar redrawn
 * in place on a terminal, otherwise one plain line per finished variant
 * ({@code sim: ran fixed (2 of 4) in 0.8 s}), nothing when quiet. Wall-clock time appears here and
 * in wallclock.json only, never in the deterministic files.
 */
public final class Progress {
  private static final int BAR_WIDTH = 20;

  /** How progress is shown. */
  public enum Mode {
    /** A bar redrawn with carriage returns (stderr is a terminal). */
    BAR,
    /** One line per finished variant (stderr is a file or a pipe). */
    LINES,
    /** Nothing ({@code --quiet}). */
    QUIET
  }

  private final PrintWriter err;
  private final Mode mode;
  private final int total;
  private int lastWidth;

  /** Creates progress for {@code total} variants. */
  public Progress(PrintWriter err, Mode mode, int total) {
    this.err = err;
    this.mode = mode;
    this.total = total;
  }

  /** Returns the mode for this process: a bar when there is a console, lines otherwise. */
  public static Mode detect(boolean quiet) {
    if (quiet) {
      return Mode.QUIET;
    }
    return System.console() != null ? Mode.BAR : Mode.LINES;
  }

  /** Reports that variant number {@code index} (0-based) starts. */
  public void starting(String variant, int index) {
    if (mode == Mode.BAR) {
      draw(index, "running " + variant);
    }
  }

  /** Reports that variant number {@code index} (0-based) finished after {@code wallNanos}. */
  public void finished(String variant, int index, long wallNanos) {
    String took = String.format(Locale.ROOT, "%.1f s", wallNanos / 1e9);
    if (mode == Mode.LINES) {
      err.println("sim: ran " + variant + " (" + (index + 1) + " of " + total + ") in " + took);
      err.flush();
    } else if (mode == Mode.BAR) {
      draw(index + 1, "ran " + variant + " in " + took);
      if (index + 1 == total) {
        err.println();
        err.flush();
      }
    }
  }

  private void draw(int done, String text) {
    int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
    String line = "sim: [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + " " + text;
    int pad = Math.max(0, lastWidth - line.length());
    err.print("\r" + line + " ".repeat(pad));
    err.flush();
    lastWidth = line.length();
  }
}
