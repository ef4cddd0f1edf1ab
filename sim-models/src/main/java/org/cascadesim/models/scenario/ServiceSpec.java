package org.cascadesim.models.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A service: the runtime that runs its handlers and the endpoints it serves.
 *
 * @param runtime the concurrency model (goroutines, a thread pool, ...)
 * @param endpoints handler steps by endpoint name ({@code /charge}), in file order
 * @param pools the service's pools by name ({@code db}), in file order
 * @param stores the service's stores by name (idempotency-key tables), in file order
 * @param breakers circuit breakers the service's call steps can name, in file order
 */
public record ServiceSpec(RuntimeSpec runtime, Map<String, EndpointSpec> endpoints, Map<String, PoolSpec> pools,
    Map<String, StoreSpec> stores, Map<String, BreakerSpec> breakers) {
  /** Copies the endpoints so the record is immutable. */
  public ServiceSpec {
    Objects.requireNonNull(runtime, "runtime");
    endpoints = Specs.copy(endpoints, "endpoints");
    pools = Specs.copy(pools, "pools");
    stores = Specs.copy(stores, "stores");
    breakers = Specs.copy(breakers, "breakers");
  }

  /** A service without pools, stores or breakers. */
  public ServiceSpec(RuntimeSpec runtime, Map<String, EndpointSpec> endpoints) {
    this(runtime, endpoints, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
  }
}
