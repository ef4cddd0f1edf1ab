package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A reference to a dependency by name, written {@code call: provider}.
 *
 * @param dependency the dependency's name
 */
public record DependencyRef(String dependency) implements CallTarget {
  /** Checks the name is present. */
  public DependencyRef {
    Objects.requireNonNull(dependency, "dependency");
  }

  @Override
  public String toString() {
    return dependency;
  }
}
