package org.cascadesim.cli.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Thrown when a scenario cannot be used; it carries every problem found, sorted by line and
 * column, so commands print them all and exit with code 65 without a stack trace.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<Problem> problems;

  /** Creates the exception from one or more problems. */
  public ScenarioException(List<Problem> problems) {
    super(summary(problems), null, false, false);
    List<Problem> sorted = new ArrayList<>(problems);
    Collections.sort(sorted);
    this.problems = List.copyOf(sorted);
  }

  /** The problems, sorted by file, line and column. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one problem");
    }
    List<Problem> sorted = new ArrayList<>(problems);
    Collections.sort(sorted);
    StringBuilder sb = new StringBuilder();
    for (Problem p : sorted) {
      if (sb.length() > 0) {
        sb.append(System.lineSeparator());
      }
      sb.append(p.format());
    }
    return sb.toString();
  }
}
