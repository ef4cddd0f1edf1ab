package org.cascadesim.cli.io;

/**
 * Where a key or value was written: a file (or a {@code --set} argument) and a 1-based line and
 * column; line 0 means "no position" (the whole source).
 *
 * @param source the file name as given by the user, or the {@code --set} argument
 * @param line 1-based line, or 0
 * @param col 1-based column, or 0
 */
public record Location(String source, int line, int col) {
  /** A location for a whole source without a position, such as a {@code --set} argument. */
  public static Location of(String source) {
    return new Location(source, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ":" + col : source;
  }
}
