package org.cascadesim.cli.io;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in a scenario, printed as {@code file:line:col: path: message} so editors and CI
 * can jump to it.
 *
 * @param file the file (or {@code --set} argument) the problem is in
 * @param line 1-based line, or 0 when there is no position
 * @param col 1-based column, or 0 when there is no position
 * @param path the key's path ({@code clients.shoppers.timeout}), or empty for the whole file
 * @param message what is wrong and what is allowed
 */
public record Problem(String file, int line, int col, String path, String message)
    implements Comparable<Problem> {
  private static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::col)
          .thenComparing(Problem::path)
          .thenComparing(Problem::message);

  /** Checks the fields are present. */
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** A problem at a location. */
  public static Problem at(Location location, String path, String message) {
    return new Problem(location.source(), location.line(), location.col(), path, message);
  }

  /** Formats the problem as {@code file:line:col: path: message}. */
  public String format() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(col);
    }
    sb.append(": ");
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(message).toString();
  }

  @Override
  public int compareTo(Problem other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return format();
  }
}
