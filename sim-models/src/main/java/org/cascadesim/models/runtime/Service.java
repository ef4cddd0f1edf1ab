package org.cascadesim.models.runtime;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.cascadesim.core.Simulation;

/** A service: a runtime that runs handlers, and its endpoints in declaration order. */
public final class Service {
  private final Simulation sim;
  private final String name;
  private final ServiceRuntime runtime;
  private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

  /** Creates a service whose runtime is built by {@code runtimeFactory} from the simulation. */
  public Service(Simulation sim, String name, Function<Simulation, ServiceRuntime> runtimeFactory) {
    this.sim = sim;
    this.name = name;
    this.runtime = runtimeFactory.apply(sim);
  }

  /** Returns the service's name. */
  public String name() {
    return name;
  }

  /** Returns the runtime. */
  public ServiceRuntime runtime() {
    return runtime;
  }

  /** Returns the endpoint with this path, creating it on first use. */
  public Endpoint endpoint(String path) {
    return endpoints.computeIfAbsent(path, p -> new Endpoint(this, p));
  }

  /** Returns the endpoints in declaration order. */
  public Collection<Endpoint> endpoints() {
    return Collections.unmodifiableCollection(endpoints.values());
  }

  Simulation simulation() {
    return sim;
  }
}
