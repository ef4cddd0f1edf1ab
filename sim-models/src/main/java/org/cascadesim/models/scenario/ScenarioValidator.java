package org.cascadesim.models.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a bound {@link ScenarioSpec} for semantic mistakes (ranges, references, cycles) and
 * returns every problem at once, so a user fixes a file in one pass instead of one error per run.
 *
 * <p>Paths name the key as written in the file ({@code dependencies.provider.faults[0].to}, list
 * indexes 0-based); when a spec was written in a shorter form (a plain duration instead of a
 * {@code dist} map), the reader maps a path to its closest existing parent.
 */
public final class ScenarioValidator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
  private static final Pattern ENDPOINT = Pattern.compile("[^\\s.\\[\\]]+");
  private static final double MIN_TOKEN_RATIO = 0.001;
  private static final double MAX_TOKEN_RATIO = 1000;

  /** Creates a validator; it holds no state between calls. */
  public ScenarioValidator() {}

  /** Returns every semantic problem of {@code spec}, in the order of the spec's keys. */
  public List<ValidationIssue> validate(ScenarioSpec spec) {
    return new Run(spec).validate();
  }

  /** One validation pass: the spec being checked and the issues found so far. */
  private static final class Run {
    private final ScenarioSpec spec;
    private final List<ValidationIssue> issues = new ArrayList<>();
    private ServiceSpec currentService;

    Run(ScenarioSpec spec) {
      this.spec = spec;
    }

    List<ValidationIssue> validate() {
      if (spec.name().isBlank()) {
        add("name", "must not be empty");
      }
      positive("duration", spec.durationNanos());
      if (spec.warmupNanos() < 0) {
        add("warmup", "must be 0s or more (was " + Durations.format(spec.warmupNanos()) + ")");
      } else if (spec.durationNanos() > 0 && spec.warmupNanos() >= spec.durationNanos()) {
        add(
            "warmup",
            "must be shorter than the run's duration "
                + Durations.format(spec.durationNanos())
                + " (was "
                + Durations.format(spec.warmupNanos())
                + ")");
      }
      if (spec.limits().maxEvents() <= 0) {
        add("limits.maxEvents", "must be at least 1 (was " + spec.limits().maxEvents() + ")");
      }
      if (spec.limits().maxInFlight() <= 0) {
        add("limits.maxInFlight", "must be at least 1 (was " + spec.limits().maxInFlight() + ")");
      }
      if (spec.clients().isEmpty()) {
        add("clients", "a scenario needs at least one client to generate load");
      }
      spec.clients().forEach(this::client);
      spec.services().forEach(this::service);
      spec.dependencies().forEach(this::dependency);
      cycles();
      return issues;
    }

    private void add(String path, String message) {
      issues.add(new ValidationIssue(path, message));
    }

    private void name(String path, String name, String kind) {
      if (!NAME.matcher(name).matches()) {
        add(
            path,
            "'"
                + name
                + "' is not a valid "
                + kind
                + " name; use letters, digits, '-' and '_', starting with a letter or digit");
      }
    }

    private void client(String name, ClientSpec client) {
      String path = "clients." + name;
      name(path, name, "client");
      endpointRef(path + ".target", client.target());
      timeout(path + ".timeout", client.timeoutNanos());
      if (client.retry() != null) {
        retry(path + ".retry", client.retry());
      }
      if (client.load() instanceof OpenLoopLoad open) {
        arrivals(path + ".arrivals", open.arrivals());
      } else if (client.load() instanceof ClosedLoopLoad closed) {
        if (closed.users() <= 0) {
          add(path + ".users.count", "must be at least 1 (was " + closed.users() + ")");
        } else if (closed.users() > spec.limits().maxInFlight()) {
          // Every user may have a request in flight; a population past the limit would also hold
          // one pending event per user from the start (999,999,999 users ran out of memory).
          add(path + ".users.count", "must be at most limits.maxInFlight (" + spec.limits().maxInFlight()
              + "): each user may have a request in flight (was " + closed.users() + ")");
        }
        distribution(path + ".users.thinkTime", closed.thinkTime());
      }
    }

    private void arrivals(String path, ArrivalSpec arrivals) {
      if (arrivals instanceof PoissonArrivals p) {
        positiveRate(path + ".rate", p.ratePerSecond());
      } else if (arrivals instanceof ConstantArrivals c) {
        positiveRate(path + ".rate", c.ratePerSecond());
      } else if (arrivals instanceof ProfileArrivals profile) {
        if (profile.phases().isEmpty()) {
          add(path + ".phases", "a profile needs at least one phase (step, ramp or spike)");
        }
        for (int i = 0; i < profile.phases().size(); i++) {
          phase(path + ".phases[" + i + "]", profile.phases().get(i));
        }
      }
    }

    private void phase(String path, LoadPhase phase) {
      if (phase instanceof StepPhase step) {
        nonNegativeRate(path + ".step.rate", step.ratePerSecond());
        positive(path + ".step.for", step.durationNanos());
      } else if (phase instanceof RampPhase ramp) {
        nonNegativeRate(path + ".ramp.from", ramp.fromPerSecond());
        nonNegativeRate(path + ".ramp.to", ramp.toPerSecond());
        positive(path + ".ramp.for", ramp.durationNanos());
      } else if (phase instanceof SpikePhase spike) {
        positiveRate(path + ".spike.rate", spike.ratePerSecond());
        positive(path + ".spike.for", spike.durationNanos());
        if (spike.atNanos() < 0 || spike.atNanos() >= spec.durationNanos()) {
          add(
              path + ".spike.at",
              "must be within the run [0s, "
                  + Durations.format(spec.durationNanos())
                  + ") (was "
                  + Durations.format(spike.atNanos())
                  + ")");
        }
      }
    }

    private void service(String name, ServiceSpec service) {
      String path = "services." + name;
      currentService = service;
      name(path, name, "service");
      service.stores().forEach((store, s) -> store(path + ".stores." + store, store, s));
      if (spec.dependencies().containsKey(name)) {
        add(
            path,
            "'" + name + "' is both a service and a dependency; give them different names");
      }
      if (service.runtime() instanceof ThreadPoolRuntime pool) {
        if (pool.threads() <= 0) {
          add(path + ".runtime.threads", "must be at least 1 (was " + pool.threads() + ")");
        }
        if (pool.queueLimit() < 0 && pool.isQueueBounded()) {
          add(
              path + ".runtime.queue",
              "must be unbounded or 0 or more (was " + pool.queueLimit() + ")");
        }
      }
      if (service.runtime() instanceof EventLoopRuntime loop) {
        eventLoop(path + ".runtime", loop);
      }
      if (service.runtime() instanceof GoroutinesRuntime goroutines && goroutines.bytesPerGoroutine() <= 0) {
        add(path + ".runtime.bytesPerGoroutine", "must be at least 1B (was " + goroutines.bytesPerGoroutine() + ")");
      }
      service.pools().forEach((pool, poolSpec) -> pool(path + ".pools." + pool, pool, poolSpec));
      currentService = service;
      if (service.endpoints().isEmpty()) {
        add(path + ".endpoints", "a service needs at least one endpoint");
      }
      BreakerValidator.validate(path, service, this::add);
      service
          .endpoints()
          .forEach(
              (endpoint, spec) -> {
                String ePath = path + ".endpoints." + endpoint;
                if (!ENDPOINT.matcher(endpoint).matches()) {
                  add(
                      ePath,
                      "'"
                          + endpoint
                          + "' is not a valid endpoint name; no spaces, dots or brackets,"
                          + " e.g. /charge");
                }
                if (spec.steps().isEmpty()) {
                  add(ePath, "an endpoint needs at least one step (cpu, io, call, offload, with or idempotent)");
                }
              });
      StepTree.walk(path, service, this::step);
    }

    /** Checks one step; {@link StepTree#walk} brings the steps nested in blocks. */
    private void step(String path, StepSpec step) {
      CallStep call = StepTree.call(step);
      if (call != null) {
        callTarget(path + ".call.to", call.to());
        timeout(path + ".call.timeout", call.timeoutNanos());
        if (call.retry() != null) {
          retry(path + ".call.retry", call.retry());
        }
      }
      if (step instanceof CpuStep cpu) {
        distribution(path + ".cpu", cpu.time());
      } else if (step instanceof IoStep io) {
        distribution(path + ".io", io.time());
      } else if (step instanceof OffloadStep offload) {
        offload(path + ".offload", offload);
      } else if (step instanceof WithStep with) {
        withStep(path, with);
      } else if (step instanceof BreakerCallStep guarded) {
        distribution(path + ".call.fallbackLatency", guarded.fallbackLatency());
      } else if (step instanceof IdempotentStep idempotent) {
        idempotent(path + ".idempotent", idempotent);
      }
    }

    private void idempotent(String path, IdempotentStep step) {
      if (currentService != null && !(currentService.stores().get(step.store()) instanceof IdempotencyStoreSpec)) {
        add(path + ".store", "no idempotency store named '" + step.store() + "' in this service; stores: "
            + names(currentService.stores()));
      }
      if (step.steps().isEmpty()) {
        add(path + ".do", "an idempotent block needs at least one step");
      }
    }

    private void store(String path, String name, StoreSpec store) {
      name(path, name, "store");
      if (store instanceof IdempotencyStoreSpec keys) {
        nonNegative(path + ".opLatency", keys.opLatencyNanos());
        timeout(path + ".ttl", keys.ttlNanos());
      }
    }

    private void retry(String path, RetrySpec retry) {
      if (retry.maxAttempts() < 1) {
        add(path + ".maxAttempts", "must be at least 1, the first attempt included (was " + retry.maxAttempts() + ")");
      }
      timeout(path + ".perAttemptTimeout", retry.perAttemptTimeoutNanos());
      timeout(path + ".deadline", retry.deadlineNanos());
      BackoffSpec b = retry.backoff();
      nonNegative(path + ".backoff.base", b.baseNanos());
      if (b.capNanos() < b.baseNanos()) {
        add(path + ".backoff.cap", "must be at least base (" + Durations.format(b.baseNanos()) + ") (was "
            + Durations.format(b.capNanos()) + ")");
      }
      if (!(b.multiplier() >= 1) || !Double.isFinite(b.multiplier())) {
        add(path + ".backoff.multiplier", "must be at least 1 (was " + b.multiplier() + ")");
      }
      fraction(path + ".backoff.randomizationFactor", b.randomizationFactor());
      String bp = path + ".budget";
      if (retry.budget() instanceof BudgetSpec.TokenBucket t) {
        if (t.capacity() < 1) {
          add(bp + ".capacity", "must be at least 1 (was " + t.capacity() + ")");
        }
        zeroOrMore(bp + ".retryCost", t.retryCost());
        zeroOrMore(bp + ".timeoutCost", t.timeoutCost());
        zeroOrMore(bp + ".successIncrement", t.successIncrement());
      } else if (retry.budget() instanceof BudgetSpec.Grpc g) {
        if (g.maxTokens() < 1 || g.maxTokens() > 1000) {
          add(bp + ".maxTokens", "must be in [1, 1000] (gRFC A6) (was " + g.maxTokens() + ")");
        }
        if (!(g.tokenRatio() >= MIN_TOKEN_RATIO && g.tokenRatio() <= MAX_TOKEN_RATIO)) {
          // The throttle keeps thousandths of a token: a smaller ratio would round to no refill at
          // all, and a ratio of 1000 already refills the largest bucket in one success.
          add(bp + ".tokenRatio", "must be in [0.001, 1000]: gRPC keeps three decimals (gRFC A6), so a smaller"
              + " ratio would refill nothing (was " + plain(g.tokenRatio()) + ")");
        }
      } else if (retry.budget() instanceof BudgetSpec.Finagle f) {
        if (f.ttlNanos() < 1_000_000_000L || f.ttlNanos() > 60_000_000_000L) {
          add(bp + ".ttl", "must be between 1s and 60s (Finagle) (was " + Durations.format(f.ttlNanos()) + ")");
        }
        if (!(f.minRetriesPerSec() >= 0) || !Double.isFinite(f.minRetriesPerSec())) {
          add(bp + ".minRetriesPerSec", "must be 0 or more (was " + f.minRetriesPerSec() + ")");
        }
        if (!(f.percentCanRetry() >= 0 && f.percentCanRetry() <= 1000)) {
          add(bp + ".percentCanRetry", "must be in [0, 1000] (Finagle) (was " + f.percentCanRetry() + ")");
        }
      }
    }

    private void pool(String path, String name, PoolSpec pool) {
      name(path, name, "pool");
      if (pool instanceof ConnectionPoolSpec c) {
        if (c.size() <= 0) {
          add(path + ".size", "must be at least 1 (was " + c.size() + ")");
        }
        timeout(path + ".acquireTimeout", c.acquireTimeoutNanos());
        if (c.maxWaiters() < 0 && c.isWaitersBounded()) {
          add(path + ".maxWaiters", "must be unbounded or 0 or more (was " + c.maxWaiters() + ")");
        }
        nonNegative(path + ".handoffDelay", c.handoffDelayNanos());
      }
    }

    private void withStep(String path, WithStep with) {
      if (currentService != null && !currentService.pools().containsKey(with.pool())) {
        add(path + ".with", "no pool named '" + with.pool() + "' in this service; pools: " + names(currentService.pools()));
      }
      if (with.steps().isEmpty()) {
        add(path + ".do", "a with block needs at least one step");
      }
    }

    private void eventLoop(String path, EventLoopRuntime loop) {
      nonNegative(path + ".overhead", loop.overheadNanos());
      if (loop.hasCoreLimit() && loop.cores() <= 0) {
        add(path + ".cores", "must be at least 1, or unbounded (was " + loop.cores() + ")");
      }
      WorkerPoolSpec pool = loop.workerPool();
      int max = pool.kind() == WorkerPoolKind.LIBUV ? ScenarioDefaults.LIBUV_MAX_THREADS : Integer.MAX_VALUE;
      if (pool.threads() <= 0 || pool.threads() > max) {
        add(path + ".workerPool.threads", pool.kind() == WorkerPoolKind.LIBUV
            ? "must be between 1 and " + max + " for the libuv threadpool (was " + pool.threads() + ")"
            : "must be at least 1 (was " + pool.threads() + ")");
      }
      nonNegative(path + ".workerPool.callbackCost", pool.callbackCostNanos());
    }

    private void offload(String path, OffloadStep offload) {
      distribution(path, offload.time());
      if (currentService != null && !(currentService.runtime() instanceof EventLoopRuntime)) {
        add(path, "offload hands work from an event loop to its worker pool; it needs"
            + " runtime {model: event-loop} (use cpu on other runtimes)");
      }
    }

    private void callTarget(String path, CallTarget target) {
      if (target instanceof EndpointRef ref) {
        endpointRef(path, ref);
      } else if (target instanceof DependencyRef dep
          && !spec.dependencies().containsKey(dep.dependency())) {
        String hint =
            spec.services().containsKey(dep.dependency())
                ? "; '"
                    + dep.dependency()
                    + "' is a service: write '"
                    + dep.dependency()
                    + " <endpoint>' to call it"
                : "";
        add(
            path,
            "no dependency named '"
                + dep.dependency()
                + "'; dependencies: "
                + names(spec.dependencies())
                + hint);
      }
    }

    private void endpointRef(String path, EndpointRef ref) {
      ServiceSpec service = spec.services().get(ref.service());
      if (service == null) {
        add(
            path,
            "no service named '" + ref.service() + "'; services: " + names(spec.services()));
      } else if (!service.endpoints().containsKey(ref.endpoint())) {
        add(
            path,
            "service '"
                + ref.service()
                + "' has no endpoint '"
                + ref.endpoint()
                + "'; endpoints: "
                + names(service.endpoints()));
      }
    }

    private void dependency(String name, DependencySpec dep) {
      String path = "dependencies." + name;
      name(path, name, "dependency");
      if (dep.capacity() instanceof UnboundedCapacity unbounded) {
        distribution(path + ".latency", unbounded.latency());
      } else if (dep.capacity() instanceof BoundedCapacity bounded) {
        if (bounded.concurrency() <= 0) {
          add(path + ".concurrency", "must be at least 1 (was " + bounded.concurrency() + ")");
        }
        distribution(path + ".serviceTime", bounded.serviceTime());
        if (bounded.queueLimit() < 0 && bounded.isQueueBounded()) {
          add(
              path + ".queueLimit",
              "must be unbounded or 0 or more (was " + bounded.queueLimit() + ")");
        }
      }
      fraction(path + ".errorRate", dep.errorRate());
      if (dep.latencyPerInFlightNanos() < 0) {
        add(path + ".latencyPerInFlight", "must be 0s or more (was " + Durations.format(dep.latencyPerInFlightNanos()) + ")");
      }
      if (dep.shedExpired() && !(dep.capacity() instanceof BoundedCapacity)) {
        add(path + ".shedExpired", "needs a queue: give the dependency concurrency and serviceTime");
      }
      for (int i = 0; i < dep.faults().size(); i++) {
        fault(path + ".faults[" + i + "]", dep.faults().get(i));
      }
    }

    private void fault(String path, FaultSpec fault) {
      String window =
          "[" + Durations.format(fault.fromNanos()) + ", " + Durations.format(fault.toNanos()) + ")";
      if (fault.fromNanos() < 0) {
        add(path + ".from", "must be 0s or more (was " + Durations.format(fault.fromNanos()) + ")");
      } else if (spec.durationNanos() > 0 && fault.fromNanos() >= spec.durationNanos()) {
        add(
            path + ".from",
            "the fault window "
                + window
                + " starts at or after the end of the run ("
                + Durations.format(spec.durationNanos())
                + ")");
      }
      if (fault.toNanos() <= fault.fromNanos()) {
        add(path + ".to", "must be after from; the fault window " + window + " is empty");
      } else if (spec.durationNanos() > 0 && fault.toNanos() > spec.durationNanos()) {
        add(
            path + ".to",
            "the fault window "
                + window
                + " ends after the run; duration is "
                + Durations.format(spec.durationNanos()));
      }
      if (fault instanceof LatencyFault latency) {
        distribution(path + ".latency", latency.latency());
      } else if (fault instanceof ErrorRateFault error) {
        fraction(path + ".errorRate", error.errorRate());
      }
    }

    private void distribution(String path, DistributionSpec dist) {
      if (dist instanceof ConstantDist c) {
        nonNegative(path + ".value", c.valueNanos());
      } else if (dist instanceof UniformDist u) {
        nonNegative(path + ".min", u.minNanos());
        if (u.maxNanos() < u.minNanos()) {
          add(
              path + ".max",
              "must be at least min ("
                  + Durations.format(u.minNanos())
                  + ") (was "
                  + Durations.format(u.maxNanos())
                  + ")");
        }
      } else if (dist instanceof ExponentialDist e) {
        positive(path + ".mean", e.meanNanos());
      } else if (dist instanceof NormalDist n) {
        positive(path + ".mean", n.meanNanos());
        nonNegative(path + ".stddev", n.stddevNanos());
      } else if (dist instanceof LogNormalDist l) {
        positive(path + ".median", l.medianNanos());
        if (l.p99Nanos() <= l.medianNanos()) {
          add(
              path + ".p99",
              "must be above the median ("
                  + Durations.format(l.medianNanos())
                  + ") (was "
                  + Durations.format(l.p99Nanos())
                  + ")");
        }
      } else if (dist instanceof LogNormalParamsDist l) {
        if (!Double.isFinite(l.mu())) {
          add(path + ".mu", "must be a finite number (was " + l.mu() + ")");
        }
        positiveNumber(path + ".sigma", l.sigma());
      } else if (dist instanceof ParetoDist p) {
        positive(path + ".scale", p.scaleNanos());
        positiveNumber(path + ".shape", p.shape());
      } else if (dist instanceof WeibullDist w) {
        positive(path + ".scale", w.scaleNanos());
        positiveNumber(path + ".shape", w.shape());
      } else if (dist instanceof EmpiricalDist e) {
        empirical(path + ".percentiles", e);
      }
    }

    private void empirical(String path, EmpiricalDist dist) {
      if (dist.points().isEmpty()) {
        add(path, "needs at least one percentile, and p100 (the maximum)");
        return;
      }
      boolean hasMax = false;
      for (EmpiricalDist.Point p : dist.points()) {
        if (!(p.percentile() > 0 && p.percentile() <= 100)) {
          add(path + "." + key(p), "the percentile must be in (0, 100], e.g. p50, p99.9, p100");
        }
        nonNegative(path + "." + key(p), p.valueNanos());
        hasMax |= p.percentile() == 100;
      }
      if (!hasMax) {
        add(path, "needs p100 (the maximum) so that samples are bounded");
      }
      List<EmpiricalDist.Point> sorted = new ArrayList<>(dist.points());
      sorted.sort(Comparator.comparingDouble(EmpiricalDist.Point::percentile));
      for (int i = 1; i < sorted.size(); i++) {
        EmpiricalDist.Point lower = sorted.get(i - 1);
        EmpiricalDist.Point upper = sorted.get(i);
        if (upper.valueNanos() < lower.valueNanos()) {
          add(
              path + "." + key(upper),
              key(upper)
                  + " ("
                  + Durations.format(upper.valueNanos())
                  + ") must not be below "
                  + key(lower)
                  + " ("
                  + Durations.format(lower.valueNanos())
                  + ")");
        }
      }
    }

    private static String key(EmpiricalDist.Point p) {
      return "p" + BigDecimal.valueOf(p.percentile()).stripTrailingZeros().toPlainString();
    }

    private void cycles() {
      Map<EndpointRef, List<Edge>> graph = new LinkedHashMap<>();
      // Every call step is an edge, the ones nested in with and idempotent blocks and the calls
      // through breakers included: any of them recurses at run time.
      spec.services().forEach((service, s) -> s.endpoints().forEach((endpoint, e) -> {
        List<Edge> edges = new ArrayList<>();
        StepTree.walk("services." + service + ".endpoints." + endpoint, e.steps(), (path, step) -> {
          CallStep call = StepTree.call(step);
          if (call != null && call.to() instanceof EndpointRef to) {
            edges.add(new Edge(to, path + ".call.to"));
          }
        });
        graph.put(new EndpointRef(service, endpoint), edges);
      }));
      Map<EndpointRef, Integer> state = new LinkedHashMap<>(); // 1 = on stack, 2 = done
      for (EndpointRef start : graph.keySet()) {
        if (!state.containsKey(start)) {
          visit(start, graph, state, new ArrayList<>());
        }
      }
    }

    private void visit(
        EndpointRef node,
        Map<EndpointRef, List<Edge>> graph,
        Map<EndpointRef, Integer> state,
        List<EndpointRef> stack) {
      state.put(node, 1);
      stack.add(node);
      for (Edge edge : graph.getOrDefault(node, List.of())) {
        Integer s = state.get(edge.to());
        if (s == null) {
          if (graph.containsKey(edge.to())) {
            visit(edge.to(), graph, state, stack);
          }
        } else if (s == 1) {
          List<String> cycle = new ArrayList<>();
          for (EndpointRef r : stack.subList(stack.indexOf(edge.to()), stack.size())) {
            cycle.add(r.toString());
          }
          cycle.add(edge.to().toString());
          add(
              edge.path(),
              "synchronous call cycle "
                  + String.join(" -> ", cycle)
                  + "; every request would call itself until it runs out of time");
        }
      }
      stack.remove(stack.size() - 1);
      state.put(node, 2);
    }

    private void timeout(String path, long nanos) {
      if (nanos != ScenarioDefaults.NO_TIMEOUT && nanos <= 0) {
        add(
            path,
            "must be positive, or none for no timeout (was " + Durations.format(nanos) + ")");
      }
    }

    private void positive(String path, long nanos) {
      if (nanos <= 0) {
        add(path, "must be positive (was " + Durations.format(nanos) + ")");
      }
    }

    private void nonNegative(String path, long nanos) {
      if (nanos < 0) {
        add(path, "must be 0s or more (was " + Durations.format(nanos) + ")");
      }
    }

    private void positiveRate(String path, double perSecond) {
      if (!(perSecond > 0) || !Double.isFinite(perSecond)) {
        add(path, "must be a positive rate, e.g. 20/s (was " + Rates.format(perSecond) + ")");
      }
    }

    private void nonNegativeRate(String path, double perSecond) {
      if (!(perSecond >= 0) || !Double.isFinite(perSecond)) {
        add(path, "must be 0/s or more (was " + Rates.format(perSecond) + ")");
      }
    }

    private void zeroOrMore(String path, long value) {
      if (value < 0) {
        add(path, "must be 0 or more (was " + value + ")");
      }
    }

    private static String plain(double value) {
      return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : Double.toString(value);
    }

    private void positiveNumber(String path, double value) {
      if (!(value > 0) || !Double.isFinite(value)) {
        add(path, "must be a positive number (was " + value + ")");
      }
    }

    private void fraction(String path, double value) {
      if (!(value >= 0 && value <= 1)) {
        add(path, "must be between 0 and 1 (was " + value + ")");
      }
    }

    private static String names(Map<String, ?> map) {
      return map.isEmpty() ? "(none)" : String.join(", ", map.keySet());
    }
  }

  /** A synchronous call from one endpoint to another, with the path of its call step. */
  private record Edge(EndpointRef to, String path) {}
}
