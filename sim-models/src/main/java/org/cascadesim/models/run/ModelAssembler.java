package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.SimulationConfig;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.dependency.FaultPhase;
import org.cascadesim.models.load.ArrivalProcess;
import org.cascadesim.models.load.Client;
import org.cascadesim.models.load.InFlightLimit;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.runtime.GoroutineRuntime;
import org.cascadesim.models.runtime.Service;
import org.cascadesim.models.runtime.Step;
import org.cascadesim.models.runtime.WorkerPoolRuntime;
import org.cascadesim.models.scenario.BoundedCapacity;
import org.cascadesim.models.scenario.BreakerCallStep;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.CallTarget;
import org.cascadesim.models.scenario.ClientSpec;
import org.cascadesim.models.scenario.ClosedLoopLoad;
import org.cascadesim.models.scenario.ConstantArrivals;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.CpuStep;
import org.cascadesim.models.scenario.DependencyRef;
import org.cascadesim.models.scenario.DependencySpec;
import org.cascadesim.models.scenario.DistributionSpec;
import org.cascadesim.models.scenario.EmpiricalDist;
import org.cascadesim.models.scenario.EndpointRef;
import org.cascadesim.models.scenario.EndpointSpec;
import org.cascadesim.models.scenario.ErrorRateFault;
import org.cascadesim.models.scenario.ExponentialDist;
import org.cascadesim.models.scenario.FaultSpec;
import org.cascadesim.models.scenario.GoroutinesRuntime;
import org.cascadesim.models.scenario.HangFault;
import org.cascadesim.models.scenario.IoStep;
import org.cascadesim.models.scenario.LatencyFault;
import org.cascadesim.models.scenario.LoadPhase;
import org.cascadesim.models.scenario.LogNormalDist;
import org.cascadesim.models.scenario.LogNormalParamsDist;
import org.cascadesim.models.scenario.NormalDist;
import org.cascadesim.models.scenario.OpenLoopLoad;
import org.cascadesim.models.scenario.ParetoDist;
import org.cascadesim.models.scenario.PoissonArrivals;
import org.cascadesim.models.scenario.ProfileArrivals;
import org.cascadesim.models.scenario.QueueDiscipline;
import org.cascadesim.models.scenario.RampPhase;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.ServiceSpec;
import org.cascadesim.models.scenario.SpikePhase;
import org.cascadesim.models.scenario.StepPhase;
import org.cascadesim.models.scenario.StepSpec;
import org.cascadesim.models.scenario.ThreadPoolRuntime;
import org.cascadesim.models.scenario.UniformDist;
import org.cascadesim.models.scenario.UnboundedCapacity;
import org.cascadesim.models.scenario.WeibullDist;

/**
 * Turns a validated scenario spec into a wired {@link SystemModel} on a fresh simulation.
 *
 * <p>Components are created in a fixed order (dependencies, services, endpoints, clients, each in
 * file order) and every random stream is named after the component that draws from it, so two
 * variants of one scenario draw the same numbers wherever they do not differ (common random
 * numbers).
 */
public final class ModelAssembler {

  private static final double NANOS_PER_SECOND = 1e9;

  private ModelAssembler() {}

  /** Builds the model of {@code spec} with the scenario's own seed. */
  public static SystemModel assemble(ScenarioSpec spec) {
    return assemble(spec, spec.seed());
  }

