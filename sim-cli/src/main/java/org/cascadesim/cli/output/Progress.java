package org.cascadesim.cli.output;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Progress of a multi-variant command on stderr, so stdout stays machine-readable: a bar redrawn
 * in place on a terminal that also moves within a run, otherwise one plain line per finished
 * variant ({@code sim: ran fixed (2 of 4) in 0.8 s}) and, for a run longer than five seconds, a
 * line every five seconds saying how much of it is simulated; nothing when quiet. Wall-clock time appears here and
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

  /** In plain-line mode, how long a run goes before its progress gets a line, and between lines. */
  static final long LINE_EVERY_NANOS = 5_000_000_000L;

  private final PrintWriter err;
  private final Mode mode;
  private final int total;
  private int lastWidth;
  private long lastLineWallNanos;

  /** Creates progress for {@code total} variants. */
  public Progress(PrintWriter err, Mode mode, int total) {
    this.err = err;
    this.mode = mode;
    this.total = total;
  }

  /** Returns the mode for this process: a bar when it runs on a terminal, lines otherwise. */
  public static Mode detect(boolean quiet) {
    return detect(quiet, onTerminal(System.console()));
  }

  /** Returns the mode for {@code --quiet} and whether the process runs on a terminal. */
  static Mode detect(boolean quiet, boolean terminal) {
    if (quiet) {
      return Mode.QUIET;
    }
    return terminal ? Mode.BAR : Mode.LINES;
  }

  /**
   * Whether {@code console} is a terminal. Up to JDK 21 {@link System#console()} is null unless
   * the process runs on a terminal; from JDK 22 on it may return a console when input and output
   * are redirected too, and {@code Console.isTerminal()} (JDK 22+, called reflectively since this
   * code compiles for 17) tells the two apart.
   */
  static boolean onTerminal(Console console) {
    if (console == null) {
      return false;
    }
    Method isTerminal;
    try {
      isTerminal = Console.class.getMethod("isTerminal");
    } catch (NoSuchMethodException e) {
      return true; // JDK 17 to 21: a console exists only on a terminal
    }
    try {
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false; // cannot tell: plain lines are safe anywhere
    }
  }

  /** Reports that variant number {@code index} (0-based) starts. */
  public void starting(String variant, int index) {
    lastLineWallNanos = 0;
    if (mode == Mode.BAR) {
      draw(index, "running " + variant);
    }
  }

  /**
   * Reports how far variant number {@code index} (0-based) is: {@code doneNanos} of {@code
   * durationNanos} simulated, after {@code wallNanos} of wall-clock time. A bar moves with it; in
   * plain-line mode a run longer than {@link #LINE_EVERY_NANOS} gets a line that often.
   */
  public void advanced(String variant, int index, long doneNanos, long durationNanos, long wallNanos) {
    double fraction = durationNanos <= 0 ? 1 : Math.min(1, (double) doneNanos / durationNanos);
    String text = String.format(Locale.ROOT, "running %s: %.0f%% of %s simulated", variant, 100 * fraction,
        org.cascadesim.cli.report.Units.duration(durationNanos));
    if (mode == Mode.BAR) {
      draw(index + fraction, text);
    } else if (mode == Mode.LINES && wallNanos - lastLineWallNanos >= LINE_EVERY_NANOS && fraction < 1) {
      lastLineWallNanos = wallNanos;
      err.println(String.format(Locale.ROOT, "sim: %s (%d of %d) after %.0f s", text, index + 1, total, wallNanos / 1e9));
      err.flush();
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

  private void draw(double done, String text) {
    int filled = total == 0 ? BAR_WIDTH : (int) (done * BAR_WIDTH / total);
    String line = "sim: [" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + (int) done + "/" + total + " " + text;
    int pad = Math.max(0, lastWidth - line.length());
    err.print("\r" + line + " ".repeat(pad));
    err.flush();
    lastWidth = line.length();
  }
}
