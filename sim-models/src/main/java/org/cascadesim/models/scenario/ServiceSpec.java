package org.cascadesim.models.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * A service: the runtime that runs its handlers and the endpoints it serves.
 *
 * @param runtime the concurrency model (goroutines, a thread pool, ...)
 * @param endpoints handler steps by endpoint name ({@code /charge}), in file order
 * @param breakers circuit breakers the service's call steps can name, in file order
 */
public record ServiceSpec(RuntimeSpec runtime, Map<String, EndpointSpec> endpoints, Map<String, BreakerSpec> breakers) {
  /** Copies the endpoints so the record is immutable. */
  public ServiceSpec {
    Objects.requireNonNull(runtime, "runtime");
    endpoints = Specs.copy(endpoints, "endpoints");
    breakers = Specs.copy(breakers, "breakers");
  }

  /** A service without breakers. */
  public ServiceSpec(RuntimeSpec runtime, Map<String, EndpointSpec> endpoints) {
    this(runtime, endpoints, new java.util.LinkedHashMap<>());
  }
}
