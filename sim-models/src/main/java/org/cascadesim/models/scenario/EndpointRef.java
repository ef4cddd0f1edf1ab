package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * A reference to a service endpoint, written {@code "<service> <endpoint>"} as in
 * {@code payments /charge}.
 *
 * @param service the service's name
 * @param endpoint the endpoint's name within the service
 */
public record EndpointRef(String service, String endpoint) implements CallTarget {
  /** Checks both names are present. */
  public EndpointRef {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(endpoint, "endpoint");
  }

  /** Returns the reference as written in a scenario: {@code payments /charge}. */
  @Override
  public String toString() {
    return service + " " + endpoint;
  }
}
