package org.cascadesim.cli.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.cascadesim.models.scenario.BackoffSpec;
import org.cascadesim.models.scenario.BoundedCapacity;
import org.cascadesim.models.scenario.BreakerCallStep;
import org.cascadesim.models.scenario.BreakerDefaults;
import org.cascadesim.models.scenario.BreakerSpec;
import org.cascadesim.models.scenario.BudgetSpec;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.ClientSpec;
import org.cascadesim.models.scenario.ClosedLoopLoad;
import org.cascadesim.models.scenario.ConnectionPoolSpec;
import org.cascadesim.models.scenario.ConstantArrivals;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.CpuStep;
import org.cascadesim.models.scenario.DependencySpec;
import org.cascadesim.models.scenario.DistributionSpec;
import org.cascadesim.models.scenario.Durations;
import org.cascadesim.models.scenario.EmpiricalDist;
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
import org.cascadesim.models.scenario.OpossumBreakerSpec;
import org.cascadesim.models.scenario.ParetoDist;
import org.cascadesim.models.scenario.PoissonArrivals;
import org.cascadesim.models.scenario.PoolSpec;
import org.cascadesim.models.scenario.ProfileArrivals;
import org.cascadesim.models.scenario.RampPhase;
import org.cascadesim.models.scenario.Rates;
import org.cascadesim.models.scenario.Resilience4jBreakerSpec;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.RetryCondition;
import org.cascadesim.models.scenario.RetrySpec;
import org.cascadesim.models.scenario.RuntimeSpec;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.ServiceSpec;
import org.cascadesim.models.scenario.SloSpec;
import org.cascadesim.models.scenario.SpikePhase;
import org.cascadesim.models.scenario.StepPhase;
import org.cascadesim.models.scenario.StepSpec;
import org.cascadesim.models.scenario.StoreSpec;
import org.cascadesim.models.scenario.ThreadPoolRuntime;
import org.cascadesim.models.scenario.UnboundedCapacity;
import org.cascadesim.models.scenario.UniformDist;
import org.cascadesim.models.scenario.VariantSpec;
import org.cascadesim.models.scenario.WeibullDist;
import org.cascadesim.models.scenario.WithStep;
import org.cascadesim.models.scenario.WorkerPoolKind;

/**
 * Prints a resolved {@link ScenarioSpec} as YAML with every key, default included, exactly in the
 * scenario language that {@code io.SpecBinder} reads and docs/scenario-reference.md documents
 * (durations as {@code 250ms}, rates as {@code 20/s}, sizes as {@code 8KiB}, {@code none} and
 * {@code unbounded}), so a report shows exactly what ran and the text reads back as the same spec.
 * Optional parts that are off (no retry, no pools, no TimeLimiter) are left out rather than printed
 * as null; a default derived from another key ({@code perAttemptTimeout}: the call's timeout,
 * {@code stuckHalfOpenAfter}: the open wait) is left out too, since writing it would change the
 * spec. Variants are printed as the list of keys they change ({@code path: base -> variant}, paths
 * as {@code --set} writes them).
 */
public final class ResolvedScenarioPrinter {
  private static final int FLOW_WIDTH = 96;
  private static final long KIB = 1L << 10;

  private ResolvedScenarioPrinter() {}

