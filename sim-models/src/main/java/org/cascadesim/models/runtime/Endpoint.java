package org.cascadesim.models.runtime;

import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.stats.TrafficStats;

/**
 * A service endpoint ({@code payments /charge}): a handler program run on its service's runtime,
 * with its own server-side books (latency from arrival at the service to the answer).
 */
public final class Endpoint implements Callee {
  private final Service service;
  private final String path;
  private final TrafficStats stats;
  private final RandomStream stepRandom;
  private List<Step> program = List.of();

  Endpoint(Service service, String path) {
    this.service = service;
    this.path = path;
    Simulation sim = service.simulation();
    this.stats = new TrafficStats(sim, "endpoint." + service.name() + " " + path);
    this.stepRandom = sim.random("service." + service.name() + "." + path + ".steps");
  }

  @Override
  public String name() {
    return service.name() + " " + path;
  }

  /** Returns the endpoint's path ({@code /charge}). */
  public String path() {
    return path;
  }

  /** Returns the service this endpoint belongs to. */
  public Service service() {
    return service;
  }

  /** Sets the handler program; done once while the model is wired, before the run. */
  public void setProgram(List<Step> steps) {
    this.program = Step.program(steps);
  }

  /** Returns the server-side books of this endpoint. */
  public TrafficStats stats() {
    return stats;
  }

  @Override
  public void accept(Invocation call) {
    stats.start();
    new Execution(this, call).start();
  }

  void finished(Execution execution, Outcome outcome, long startNanos) {
    stats.finish(outcome, startNanos);
    execution.call().complete(outcome);
  }

  List<Step> program() {
    return program;
  }

  ServiceRuntime runtime() {
    return service.runtime();
  }

  Simulation simulation() {
    return service.simulation();
  }

  /** Returns the random stream this endpoint's step durations are drawn from. */
  public RandomStream stepRandom() {
    return stepRandom;
  }
}