  /** Builds the model of {@code spec} with the given master seed. */
  public static SystemModel assemble(ScenarioSpec spec, long seed) {
    SimulationConfig config = SimulationConfig.withSeed(seed).withMaxEvents(spec.limits().maxEvents());
    Simulation sim = new Simulation(config);
    SystemModel model = new SystemModel(sim, spec.durationNanos(), spec.warmupNanos(), new InFlightLimit(spec.limits().maxInFlight()));

    Map<String, Dependency> dependencies = new LinkedHashMap<>();
    spec.dependencies().forEach((name, dep) -> {
      Dependency d = dependency(sim, name, dep);
      dependencies.put(name, d);
      model.add(d);
    });

    Map<String, Service> services = new LinkedHashMap<>();
    spec.services().forEach((name, service) -> {
      Service s = new Service(sim, name, simulation -> runtime(simulation, name, service));
      service.endpoints().keySet().forEach(s::endpoint);
      services.put(name, s);
      model.add(s);
    });
    spec.services().forEach((name, service) -> {
      Map<String, org.cascadesim.models.breaker.Breaker> breakers = BreakerAssembly.breakers(sim, name, service);
      breakers.values().forEach(model::add);
      for (Map.Entry<String, EndpointSpec> e : service.endpoints().entrySet()) {
        List<Step> program = new ArrayList<>();
        for (StepSpec step : e.getValue().steps()) {
          program.add(step instanceof BreakerCallStep guarded
              ? BreakerAssembly.step(sim, guarded, callee(guarded.call().to(), dependencies, services), breakers)
              : step(step, dependencies, services));
        }
        services.get(name).endpoint(e.getKey()).setProgram(program);
      }
    });

    spec.clients().forEach((name, client) -> model.add(client(model, name, client, services)));
    return model;
  }

  private static Dependency dependency(Simulation sim, String name, DependencySpec spec) {
    List<FaultPhase> faults = new ArrayList<>();
    for (FaultSpec fault : spec.faults()) {
      faults.add(fault(fault));
    }
    if (spec.capacity() instanceof BoundedCapacity bounded) {
      return new Dependency(sim, name, distribution(bounded.serviceTime()), spec.errorRate(),
          bounded.concurrency(),
          bounded.discipline() == QueueDiscipline.LIFO ? Dependency.QueueOrder.LIFO : Dependency.QueueOrder.FIFO,
          bounded.isQueueBounded() ? bounded.queueLimit() : -1, faults);
    }
    UnboundedCapacity unbounded = (UnboundedCapacity) spec.capacity();
    return new Dependency(sim, name, distribution(unbounded.latency()), spec.errorRate(),
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, faults);
  }

  private static FaultPhase fault(FaultSpec fault) {
    if (fault instanceof LatencyFault latency) {
      return new FaultPhase(latency.fromNanos(), latency.toNanos(), distribution(latency.latency()), Double.NaN, false);
    }
    if (fault instanceof ErrorRateFault error) {
      return new FaultPhase(error.fromNanos(), error.toNanos(), null, error.errorRate(), false);
    }
    HangFault hang = (HangFault) fault;
    return new FaultPhase(hang.fromNanos(), hang.toNanos(), null, Double.NaN, true);
  }

  private static org.cascadesim.models.runtime.ServiceRuntime runtime(Simulation sim, String name, ServiceSpec spec) {
    if (spec.runtime() instanceof ThreadPoolRuntime pool) {
      return new WorkerPoolRuntime(sim, name, pool.threads(),
          pool.isQueueBounded() ? pool.queueLimit() : WorkerPoolRuntime.UNBOUNDED, true);
    }
    if (spec.runtime() instanceof GoroutinesRuntime) {
      return new GoroutineRuntime(sim, name);
    }
    throw new IllegalArgumentException("unsupported runtime " + spec.runtime());
  }

  private static Step step(StepSpec spec, Map<String, Dependency> dependencies, Map<String, Service> services) {
    if (spec instanceof CpuStep cpu) {
      return new Step.Cpu(distribution(cpu.time()));
    }
    if (spec instanceof IoStep io) {
      return new Step.Io(distribution(io.time()));
    }
    CallStep call = (CallStep) spec;
    return new Step.Call(callee(call.to(), dependencies, services),
        call.hasTimeout() ? call.timeoutNanos() : Invocation.NO_TIMEOUT, call.cancelOnTimeout());
  }

  private static Callee callee(CallTarget target, Map<String, Dependency> dependencies, Map<String, Service> services) {
    if (target instanceof DependencyRef ref) {
      return dependencies.get(ref.dependency());
    }
    EndpointRef ref = (EndpointRef) target;
    return services.get(ref.service()).endpoint(ref.endpoint());
  }

  private static Client client(SystemModel model, String name, ClientSpec spec, Map<String, Service> services) {
    Simulation sim = model.simulation();
    Callee target = services.get(spec.target().service()).endpoint(spec.target().endpoint());
    long timeout = spec.hasTimeout() ? spec.timeoutNanos() : Invocation.NO_TIMEOUT;
    if (spec.load() instanceof ClosedLoopLoad closed) {
      return Client.closedLoop(sim, name, target, closed.users(), distribution(closed.thinkTime()), timeout, model.limit());
    }
    OpenLoopLoad open = (OpenLoopLoad) spec.load();
    return Client.openLoop(sim, name, target, arrivals(open, model.durationNanos()), timeout, model.limit());
  }

