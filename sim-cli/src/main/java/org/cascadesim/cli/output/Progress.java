package org.cascadesim.cli.output;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
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
