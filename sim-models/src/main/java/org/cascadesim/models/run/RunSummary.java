package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.RunResult;
import org.cascadesim.core.Simulation;
import org.cascadesim.models.breaker.Breaker;
import org.cascadesim.models.breaker.BreakerSummary;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.load.Client;
import org.cascadesim.models.runtime.Endpoint;
import org.cascadesim.models.runtime.Service;

/**
 * What one run of one variant gives back: how it ended, the books of every client, endpoint and
 * dependency, the time series, and what every circuit breaker did. Only simulated quantities: the
 * same scenario, variant and seed give the same summary. {@code retries} holds retry amplification
 * per layer and duplicate side effects (extra charges).
 */
public record RunSummary(
    String scenario,
    String variant,
    long seed,
    long durationNanos,
    long warmupNanos,
    RunResult stop,
    List<TrafficSummary> clients,
    List<TrafficSummary> endpoints,
    List<TrafficSummary> dependencies,
    TimeSeries timeSeries,
    RetryReport retries,
    List<BreakerSummary> breakers) {

  /** A summary of a run without retry layers, stores or circuit breakers. */
  public RunSummary(String scenario, String variant, long seed, long durationNanos, long warmupNanos,
      RunResult stop, List<TrafficSummary> clients, List<TrafficSummary> endpoints,
      List<TrafficSummary> dependencies, TimeSeries timeSeries) {
    this(scenario, variant, seed, durationNanos, warmupNanos, stop, clients, endpoints, dependencies, timeSeries,
        RetryReport.empty(), List.of());
  }

  /** Collects the summary of a model after {@link SystemModel#run()} returned {@code stop}. */
  public static RunSummary of(String scenario, String variant, SystemModel model, RunResult stop) {
    Simulation sim = model.simulation();
    List<TrafficSummary> clients = new ArrayList<>();
    for (Client client : model.clients()) {
      clients.add(TrafficSummary.of("client", client.name(), client.target().name(), client.stats()));
    }
    List<TrafficSummary> endpoints = new ArrayList<>();
    for (Service service : model.services()) {
      for (Endpoint endpoint : service.endpoints()) {
        endpoints.add(TrafficSummary.of("endpoint", endpoint.name(), "", endpoint.stats()));
      }
    }
    List<TrafficSummary> dependencies = new ArrayList<>();
    for (Dependency dependency : model.dependencies()) {
      dependencies.add(TrafficSummary.of("dependency", dependency.name(), "", dependency.stats()));
    }
    long windowNanos = sim.metrics().windowNanos();
    long end = Math.max(sim.nowNanos(), 1);
    int windows = (int) ((end + windowNanos - 1) / windowNanos);
    TimeSeries series = TimeSeries.of(sim.metrics(), windows, sim.nowNanos());
    List<BreakerSummary> breakers = new ArrayList<>();
    for (Breaker breaker : model.breakers()) {
      breakers.add(breaker.summary());
    }
    return new RunSummary(scenario, variant, sim.seed(), model.durationNanos(), model.warmupNanos(), stop,
        List.copyOf(clients), List.copyOf(endpoints), List.copyOf(dependencies), series,
        RetryReport.of(model), List.copyOf(breakers));
  }

  /**
   * Returns the span whole-run statistics cover, which every rate divides by: the duration less
   * the warm-up, or, when a limit stopped the run early, up to the stop (from time 0 when it
   * stopped inside the warm-up, whose totals then never restarted).
   */
  public long measuredNanos() {
    long endNanos = stop.hitLimit() ? Math.min(durationNanos, stop.timeNanos()) : durationNanos;
    return endNanos > warmupNanos ? endNanos - warmupNanos : endNanos;
  }

  /** Returns whether every client, endpoint and dependency balances (conservation). */
  public boolean balances() {
    for (List<TrafficSummary> list : List.of(clients, endpoints, dependencies)) {
      for (TrafficSummary t : list) {
        if (!t.balances()) {
          return false;
        }
      }
    }
    return true;
  }
}