  private static ArrivalProcess arrivals(OpenLoopLoad open, long durationNanos) {
    if (open.arrivals() instanceof PoissonArrivals poisson) {
      return new ArrivalProcess.Poisson(poisson.ratePerSecond());
    }
    if (open.arrivals() instanceof ConstantArrivals constant) {
      return new ArrivalProcess.Constant(constant.ratePerSecond());
    }
    ProfileArrivals profile = (ProfileArrivals) open.arrivals();
    List<ArrivalProcess.Profile.Segment> segments = new ArrayList<>();
    List<ArrivalProcess.Profile.Segment> spikes = new ArrayList<>();
    long t = 0;
    double lastRate = 0;
    for (LoadPhase phase : profile.phases()) {
      if (phase instanceof StepPhase step) {
        segments.add(new ArrivalProcess.Profile.Segment(t, t + step.durationNanos(), step.ratePerSecond(), step.ratePerSecond()));
        t += step.durationNanos();
        lastRate = step.ratePerSecond();
      } else if (phase instanceof RampPhase ramp) {
        segments.add(new ArrivalProcess.Profile.Segment(t, t + ramp.durationNanos(), ramp.fromPerSecond(), ramp.toPerSecond()));
        t += ramp.durationNanos();
        lastRate = ramp.toPerSecond();
      } else {
        SpikePhase spike = (SpikePhase) phase;
        spikes.add(new ArrivalProcess.Profile.Segment(spike.atNanos(), spike.atNanos() + spike.durationNanos(),
            spike.ratePerSecond(), spike.ratePerSecond()));
      }
    }
    if (t < durationNanos) {
      // After the last step or ramp the profile holds its final rate until the end of the run.
      segments.add(new ArrivalProcess.Profile.Segment(t, durationNanos, lastRate, lastRate));
    }
    return new ArrivalProcess.Profile(segments, spikes);
  }

  /** Converts a distribution spec (durations in nanoseconds) into an engine distribution in nanoseconds. */
  public static Distribution distribution(DistributionSpec spec) {
    if (spec instanceof ConstantDist c) {
      return new Distribution.Constant(c.valueNanos());
    }
    if (spec instanceof UniformDist u) {
      return new Distribution.Uniform(u.minNanos(), u.maxNanos());
    }
    if (spec instanceof ExponentialDist e) {
      return new Distribution.Exponential(e.meanNanos());
    }
    if (spec instanceof NormalDist n) {
      return new Distribution.Normal(n.meanNanos(), n.stddevNanos());
    }
    if (spec instanceof LogNormalDist l) {
      return Distribution.LogNormal.ofMedianAndP99(l.medianNanos(), l.p99Nanos());
    }
    if (spec instanceof LogNormalParamsDist l) {
      // mu and sigma describe ln(seconds); in nanoseconds the location shifts by ln(1e9).
      return new Distribution.LogNormal(l.mu() + StrictMath.log(NANOS_PER_SECOND), l.sigma());
    }
    if (spec instanceof ParetoDist p) {
      return new Distribution.Pareto(p.scaleNanos(), p.shape());
    }
    if (spec instanceof WeibullDist w) {
      return new Distribution.Weibull(w.scaleNanos(), w.shape());
    }
    EmpiricalDist empirical = (EmpiricalDist) spec;
    List<EmpiricalDist.Point> points = empirical.points();
    boolean fromZero = points.get(0).percentile() > 0;
    int n = points.size() + (fromZero ? 1 : 0);
    double[] probabilities = new double[n];
    double[] values = new double[n];
    int i = 0;
    if (fromZero) {
      i++; // below the first percentile the value interpolates from 0 at p0
    }
    for (EmpiricalDist.Point point : points) {
      probabilities[i] = point.percentile() / 100.0;
      values[i] = point.valueNanos();
      i++;
    }
    return new Distribution.Empirical(probabilities, values);
  }
}
