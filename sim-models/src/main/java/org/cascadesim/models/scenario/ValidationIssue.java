package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * One semantic problem in a spec: the path of the offending key (as written in the file, e.g.
 * {@code services.payments.endpoints./charge[1].call.to}) and a message naming the bad value and
 * what is allowed.
 *
 * @param path the key's path; list indexes are 0-based
 * @param message what is wrong and what would be right
 */
public record ValidationIssue(String path, String message) {
  /** Checks the fields are present. */
  public ValidationIssue {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
