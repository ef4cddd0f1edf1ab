package org.cascadesim.models.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.SimulationConfig;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.breaker.BreakerCallee;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.dependency.FaultPhase;
import org.cascadesim.models.idempotency.IdempotencyStore;
import org.cascadesim.models.idempotency.IdempotentBlock;
import org.cascadesim.models.idempotency.SideEffectLedger;
import org.cascadesim.models.load.ArrivalProcess;
import org.cascadesim.models.load.Client;
import org.cascadesim.models.load.InFlightLimit;
import org.cascadesim.models.pool.ConnectionPool;
import org.cascadesim.models.pool.PoolAssembly;
import org.cascadesim.models.pool.WithConnection;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.retry.Backoff;
import org.cascadesim.models.retry.RetryBudget;
import org.cascadesim.models.retry.RetryPolicy;
import org.cascadesim.models.retry.RetryingCaller;
import org.cascadesim.models.runtime.GoroutineRuntime;
import org.cascadesim.models.runtime.Service;
import org.cascadesim.models.runtime.Step;
import org.cascadesim.models.runtime.WorkerPoolRuntime;
import org.cascadesim.models.runtime.eventloop.Offload;
import org.cascadesim.models.scenario.BoundedCapacity;
import org.cascadesim.models.scenario.BudgetSpec;
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
import org.cascadesim.models.scenario.EventLoopRuntime;
import org.cascadesim.models.scenario.ExponentialDist;
import org.cascadesim.models.scenario.FaultSpec;
import org.cascadesim.models.scenario.GoroutinesRuntime;
import org.cascadesim.models.scenario.HangFault;
import org.cascadesim.models.scenario.IdempotencyStoreSpec;
import org.cascadesim.models.scenario.IdempotentStep;
import org.cascadesim.models.scenario.IoStep;
import org.cascadesim.models.scenario.LatencyFault;
import org.cascadesim.models.scenario.LoadPhase;
import org.cascadesim.models.scenario.LogNormalDist;
import org.cascadesim.models.scenario.LogNormalParamsDist;
import org.cascadesim.models.scenario.NormalDist;
import org.cascadesim.models.scenario.OffloadStep;
import org.cascadesim.models.scenario.OpenLoopLoad;
import org.cascadesim.models.scenario.ParetoDist;
import org.cascadesim.models.scenario.PoissonArrivals;
import org.cascadesim.models.scenario.ProfileArrivals;
import org.cascadesim.models.scenario.QueueDiscipline;
import org.cascadesim.models.scenario.RampPhase;
import org.cascadesim.models.scenario.RetryCondition;
import org.cascadesim.models.scenario.RetrySpec;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.ServiceSpec;
import org.cascadesim.models.scenario.SpikePhase;
import org.cascadesim.models.scenario.StepPhase;
import org.cascadesim.models.scenario.StepSpec;
import org.cascadesim.models.scenario.ThreadPoolRuntime;
import org.cascadesim.models.scenario.UniformDist;
import org.cascadesim.models.scenario.UnboundedCapacity;
import org.cascadesim.models.scenario.WeibullDist;
import org.cascadesim.models.scenario.WithStep;

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
      d.congestion(dep.latencyPerInFlightNanos(), dep.shedExpired());
      dependencies.put(name, d);
      model.add(d);
      if (dep.sideEffect() != null) {
        SideEffectLedger ledger = new SideEffectLedger(sim, name, dep.sideEffect());
        d.onSuccessfulWork(ledger::record);
        model.add(ledger);
      }
    });

    Map<String, Service> services = new LinkedHashMap<>();
    spec.services().forEach((name, service) -> {
      Service s = new Service(sim, name, simulation -> runtime(simulation, name, service));
      service.endpoints().keySet().forEach(s::endpoint);
      services.put(name, s);
      model.add(s);
    });
    spec.services().forEach((name, service) -> {
      Map<String, ConnectionPool> pools = PoolAssembly.pools(sim, name, service);
      Map<String, IdempotencyStore> stores = stores(model, name, service);
      Map<String, org.cascadesim.models.breaker.Breaker> breakers = BreakerAssembly.breakers(sim, name, service);
      breakers.values().forEach(model::add);
      for (Map.Entry<String, EndpointSpec> e : service.endpoints().entrySet()) {
        List<Step> program = new ArrayList<>();
        Site site = new Site(model, name + " " + e.getKey(), stores, pools, breakers);
        List<StepSpec> steps = e.getValue().steps();
        for (int i = 0; i < steps.size(); i++) {
          program.add(step(steps.get(i), dependencies, services, site, "[" + i + "]"));
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
    if (spec.runtime() instanceof GoroutinesRuntime goroutines) {
      return new GoroutineRuntime(sim, name, goroutines.bytesPerGoroutine());
    }
    if (spec.runtime() instanceof EventLoopRuntime loop) {
      return EventLoopAssembly.runtime(sim, name, loop);
    }
    throw new IllegalArgumentException("unsupported runtime " + spec.runtime());
  }

  /** Where steps are wired: the model, the endpoint's display name and its service's stores and pools. */
  private record Site(SystemModel model, String endpoint, Map<String, IdempotencyStore> stores,
      Map<String, ConnectionPool> pools, Map<String, org.cascadesim.models.breaker.Breaker> breakers) {}

  private static Map<String, IdempotencyStore> stores(SystemModel model, String service, ServiceSpec spec) {
    Map<String, IdempotencyStore> stores = new LinkedHashMap<>();
    spec.stores().forEach((name, store) -> {
      IdempotencyStoreSpec keys = (IdempotencyStoreSpec) store;
      IdempotencyStore s = new IdempotencyStore(model.simulation(), service + "." + name, keys.mode(),
          keys.opLatencyNanos(), keys.inProgress(), keys.ttlNanos());
      stores.put(name, s);
      model.add(s);
    });
    return stores;
  }

  private static Step step(StepSpec spec, Map<String, Dependency> dependencies, Map<String, Service> services,
      Site site, String index) {
    if (spec instanceof WithStep with) {
      List<Step> body = new ArrayList<>();
      for (int i = 0; i < with.steps().size(); i++) {
        body.add(step(with.steps().get(i), dependencies, services, site, index + "[" + i + "]"));
      }
      return new WithConnection(site.pools().get(with.pool()), body);
    }
    if (spec instanceof BreakerCallStep guarded) {
      // Retry(CircuitBreaker(call)): every attempt of a retried call is fired through the breaker.
      Simulation sim = site.model().simulation();
      BreakerCallee through = BreakerAssembly.callee(sim, guarded, callee(guarded.call().to(), dependencies, services),
          site.breakers());
      RetrySpec retry = guarded.call().retry();
      return retry == null
          ? BreakerAssembly.step(sim, guarded, through, through, Invocation.NO_TIMEOUT)
          : BreakerAssembly.step(sim, guarded, through, retrying(guarded.call(), through, site, index), outerTimeout(retry));
    }
    if (spec instanceof IdempotentStep idempotent) {
      List<Step> body = new ArrayList<>();
      for (int i = 0; i < idempotent.steps().size(); i++) {
        body.add(step(idempotent.steps().get(i), dependencies, services, site, index + "[" + i + "]"));
      }
      return new IdempotentBlock(site.stores().get(idempotent.store()), body);
    }
    if (spec instanceof CallStep call && call.retry() != null) {
      return new Step.Call(retrying(call, callee(call.to(), dependencies, services), site, index),
          outerTimeout(call.retry()), call.cancelOnTimeout());
    }
    return step(spec, dependencies, services);
  }

  /**
   * The retrying layer of a call site with a {@code retry}, in front of {@code target} (the callee,
   * or the callee through a breaker); the call's {@code timeout} is each attempt's unless {@code
   * retry.perAttemptTimeout} is set.
   */
  private static RetryingCaller retrying(CallStep call, Callee target, Site site, String index) {
    long timeout = call.hasTimeout() ? call.timeoutNanos() : Invocation.NO_TIMEOUT;
    RetryingCaller layer = new RetryingCaller(site.model().simulation(),
        site.endpoint() + index + " -> " + target.name(), target,
        retryPolicy(call.retry(), timeout), call.cancelOnTimeout(), false);
    site.model().add(layer);
    return layer;
  }

  /** The retry policy of a layer whose own timeout (client or call {@code timeout}) is {@code timeoutNanos}. */
  static RetryPolicy retryPolicy(RetrySpec spec, long timeoutNanos) {
    List<Outcome> retryOn = new ArrayList<>();
    for (RetryCondition c : spec.retryOn()) {
      retryOn.add(Outcome.valueOf(c.name()));
    }
    Backoff backoff = new Backoff(spec.backoff().kind(), spec.backoff().baseNanos(), spec.backoff().capNanos(),
        spec.backoff().multiplier(), spec.backoff().randomizationFactor());
    long perAttempt = spec.hasPerAttemptTimeout() ? spec.perAttemptTimeoutNanos() : timeoutNanos;
    long deadline = spec.hasDeadline() ? spec.deadlineNanos() : Invocation.NO_TIMEOUT;
    return new RetryPolicy(spec.maxAttempts(), perAttempt, deadline, retryOn, backoff, budget(spec.budget()));
  }

  /** The caller's timeout around a retrying layer: the deadline over all attempts, if any. */
  private static long outerTimeout(RetrySpec spec) {
    return spec.hasDeadline() ? spec.deadlineNanos() : Invocation.NO_TIMEOUT;
  }

  private static java.util.function.Supplier<RetryBudget> budget(BudgetSpec spec) {
    if (spec instanceof BudgetSpec.TokenBucket t) {
      return () -> new RetryBudget.AwsTokenBucket(t.capacity(), t.retryCost(), t.timeoutCost(), t.successIncrement());
    }
    if (spec instanceof BudgetSpec.Grpc g) {
      return () -> new RetryBudget.GrpcThrottle(g.maxTokens(), g.tokenRatio());
    }
    if (spec instanceof BudgetSpec.Finagle f) {
      return () -> new RetryBudget.Finagle(f.ttlNanos(), f.minRetriesPerSec(), f.percentCanRetry());
    }
    return RetryBudget.Unlimited::new;
  }

  private static Step step(StepSpec spec, Map<String, Dependency> dependencies, Map<String, Service> services) {
    if (spec instanceof CpuStep cpu) {
      return new Step.Cpu(distribution(cpu.time()));
    }
    if (spec instanceof IoStep io) {
      return new Step.Io(distribution(io.time()));
    }
    if (spec instanceof OffloadStep offload) {
      return new Offload(distribution(offload.time()));
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
    if (spec.retry() != null || spec.idempotencyKeyPerRequest()) {
      RetryPolicy policy = spec.retry() != null
          ? retryPolicy(spec.retry(), timeout)
          : new RetryPolicy(1, timeout, Invocation.NO_TIMEOUT, List.of(), Backoff.aws(Backoff.Kind.NONE, 0, 0),
              RetryBudget.Unlimited::new);
      RetryingCaller layer = new RetryingCaller(sim, "client " + name, target, policy, false,
          spec.idempotencyKeyPerRequest());
      model.add(layer);
      target = layer;
      timeout = spec.retry() != null ? outerTimeout(spec.retry()) : Invocation.NO_TIMEOUT;
    }
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