  /**
   * Prints the base of {@code scenario} in full, its {@code slo:} assertions, and, for each named
   * variant, what it changes.
   */
  public static String print(ResolvedScenario scenario, List<String> variants) {
    StringBuilder out = new StringBuilder(print(scenario.base()));
    if (!scenario.slos().isEmpty()) {
      entry(out, 0, "slo", slos(scenario.slos()));
    }
    List<String> shown = new ArrayList<>();
    for (String name : variants) {
      if (!name.equals("base") && scenario.variants().containsKey(name) && !shown.contains(name)) {
        shown.add(name);
      }
    }
    if (shown.isEmpty()) {
      return out.toString();
    }
    out.append("variants:\n");
    Map<String, String> base = flatten(scenario.base());
    for (String name : shown) {
      VariantSpec variant = scenario.variants().get(name);
      out.append("  ").append(key(name)).append(":\n");
      if (!variant.description().isEmpty()) {
        out.append("    description: ").append(scalar(new Text(variant.description()))).append('\n');
      }
      Map<String, String> changed = flatten(variant.spec());
      List<String> lines = new ArrayList<>();
      for (Map.Entry<String, String> e : changed.entrySet()) {
        String before = base.get(e.getKey());
        if (before == null) {
          lines.add(e.getKey() + ": (absent) -> " + e.getValue());
        } else if (!before.equals(e.getValue())) {
          lines.add(e.getKey() + ": " + before + " -> " + e.getValue());
        }
      }
      for (Map.Entry<String, String> e : base.entrySet()) {
        if (!changed.containsKey(e.getKey())) {
          lines.add(e.getKey() + ": " + e.getValue() + " -> (absent)");
        }
      }
      if (lines.isEmpty()) {
        out.append("    changes: none\n");
      } else {
        out.append("    changes:\n");
        for (String line : lines) {
          out.append("      ").append(line).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** Prints one resolved spec, every key included; lines end in {@code \n}. */
  public static String print(ScenarioSpec spec) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Object> e : tree(spec).entrySet()) {
      entry(out, 0, e.getKey(), e.getValue());
    }
    return out.toString();
  }

  /**
   * Returns every leaf of a spec by its {@code --set} path
   * ({@code services.api.endpoints./x[1].call.timeout}) and printed value, in print order.
   */
  public static Map<String, String> flatten(ScenarioSpec spec) {
    Map<String, String> leaves = new LinkedHashMap<>();
    flatten("", tree(spec), leaves);
    return leaves;
  }

  // ---- the tree: ordered maps, lists, scalar tokens (String) and user text (Text) ----

  /** Text from the scenario (names, descriptions): quoted when it would read as a number, boolean or null. */
  private record Text(String value) {}

  /** An ordered map that leaves out empty maps: an empty pools/stores/breakers section is absent. */
  private static final class Fields extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    Fields with(String key, Object value) {
      if (!(value instanceof Map<?, ?> m && m.isEmpty())) {
        put(key, value);
      }
      return this;
    }
  }

  private static Map<String, Object> tree(ScenarioSpec spec) {
    return new Fields()
        .with("name", new Text(spec.name()))
        .with("description", new Text(spec.description()))
        .with("seed", Long.toString(spec.seed()))
        .with("duration", duration(spec.durationNanos()))
        .with("warmup", duration(spec.warmupNanos()))
        .with("limits", new Fields()
            .with("maxEvents", Long.toString(spec.limits().maxEvents()))
            .with("maxInFlight", Long.toString(spec.limits().maxInFlight())))
        .with("clients", named(spec.clients(), ResolvedScenarioPrinter::client))
        .with("services", named(spec.services(), ResolvedScenarioPrinter::service))
        .with("dependencies", named(spec.dependencies(), ResolvedScenarioPrinter::dependency));
  }

  private static <T> Map<String, Object> named(Map<String, T> items, Function<T, Object> node) {
    Fields out = new Fields();
    items.forEach((name, item) -> out.put(name, node.apply(item)));
    return out;
  }

  private static <T> List<Object> list(List<T> items, Function<T, Object> node) {
    List<Object> out = new ArrayList<>();
    for (T item : items) {
      out.add(node.apply(item));
    }
    return out;
  }

  private static Object client(ClientSpec client) {
    Fields out = new Fields().with("target", new Text(client.target().toString()));
    if (client.load() instanceof OpenLoopLoad open) {
      out.with("arrivals", arrivals(open));
    } else if (client.load() instanceof ClosedLoopLoad closed) {
      out.with("users", new Fields()
          .with("count", Integer.toString(closed.users()))
          .with("thinkTime", distribution(closed.thinkTime())));
    } else {
      out.with("load", generic(client.load()));
    }
    out.with("timeout", timeout(client.timeoutNanos()));
    if (client.retry() != null) {
      out.with("retry", retry(client.retry()));
    }
    return out.with("idempotencyKey", client.idempotencyKeyPerRequest() ? "per-request" : "none");
  }

  private static Object arrivals(OpenLoopLoad open) {
    if (open.arrivals() instanceof PoissonArrivals p) {
      return new Fields().with("process", "poisson").with("rate", Rates.format(p.ratePerSecond()));
    }
    if (open.arrivals() instanceof ConstantArrivals c) {
      return new Fields().with("process", "constant").with("rate", Rates.format(c.ratePerSecond()));
    }
    if (open.arrivals() instanceof ProfileArrivals profile) {
      return new Fields().with("process", "profile").with("phases", list(profile.phases(), ResolvedScenarioPrinter::phase));
    }
    return generic(open.arrivals());
  }

  private static Object phase(LoadPhase phase) {
    Fields body;
    String kind;
    if (phase instanceof StepPhase s) {
      kind = "step";
      body = new Fields().with("rate", Rates.format(s.ratePerSecond())).with("for", duration(s.durationNanos()));
    } else if (phase instanceof RampPhase r) {
      kind = "ramp";
      body = new Fields()
          .with("from", Rates.format(r.fromPerSecond()))
          .with("to", Rates.format(r.toPerSecond()))
          .with("for", duration(r.durationNanos()));
    } else if (phase instanceof SpikePhase s) {
      kind = "spike";
      body = new Fields()
          .with("rate", Rates.format(s.ratePerSecond()))
          .with("at", duration(s.atNanos()))
          .with("for", duration(s.durationNanos()));
    } else {
      return generic(phase);
    }
    return new Fields().with(kind, body);
  }

  private static Object retry(RetrySpec retry) {
    Fields out = new Fields().with("maxAttempts", Integer.toString(retry.maxAttempts()));
    if (retry.hasPerAttemptTimeout()) {
      // absent means "the client's or the call's timeout", which none would not say
      out.with("perAttemptTimeout", duration(retry.perAttemptTimeoutNanos()));
    }
    out.with("deadline", timeout(retry.deadlineNanos()));
    out.with("retryOn", list(retry.retryOn(), RetryCondition::label));
    BackoffSpec b = retry.backoff();
    out.with("backoff", new Fields()
        .with("kind", b.kind().label())
        .with("base", duration(b.baseNanos()))
        .with("cap", duration(b.capNanos()))
        .with("multiplier", decimal(b.multiplier()))
        .with("randomizationFactor", decimal(b.randomizationFactor())));
    return out.with("budget", budget(retry.budget()));
  }

  private static Object budget(BudgetSpec budget) {
    if (budget instanceof BudgetSpec.None) {
      return new Fields().with("kind", "none");
    }
    if (budget instanceof BudgetSpec.TokenBucket t) {
      return new Fields()
          .with("kind", "token-bucket")
          .with("capacity", Long.toString(t.capacity()))
          .with("retryCost", Long.toString(t.retryCost()))
          .with("timeoutCost", Long.toString(t.timeoutCost()))
          .with("successIncrement", Long.toString(t.successIncrement()));
    }
    if (budget instanceof BudgetSpec.Grpc g) {
      return new Fields()
          .with("kind", "grpc")
          .with("maxTokens", Long.toString(g.maxTokens()))
          .with("tokenRatio", decimal(g.tokenRatio()));
    }
    if (budget instanceof BudgetSpec.Finagle f) {
      return new Fields()
          .with("kind", "finagle")
          .with("ttl", duration(f.ttlNanos()))
          .with("minRetriesPerSec", decimal(f.minRetriesPerSec()))
          .with("percentCanRetry", decimal(f.percentCanRetry()));
    }
    return generic(budget);
  }

  private static Object service(ServiceSpec service) {
    return new Fields()
        .with("runtime", runtime(service.runtime()))
        .with("pools", named(service.pools(), ResolvedScenarioPrinter::pool))
        .with("stores", named(service.stores(), ResolvedScenarioPrinter::store))
        .with("breakers", named(service.breakers(), ResolvedScenarioPrinter::breaker))
        .with("endpoints", named(service.endpoints(), e -> steps(e.steps())));
  }

  private static Object runtime(RuntimeSpec runtime) {
    if (runtime instanceof GoroutinesRuntime g) {
      return new Fields().with("model", "goroutines").with("bytesPerGoroutine", bytes(g.bytesPerGoroutine()));
    }
    if (runtime instanceof ThreadPoolRuntime t) {
      return new Fields()
          .with("model", "thread-pool")
          .with("threads", Integer.toString(t.threads()))
          .with("queue", limit(t.queueLimit()));
    }
    if (runtime instanceof EventLoopRuntime e) {
      return new Fields()
          .with("model", "event-loop")
          .with("overhead", duration(e.overheadNanos()))
          .with("workerPool", new Fields()
              .with("kind", e.workerPool().kind() == WorkerPoolKind.WORKER_THREADS ? "worker-threads" : "libuv")
              .with("threads", Integer.toString(e.workerPool().threads()))
              .with("callbackCost", duration(e.workerPool().callbackCostNanos())))
          .with("cores", limit(e.cores()));
    }
    return generic(runtime);
  }

  private static Object pool(PoolSpec pool) {
    if (pool instanceof ConnectionPoolSpec c) {
      return new Fields()
          .with("kind", "connection-pool")
          .with("size", Integer.toString(c.size()))
          .with("acquireTimeout", timeout(c.acquireTimeoutNanos()))
          .with("maxWaiters", limit(c.maxWaiters()))
          .with("handoff", label(c.handoff()))
          .with("handoffDelay", duration(c.handoffDelayNanos()));
    }
    return generic(pool);
  }

  private static Object store(StoreSpec store) {
    if (store instanceof IdempotencyStoreSpec s) {
      return new Fields()
          .with("kind", "idempotency-store")
          .with("mode", s.mode().label())
          .with("opLatency", duration(s.opLatencyNanos()))
          .with("inProgress", label(s.inProgress()))
          .with("ttl", timeout(s.ttlNanos()));
    }
    return generic(store);
  }

  private static Object breaker(BreakerSpec breaker) {
    Fields out = new Fields();
    if (breaker instanceof OpossumBreakerSpec o) {
      out.with("kind", "opossum")
          // opossum: false (or 0) disables the timeout
          .with("timeout", o.timeoutNanos() == 0 ? "false" : duration(o.timeoutNanos()))
          .with("errorThresholdPercentage", decimal(o.errorThresholdPercentage()))
          .with("resetTimeout", duration(o.resetTimeoutNanos()))
          .with("rollingCountTimeout", duration(o.rollingCountTimeoutNanos()))
          .with("rollingCountBuckets", Integer.toString(o.rollingCountBuckets()))
          .with("volumeThreshold", Integer.toString(o.volumeThreshold()))
          .with("allowWarmUp", Boolean.toString(o.allowWarmUp()))
          .with("capacity", limit(o.capacity()));
    } else if (breaker instanceof Resilience4jBreakerSpec r) {
      // The spec keeps the multiplier 1 when exponential backoff is off; a cap needs it on.
      boolean exponential = r.exponentialBackoffMultiplier() != 1.0
          || r.exponentialMaxWaitDurationInOpenStateNanos() != ScenarioDefaults.NO_TIMEOUT;
      out.with("kind", "resilience4j")
          .with("failureRateThreshold", decimal(r.failureRateThreshold()))
          .with("slowCallRateThreshold", decimal(r.slowCallRateThreshold()))
          .with("slowCallDurationThreshold", duration(r.slowCallDurationThresholdNanos()))
          .with("slidingWindowType", r.timeBased() ? "TIME_BASED" : "COUNT_BASED")
          .with("slidingWindowSize", Integer.toString(r.slidingWindowSize()))
          .with("minimumNumberOfCalls", Integer.toString(r.minimumNumberOfCalls()))
          .with("waitDurationInOpenState", duration(r.waitDurationInOpenStateNanos()))
          .with("enableExponentialBackoff", Boolean.toString(exponential));
      if (exponential) {
        out.with("exponentialBackoffMultiplier", decimal(r.exponentialBackoffMultiplier()));
        if (r.exponentialMaxWaitDurationInOpenStateNanos() != ScenarioDefaults.NO_TIMEOUT) {
          out.with("exponentialMaxWaitDurationInOpenState", duration(r.exponentialMaxWaitDurationInOpenStateNanos()));
        }
      }
      out.with("permittedNumberOfCallsInHalfOpenState", Integer.toString(r.permittedNumberOfCallsInHalfOpenState()))
          .with("maxWaitDurationInHalfOpenState", duration(r.maxWaitDurationInHalfOpenStateNanos()))
          .with("automaticTransitionFromOpenToHalfOpenEnabled",
              Boolean.toString(r.automaticTransitionFromOpenToHalfOpenEnabled()));
      if (r.timeLimiterNanos() != ScenarioDefaults.NO_TIMEOUT) {
        out.with("timeLimiter", new Fields().with("timeoutDuration", duration(r.timeLimiterNanos())));
      }
      if (r.bulkheadMaxConcurrentCalls() != ScenarioDefaults.UNBOUNDED) {
        out.with("bulkhead", new Fields()
            .with("maxConcurrentCalls", Integer.toString(r.bulkheadMaxConcurrentCalls()))
            .with("maxWaitDuration", duration(r.bulkheadMaxWaitNanos())));
      }
    } else {
      return generic(breaker);
    }
    if (breaker.stuckHalfOpenAfterNanos() != BreakerDefaults.STUCK_DEFAULT) {
      // absent means "the breaker's own open wait"
      out.with("stuckHalfOpenAfter", duration(breaker.stuckHalfOpenAfterNanos()));
    }
    return out;
  }

  private static List<Object> steps(List<StepSpec> steps) {
    return list(steps, ResolvedScenarioPrinter::step);
  }

  /** One step as a map with its one key, e.g. {cpu: 2ms}, {call: {to: provider, ...}}; {with, do} has two. */
  private static Object step(StepSpec step) {
    if (step instanceof CpuStep s) {
      return new Fields().with("cpu", distribution(s.time()));
    }
    if (step instanceof IoStep s) {
      return new Fields().with("io", distribution(s.time()));
    }
    if (step instanceof OffloadStep s) {
      return new Fields().with("offload", distribution(s.time()));
    }
    if (step instanceof CallStep c) {
      return new Fields().with("call", call(c));
    }
    if (step instanceof BreakerCallStep b) {
      Fields call = call(b.call())
          .with("breaker", new Text(b.breaker()))
          .with("fallback", label(b.fallback()));
      if (b.fallback() == BreakerCallStep.Fallback.DEGRADED) {
        call.with("fallbackLatency", distribution(b.fallbackLatency()));
      }
      return new Fields().with("call", call);
    }
    if (step instanceof WithStep w) {
      return new Fields().with("with", new Text(w.pool())).with("do", steps(w.steps()));
    }
    if (step instanceof IdempotentStep i) {
      return new Fields().with("idempotent", new Fields().with("store", new Text(i.store())).with("do", steps(i.steps())));
    }
    return generic(step);
  }

  private static Fields call(CallStep call) {
    Fields out = new Fields()
        .with("to", new Text(call.to().toString()))
        .with("timeout", timeout(call.timeoutNanos()))
        .with("cancelOnTimeout", Boolean.toString(call.cancelOnTimeout()));
    if (call.retry() != null) {
      out.with("retry", retry(call.retry()));
    }
    return out;
  }

  private static Object dependency(DependencySpec dependency) {
    Fields out = new Fields();
    if (dependency.capacity() instanceof UnboundedCapacity u) {
      out.with("latency", distribution(u.latency()));
    } else if (dependency.capacity() instanceof BoundedCapacity b) {
      out.with("concurrency", Integer.toString(b.concurrency()))
          .with("serviceTime", distribution(b.serviceTime()))
          .with("queue", label(b.discipline()))
          .with("queueLimit", limit(b.queueLimit()));
    } else {
      out.with("capacity", generic(dependency.capacity()));
    }
    return out
        .with("errorRate", decimal(dependency.errorRate()))
        .with("faults", list(dependency.faults(), ResolvedScenarioPrinter::fault))
        .with("sideEffect", dependency.sideEffect() == null ? "none" : new Text(dependency.sideEffect()))
        .with("latencyPerInFlight", duration(dependency.latencyPerInFlightNanos()))
        .with("shedExpired", Boolean.toString(dependency.shedExpired()));
  }

  private static Object fault(FaultSpec fault) {
    Fields out = new Fields().with("from", duration(fault.fromNanos())).with("to", duration(fault.toNanos()));
    if (fault instanceof LatencyFault l) {
      return out.with("latency", distribution(l.latency()));
    }
    if (fault instanceof ErrorRateFault e) {
      return out.with("errorRate", decimal(e.errorRate()));
    }
    if (fault instanceof HangFault) {
      return out.with("mode", "hang");
    }
    return generic(fault);
  }

  private static Object distribution(DistributionSpec dist) {
    if (dist instanceof ConstantDist c) {
      return duration(c.valueNanos());
    }
    if (dist instanceof UniformDist u) {
      return new Fields().with("dist", "uniform").with("min", duration(u.minNanos())).with("max", duration(u.maxNanos()));
    }
    if (dist instanceof ExponentialDist e) {
      return new Fields().with("dist", "exponential").with("mean", duration(e.meanNanos()));
    }
    if (dist instanceof NormalDist n) {
      return new Fields().with("dist", "normal").with("mean", duration(n.meanNanos())).with("stddev", duration(n.stddevNanos()));
    }
    if (dist instanceof LogNormalDist l) {
      return new Fields().with("dist", "lognormal").with("median", duration(l.medianNanos())).with("p99", duration(l.p99Nanos()));
    }
    if (dist instanceof LogNormalParamsDist l) {
      return new Fields().with("dist", "lognormal").with("mu", decimal(l.mu())).with("sigma", decimal(l.sigma()));
    }
    if (dist instanceof ParetoDist p) {
      return new Fields().with("dist", "pareto").with("scale", duration(p.scaleNanos())).with("shape", decimal(p.shape()));
    }
    if (dist instanceof WeibullDist w) {
      return new Fields().with("dist", "weibull").with("scale", duration(w.scaleNanos())).with("shape", decimal(w.shape()));
    }
    if (dist instanceof EmpiricalDist e) {
      Fields points = new Fields();
      for (EmpiricalDist.Point p : e.points()) {
        points.with("p" + decimal(p.percentile()), duration(p.valueNanos()));
      }
      return new Fields().with("dist", "empirical").with("percentiles", points);
    }
    return generic(dist);
  }

  private static List<Object> slos(List<SloSpec> slos) {
    List<Object> out = new ArrayList<>();
    for (SloSpec slo : slos) {
      // the text is "<stat> <op> <value>" as written; the file writes the assertion after the stat
      String assertion = slo.text().startsWith(slo.stat() + " ")
          ? slo.text().substring(slo.stat().length() + 1) : slo.text();
      out.add(new Fields().with(slo.subjectKind(), new Text(slo.subject())).with(slo.stat(), new Text(assertion)));
    }
    return out;
  }

  /**
   * A kind this printer does not know yet (a new record in a sealed spec interface): its record
   * components under their own names, so it still shows up; the round-trip test over every bundled
   * scenario fails until it is printed in the scenario language.
   */
  private static Object generic(Object value) {
    if (!(value instanceof Record record)) {
      return new Text(String.valueOf(value));
    }
    Fields out = new Fields().with("kind", kebab(record.getClass().getSimpleName()));
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
      }
      if (v != null) {
        out.with(c.getName(), v instanceof Number || v instanceof Boolean ? v.toString() : generic(v));
      }
    }
    return out;
  }

  // ---- scalar tokens ----

  private static String duration(long nanos) {
    return Durations.format(nanos);
  }

  private static String timeout(long nanos) {
    return nanos == ScenarioDefaults.NO_TIMEOUT ? "none" : Durations.format(nanos);
  }

  private static String limit(int value) {
    return value == ScenarioDefaults.UNBOUNDED ? "unbounded" : Integer.toString(value);
  }

  /** A size in the largest binary unit that writes it exactly with at most two decimals ({@code 8KiB}, {@code 1.5MiB}). */
  static String bytes(long bytes) {
    String[] units = {"GiB", "MiB", "KiB"};
    long[] sizes = {KIB * KIB * KIB, KIB * KIB, KIB};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= sizes[i]) {
        BigDecimal v = new BigDecimal(bytes).divide(BigDecimal.valueOf(sizes[i])).stripTrailingZeros();
        if (v.scale() <= 2) {
          return v.toPlainString() + units[i];
        }
      }
    }
    return bytes + "B";
  }

  /** An enum constant in the file's spelling: FAIR_WITH_BARGING -> fair-with-barging. */
  private static String label(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String kebab(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (Character.isUpperCase(ch) && i > 0) {
        out.append('-');
      }
      out.append(Character.toLowerCase(ch));
    }
    return out.toString();
  }

  // ---- rendering ----

  private static void entry(StringBuilder out, int indent, String key, Object value) {
    String pad = "  ".repeat(indent);
    if (value instanceof String || value instanceof Text) {
      out.append(pad).append(key(key)).append(": ").append(scalar(value)).append('\n');
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append(pad).append(key(key)).append(": {}\n");
        return;
      }
      String flow = flow(value);
      if (flow != null && pad.length() + key.length() + 2 + flow.length() <= FLOW_WIDTH) {
        out.append(pad).append(key(key)).append(": ").append(flow).append('\n');
        return;
      }
      out.append(pad).append(key(key)).append(":\n");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        entry(out, indent + 1, (String) e.getKey(), e.getValue());
      }
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append(pad).append(key(key)).append(": []\n");
        return;
      }
      out.append(pad).append(key(key)).append(":\n");
      for (Object item : list) {
        listItem(out, indent + 1, item);
      }
    }
  }

  private static void listItem(StringBuilder out, int indent, Object item) {
    String pad = "  ".repeat(indent);
    String flow = flow(item);
    if (item instanceof Map<?, ?> map && map.size() == 1) {
      Map.Entry<?, ?> only = map.entrySet().iterator().next();
      String inner = flow(only.getValue());
      if (inner != null) {
        out.append(pad).append("- ").append(key((String) only.getKey())).append(": ").append(inner).append('\n');
        return;
      }
    }
    if (flow != null && pad.length() + 2 + flow.length() <= FLOW_WIDTH) {
      out.append(pad).append("- ").append(flow).append('\n');
      return;
    }
    // A block map as a list item: the first key after the dash, the others aligned under it.
    StringBuilder block = new StringBuilder();
    Map<?, ?> map = (Map<?, ?>) item;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      entry(block, indent + 1, (String) e.getKey(), e.getValue());
    }
    String text = block.toString();
    out.append(pad).append("- ").append(text.substring(pad.length() + 2));
  }

  /** Returns the one-line form of a scalar or of a map of scalars ({@code {a: 1, b: 2}}), else null. */
  private static String flow(Object value) {
    if (value instanceof String || value instanceof Text) {
      return scalar(value);
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String inner = e.getValue() instanceof Map<?, ?> nested && !nested.isEmpty() ? null : flow(e.getValue());
        if (inner == null) {
          return null;
        }
        if (out.length() > 1) {
          out.append(", ");
        }
        out.append(key((String) e.getKey())).append(": ").append(inner);
      }
      return out.append('}').toString();
    }
    return null;
  }

  private static String key(String key) {
    return needsQuotes(key) || readsAsNonText(key) ? quote(key) : key;
  }

  /** A token this printer formatted (a duration, a number, a keyword) as is; user text quoted when needed. */
  private static String scalar(Object value) {
    if (value instanceof Text t) {
      return needsQuotes(t.value()) || readsAsNonText(t.value()) ? quote(t.value()) : t.value();
    }
    String s = (String) value;
    return needsQuotes(s) ? quote(s) : s;
  }

  private static final Pattern NON_TEXT = Pattern.compile(
      "(?i)true|false|null|~|yes|no|on|off|y|n|[-+]?\\.(inf)|\\.nan|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+"
          + "|[-+]?([0-9][0-9_]*)?(\\.[0-9_]*)?(e[-+]?[0-9]+)?");

  /** Whether unquoted text would be read as a boolean, null or number (YAML 1.1 and 1.2 spellings). */
  private static boolean readsAsNonText(String s) {
    return NON_TEXT.matcher(s).matches() && (s.chars().anyMatch(Character::isDigit) || !s.matches("[-+.]*"));
  }

  private static boolean needsQuotes(String s) {
    if (s.isEmpty() || !s.equals(s.strip())) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < ' ' || ":#{}[],&*?|<>=!%@`\"'".indexOf(ch) >= 0 && !(ch == ':' && i + 1 < s.length() && s.charAt(i + 1) != ' ')) {
        return true;
      }
    }
    return s.startsWith("-") && s.length() > 1 && s.charAt(1) == ' ';
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (ch < ' ') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void flatten(String path, Object node, Map<String, String> leaves) {
    if (node instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        leaves.put(path, "{}");
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        flatten(path.isEmpty() ? (String) e.getKey() : path + "." + e.getKey(), e.getValue(), leaves);
      }
    } else if (node instanceof List<?> list) {
      if (list.isEmpty()) {
        leaves.put(path, "[]");
      }
      for (int i = 0; i < list.size(); i++) {
        flatten(path + "[" + i + "]", list.get(i), leaves);
      }
    } else {
      leaves.put(path, scalar(node));
    }
  }
}
