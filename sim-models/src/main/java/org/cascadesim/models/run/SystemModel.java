package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cascadesim.core.RunResult;
import org.cascadesim.core.Simulation;
import org.cascadesim.models.breaker.Breaker;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.load.Client;
import org.cascadesim.models.load.InFlightLimit;
import org.cascadesim.models.runtime.Service;

/**
 * A wired system ready to run: its clients, services and dependencies on one {@link Simulation},
 * run for a fixed span of simulated time. Requests still in flight at the end stay in flight in
 * the books (they are neither dropped nor counted as answered).
 */
public final class SystemModel {
  private final Simulation sim;
  private final long durationNanos;
  private final InFlightLimit limit;
  private final List<Client> clients = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private final List<Dependency> dependencies = new ArrayList<>();
  private final List<Breaker> breakers = new ArrayList<>();

  /** Creates an empty model that will run for {@code durationNanos}. */
  public SystemModel(Simulation sim, long durationNanos, InFlightLimit limit) {
    this.sim = sim;
    this.durationNanos = durationNanos;
    this.limit = limit;
  }

  /** Returns the simulation. */
  public Simulation simulation() {
    return sim;
  }

  /** Returns the run's length in simulated nanoseconds. */
  public long durationNanos() {
    return durationNanos;
  }

  /** Returns the in-flight guard shared by the clients. */
  public InFlightLimit limit() {
    return limit;
  }

  /** Adds a client. */
  public void add(Client client) {
    clients.add(client);
  }

  /** Adds a service. */
  public void add(Service service) {
    services.add(service);
  }

  /** Adds a dependency. */
  public void add(Dependency dependency) {
    dependencies.add(dependency);
  }

  /** Adds a circuit breaker. */
  public void add(Breaker breaker) {
    breakers.add(breaker);
  }

  /** Returns the circuit breakers, by service then declaration order. */
  public List<Breaker> breakers() {
    return Collections.unmodifiableList(breakers);
  }

  /** Returns the clients in declaration order. */
  public List<Client> clients() {
    return Collections.unmodifiableList(clients);
  }

  /** Returns the services in declaration order. */
  public List<Service> services() {
    return Collections.unmodifiableList(services);
  }

  /** Returns the dependencies in declaration order. */
  public List<Dependency> dependencies() {
    return Collections.unmodifiableList(dependencies);
  }

  /** Starts every client and runs until the end of the run or a limit. */
  public RunResult run() {
    for (Client client : clients) {
      client.start(durationNanos);
    }
    return sim.runUntil(durationNanos);
  }
}
