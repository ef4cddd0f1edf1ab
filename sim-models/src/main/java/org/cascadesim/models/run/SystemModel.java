package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cascadesim.core.RunResult;
import org.cascadesim.core.Simulation;
import org.cascadesim.models.breaker.Breaker;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.idempotency.IdempotencyStore;
import org.cascadesim.models.idempotency.SideEffectLedger;
import org.cascadesim.models.load.Client;
import org.cascadesim.models.load.InFlightLimit;
import org.cascadesim.models.retry.RetryingCaller;
import org.cascadesim.models.runtime.Service;

/**
 * A wired system ready to run: its clients, services and dependencies on one {@link Simulation},
 * run for a fixed span of simulated time. Requests still in flight at the end stay in flight in
 * the books (they are neither dropped nor counted as answered).
 */
public final class SystemModel {
  private final Simulation sim;
  private final long durationNanos;
  private final long warmupNanos;
  private final InFlightLimit limit;
  private final List<Client> clients = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private final List<Dependency> dependencies = new ArrayList<>();
  private final List<RetryingCaller> retryLayers = new ArrayList<>();
  private final List<IdempotencyStore> idempotencyStores = new ArrayList<>();
  private final List<SideEffectLedger> sideEffectLedgers = new ArrayList<>();
  private final List<Breaker> breakers = new ArrayList<>();

  /** Creates an empty model that will run for {@code durationNanos} with no warm-up. */
  public SystemModel(Simulation sim, long durationNanos, InFlightLimit limit) {
    this(sim, durationNanos, 0, limit);
  }

  /**
   * Creates an empty model that will run for {@code durationNanos}; whole-run statistics start
   * after {@code warmupNanos} (the time series still show the warm-up).
   */
  public SystemModel(Simulation sim, long durationNanos, long warmupNanos, InFlightLimit limit) {
    if (warmupNanos < 0 || warmupNanos >= durationNanos) {
      throw new IllegalArgumentException("warm-up must lie in [0, duration)");
    }
    this.sim = sim;
    this.durationNanos = durationNanos;
    this.warmupNanos = warmupNanos;
    this.limit = limit;
  }

  /** Returns the warm-up excluded from whole-run statistics. */
  public long warmupNanos() {
    return warmupNanos;
  }

  /** Returns the measured span: the duration less the warm-up. */
  public long measuredNanos() {
    return durationNanos - warmupNanos;
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

  /** Adds a retrying layer (a client's or a call site's retries). */
  public void add(RetryingCaller layer) {
    retryLayers.add(layer);
  }

  /** Adds an idempotency store. */
  public void add(IdempotencyStore store) {
    idempotencyStores.add(store);
  }

  /** Adds the side-effect ledger of a dependency. */
  public void add(SideEffectLedger ledger) {
    sideEffectLedgers.add(ledger);
  }

  /** Returns the retrying layers in wiring order. */
  public List<RetryingCaller> retryLayers() {
    return Collections.unmodifiableList(retryLayers);
  }

  /** Returns the idempotency stores in wiring order. */
  public List<IdempotencyStore> idempotencyStores() {
    return Collections.unmodifiableList(idempotencyStores);
  }

  /** Returns the side-effect ledgers in dependency order. */
  public List<SideEffectLedger> sideEffectLedgers() {
    return Collections.unmodifiableList(sideEffectLedgers);
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

  /**
   * Starts every client and runs until the end of the run or a limit. At the end of the warm-up
   * every whole-run total restarts (SSJ and DSOL's reset of statistical collectors): histograms and
   * counters then describe the measured period only, and requests in flight at that moment count
   * as offered in it.
   */
  public RunResult run() {
    return run(null);
  }

  /**
   * Runs as {@link #run()} does, in {@value #PROGRESS_STEPS} slices of simulated time, calling
   * {@code progress} (if not null) with the simulated time after each, so a command can show how
   * far a long run is. The slices change nothing: every event runs in the same order, and the
   * clock only stops at a slice's end between two events (Simulation.runUntil).
   */
  public RunResult run(java.util.function.LongConsumer progress) {
    for (Client client : clients) {
      client.start(durationNanos);
    }
    if (warmupNanos > 0) {
      sim.scheduleAt(warmupNanos, this::endWarmup);
    } else {
      for (RetryingCaller layer : retryLayers) {
        layer.rebaseAfterWarmup(); // the measured period starts now: no open request to track for it
      }
    }
    if (progress == null) {
      return sim.runUntil(durationNanos);
    }
    RunResult result;
    int slice = 0;
    do {
      slice++;
      long end = slice == PROGRESS_STEPS ? durationNanos
          : (long) ((double) durationNanos * slice / PROGRESS_STEPS);
      result = sim.runUntil(Math.max(end, sim.nowNanos()));
      progress.accept(sim.nowNanos());
    } while (slice < PROGRESS_STEPS && !result.hitLimit());
    return result;
  }

  /** How many slices of simulated time a run with progress is cut into. */
  static final int PROGRESS_STEPS = 100;

  private void endWarmup() {
    sim.metrics().resetTotals(sim.nowNanos());
    for (Client client : clients) {
      client.stats().rebaseAfterWarmup();
    }
    for (Service service : services) {
      for (var endpoint : service.endpoints()) {
        endpoint.stats().rebaseAfterWarmup();
      }
    }
    for (Dependency dependency : dependencies) {
      dependency.stats().rebaseAfterWarmup();
    }
    for (SideEffectLedger ledger : sideEffectLedgers) {
      ledger.rebaseAfterWarmup();
    }
    for (RetryingCaller layer : retryLayers) {
      layer.rebaseAfterWarmup();
    }
  }
}
