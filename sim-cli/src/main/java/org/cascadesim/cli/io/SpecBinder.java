package org.cascadesim.cli.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cascadesim.models.idempotency.IdempotencyStore;
import org.cascadesim.models.retry.Backoff;
import org.cascadesim.models.scenario.ArrivalSpec;
import org.cascadesim.models.scenario.BackoffSpec;
import org.cascadesim.models.scenario.BudgetSpec;
import org.cascadesim.models.scenario.IdempotencyStoreSpec;
import org.cascadesim.models.scenario.IdempotentStep;
import org.cascadesim.models.scenario.RetryCondition;
import org.cascadesim.models.scenario.RetrySpec;
import org.cascadesim.models.scenario.StoreSpec;
import org.cascadesim.models.scenario.BoundedCapacity;
import org.cascadesim.models.scenario.BreakerCallStep;
import org.cascadesim.models.scenario.BreakerDefaults;
import org.cascadesim.models.scenario.BreakerSpec;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.CallTarget;
import org.cascadesim.models.scenario.CapacitySpec;
import org.cascadesim.models.scenario.ClientSpec;
import org.cascadesim.models.scenario.ClosedLoopLoad;
import org.cascadesim.models.scenario.ByteSizes;
import org.cascadesim.models.scenario.ConnectionPoolSpec;
import org.cascadesim.models.scenario.ConstantArrivals;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.CpuStep;
import org.cascadesim.models.scenario.DependencyRef;
import org.cascadesim.models.scenario.DependencySpec;
import org.cascadesim.models.scenario.DistributionSpec;
import org.cascadesim.models.scenario.Durations;
import org.cascadesim.models.scenario.EmpiricalDist;
import org.cascadesim.models.scenario.EndpointRef;
import org.cascadesim.models.scenario.EndpointSpec;
import org.cascadesim.models.scenario.ErrorRateFault;
import org.cascadesim.models.scenario.EventLoopRuntime;
import org.cascadesim.models.scenario.ExponentialDist;
import org.cascadesim.models.scenario.FaultSpec;
import org.cascadesim.models.scenario.GoroutinesRuntime;
import org.cascadesim.models.scenario.HangFault;
import org.cascadesim.models.scenario.IoStep;
import org.cascadesim.models.scenario.LatencyFault;
import org.cascadesim.models.scenario.LimitsSpec;
import org.cascadesim.models.scenario.LoadPhase;
import org.cascadesim.models.scenario.LoadSpec;
import org.cascadesim.models.scenario.LogNormalDist;
import org.cascadesim.models.scenario.LogNormalParamsDist;
import org.cascadesim.models.scenario.NormalDist;
import org.cascadesim.models.scenario.OffloadStep;
import org.cascadesim.models.scenario.OpenLoopLoad;
import org.cascadesim.models.scenario.PoolHandoff;
import org.cascadesim.models.scenario.PoolSpec;
import org.cascadesim.models.scenario.OpossumBreakerSpec;
import org.cascadesim.models.scenario.ParetoDist;
import org.cascadesim.models.scenario.PoissonArrivals;
import org.cascadesim.models.scenario.ProfileArrivals;
import org.cascadesim.models.scenario.QueueDiscipline;
import org.cascadesim.models.scenario.RampPhase;
import org.cascadesim.models.scenario.Rates;
import org.cascadesim.models.scenario.Resilience4jBreakerSpec;
import org.cascadesim.models.scenario.RuntimeSpec;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.ServiceSpec;
import org.cascadesim.models.scenario.SpikePhase;
import org.cascadesim.models.scenario.StepPhase;
import org.cascadesim.models.scenario.StepSpec;
import org.cascadesim.models.scenario.ThreadPoolRuntime;
import org.cascadesim.models.scenario.UnboundedCapacity;
import org.cascadesim.models.scenario.UniformDist;
import org.cascadesim.models.scenario.WeibullDist;
import org.cascadesim.models.scenario.WorkerPoolKind;
import org.cascadesim.models.scenario.WorkerPoolSpec;
import org.cascadesim.models.scenario.WithStep;

/**
 * Binds a located tree to a {@link ScenarioSpec}, collecting every structural problem (unknown
 * key, missing key, wrong type, bad unit) instead of stopping at the first, and keeping an index
 * from key paths to locations so semantic issues can point at the file too.
 *
 * <p>Where a value is wrong, the binder substitutes a harmless placeholder and remembers the path,
 * so binding can go on; semantic issues under a remembered path are dropped as consequences.
 * One binder binds one tree.
 */
public final class SpecBinder {
  static final List<String> TOP_KEYS =
      List.of(
          "name", "description", "seed", "duration", "warmup", "limits", "clients", "services",
          "dependencies", "variants", "slo", "timeline");
  private static final List<String> DISTS =
      List.of(
          "constant", "uniform", "exponential", "normal", "lognormal", "pareto", "weibull",
          "empirical");
  private static final Pattern PERCENTILE = Pattern.compile("p([0-9]+(?:\\.[0-9]+)?)");
  private static final String DIST_HINT =
      "a duration such as 3ms, or a distribution such as {dist: exponential, mean: 3ms}";

  private final Location rootLocation;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Location> keyIndex = new LinkedHashMap<>();
  private final Map<String, Location> valueIndex = new LinkedHashMap<>();
  private final List<String> errorPaths = new ArrayList<>();

  /** Creates a binder whose problems without a better location point at {@code rootLocation}. */
  public SpecBinder(Location rootLocation) {
    this.rootLocation = rootLocation;
  }

  /** The structural problems found while binding, in the order found. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /** Finds where {@code path} (or its closest written parent) is in the file. */
  public Location locate(String path) {
    String p = path;
    while (true) {
      Location loc = valueIndex.get(p);
      if (loc == null) {
        loc = keyIndex.get(p);
      }
      if (loc != null) {
        return loc;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return rootLocation;
      }
      p = p.substring(0, cut);
    }
  }

  /** Whether {@code path} is at or under a key that already had a structural problem. */
  public boolean isConsequence(String path) {
    for (String e : errorPaths) {
      if (path.equals(e) || path.startsWith(e + ".") || path.startsWith(e + "[")) {
        return true;
      }
    }
    return false;
  }

  /** Binds the whole scenario; check {@link #problems()} afterwards. */
  public ScenarioSpec bind(Node root) {
    valueIndex.put("", root.location());
    Fields f = fields(root, "", "a scenario map with name, duration, clients, services, ...", TOP_KEYS);
    if (f == null) {
      return new ScenarioSpec(
          "?", "", ScenarioDefaults.SEED, Long.MAX_VALUE, 0, LimitsSpec.defaults(), Map.of(),
          Map.of(), Map.of());
    }
    String name = f.required("name", "the scenario's name") ? string(f.get("name"), "name") : null;
    String description = f.has("description") ? string(f.get("description"), "description") : "";
    Long seed = f.has("seed") ? longValue(f.get("seed"), "seed") : Long.valueOf(ScenarioDefaults.SEED);
    Long duration =
        f.required("duration", "how long the run lasts in simulated time, e.g. 180s")
            ? duration(f.get("duration"), "duration")
            : null;
    Long warmup =
        f.has("warmup") ? duration(f.get("warmup"), "warmup") : Long.valueOf(ScenarioDefaults.WARMUP_NANOS);
    LimitsSpec limits = f.has("limits") ? limits(f.get("limits"), "limits") : LimitsSpec.defaults();
    Map<String, ClientSpec> clients =
        f.has("clients") ? named(f.get("clients"), "clients", "client", this::client) : Map.of();
    Map<String, ServiceSpec> services =
        f.has("services") ? named(f.get("services"), "services", "service", this::service) : Map.of();
    Map<String, DependencySpec> dependencies =
        f.has("dependencies")
            ? named(f.get("dependencies"), "dependencies", "dependency", this::dependency)
            : Map.of();
    return new ScenarioSpec(
        name == null ? "?" : name,
        description == null ? "" : description,
        seed == null ? ScenarioDefaults.SEED : seed,
        duration == null ? Long.MAX_VALUE : duration,
        warmup == null ? 0 : warmup,
        limits,
        clients,
        services,
        dependencies);
  }

  // ---------------------------------------------------------------- sections

  private LimitsSpec limits(Node node, String path) {
    Fields f = fields(node, path, "a map with maxEvents and maxInFlight", List.of("maxEvents", "maxInFlight"));
    if (f == null) {
      return LimitsSpec.defaults();
    }
    Long maxEvents = f.has("maxEvents") ? longValue(f.get("maxEvents"), f.at("maxEvents")) : null;
    Long maxInFlight =
        f.has("maxInFlight") ? longValue(f.get("maxInFlight"), f.at("maxInFlight")) : null;
    return new LimitsSpec(
        maxEvents == null ? ScenarioDefaults.MAX_EVENTS : maxEvents,
        maxInFlight == null ? ScenarioDefaults.MAX_IN_FLIGHT : maxInFlight);
  }

  private ClientSpec client(Node node, String path) {
    Fields f =
        fields(
            node, path, "a client map with target and arrivals or users",
            List.of("target", "arrivals", "users", "timeout", "retry", "idempotencyKey"));
    EndpointRef placeholder = new EndpointRef("?", "?");
    if (f == null) {
      return new ClientSpec(placeholder, new OpenLoopLoad(new PoissonArrivals(1)), ScenarioDefaults.NO_TIMEOUT);
    }
    EndpointRef target = null;
    if (f.required("target", "the service endpoint to call, e.g. payments /charge")) {
      target = clientTarget(f.get("target"), f.at("target"));
    }
    LoadSpec load = null;
    if (f.has("arrivals") && f.has("users")) {
      error(
          f.at("users"),
          "a client has either arrivals (open loop) or users (closed loop), not both");
    } else if (f.has("arrivals")) {
      load = arrivals(f.get("arrivals"), f.at("arrivals"));
    } else if (f.has("users")) {
      load = users(f.get("users"), f.at("users"));
    } else {
      f.missing(
          "arrivals",
          "missing the load: add arrivals (open loop, e.g. {process: poisson, rate: 20/s})"
              + " or users (closed loop, e.g. {count: 50, thinkTime: 1s})");
    }
    Long timeout = f.has("timeout") ? timeout(f.get("timeout"), f.at("timeout")) : Long.valueOf(ScenarioDefaults.NO_TIMEOUT);
    RetrySpec retry = f.has("retry") ? retry(f.get("retry"), f.at("retry")) : null;
    boolean keys = f.has("idempotencyKey")
        && "per-request".equals(choice(f.get("idempotencyKey"), f.at("idempotencyKey"), "idempotency key mode",
            List.of("per-request", "none")));
    return new ClientSpec(
        target == null ? placeholder : target,
        load == null ? new OpenLoopLoad(new PoissonArrivals(1)) : load,
        timeout == null ? ScenarioDefaults.NO_TIMEOUT : timeout,
        retry,
        keys);
  }

  private LoadSpec arrivals(Node node, String path) {
    ArrivalSpec placeholder = new PoissonArrivals(1);
    String process = kind(node, path, "process", List.of("poisson", "constant", "profile"),
        "an arrival process such as {process: poisson, rate: 20/s}");
    if (process == null) {
      return new OpenLoopLoad(placeholder);
    }
    if (process.equals("profile")) {
      Fields f = fields(node, path, "", List.of("process", "phases"));
      if (f == null || !f.required("phases", "a list of step, ramp and spike phases")) {
        return new OpenLoopLoad(placeholder);
      }
      List<LoadPhase> phases = list(f.get("phases"), f.at("phases"), "phases", this::phase);
      return new OpenLoopLoad(new ProfileArrivals(phases));
    }
    Fields f = fields(node, path, "", List.of("process", "rate"));
    Double rate = null;
    if (f != null && f.required("rate", "the mean arrival rate, e.g. 20/s")) {
      rate = rate(f.get("rate"), f.at("rate"));
    }
    double r = rate == null ? 1 : rate;
    return new OpenLoopLoad(process.equals("poisson") ? new PoissonArrivals(r) : new ConstantArrivals(r));
  }

  private LoadPhase phase(Node node, String path) {
    LoadPhase placeholder = new StepPhase(1, 1);
    String kind = oneKey(node, path, "phase", List.of("step", "ramp", "spike"),
        "{step: {rate: 20/s, for: 30s}}, {ramp: {from: 10/s, to: 50/s, for: 60s}}"
            + " or {spike: {rate: 200/s, at: 60s, for: 5s}}");
    if (kind == null) {
      return placeholder;
    }
    Node body = ((Node.MapNode) node).get(kind);
    String p = path + "." + kind;
    switch (kind) {
      case "step": {
        Fields f = fields(body, p, "a map with rate and for", List.of("rate", "for"));
        if (f == null) {
          return placeholder;
        }
        Double rate = f.required("rate", "the rate during the step, e.g. 20/s") ? rate(f.get("rate"), f.at("rate")) : null;
        Long dur = f.required("for", "how long the step lasts, e.g. 30s") ? duration(f.get("for"), f.at("for")) : null;
        return new StepPhase(rate == null ? 1 : rate, dur == null ? 1 : dur);
      }
      case "ramp": {
        Fields f = fields(body, p, "a map with from, to and for", List.of("from", "to", "for"));
        if (f == null) {
          return placeholder;
        }
        Double from = f.required("from", "the starting rate, e.g. 10/s") ? rate(f.get("from"), f.at("from")) : null;
        Double to = f.required("to", "the final rate, e.g. 50/s") ? rate(f.get("to"), f.at("to")) : null;
        Long dur = f.required("for", "how long the ramp lasts, e.g. 60s") ? duration(f.get("for"), f.at("for")) : null;
        return new RampPhase(from == null ? 1 : from, to == null ? 1 : to, dur == null ? 1 : dur);
      }
      default: {
        Fields f = fields(body, p, "a map with rate, at and for", List.of("rate", "at", "for"));
        if (f == null) {
          return placeholder;
        }
        Double rate = f.required("rate", "the rate during the spike, e.g. 200/s") ? rate(f.get("rate"), f.at("rate")) : null;
        Long at = f.required("at", "when the spike starts, e.g. 60s") ? duration(f.get("at"), f.at("at")) : null;
        Long dur = f.required("for", "how long the spike lasts, e.g. 5s") ? duration(f.get("for"), f.at("for")) : null;
        return new SpikePhase(rate == null ? 1 : rate, at == null ? 0 : at, dur == null ? 1 : dur);
      }
    }
  }

  private LoadSpec users(Node node, String path) {
    Fields f = fields(node, path, "a map with count and thinkTime", List.of("count", "thinkTime"));
    if (f == null) {
      return new ClosedLoopLoad(1, new ConstantDist(0));
    }
    Integer count = f.required("count", "how many users, e.g. 50") ? intValue(f.get("count"), f.at("count")) : null;
    DistributionSpec think =
        f.has("thinkTime") ? distribution(f.get("thinkTime"), f.at("thinkTime")) : new ConstantDist(0);
    return new ClosedLoopLoad(count == null ? 1 : count, think);
  }

  private ServiceSpec service(Node node, String path) {
    Fields f = fields(node, path, "a service map with runtime and endpoints", List.of("runtime", "endpoints", "pools", "stores", "breakers"));
    if (f == null) {
      return new ServiceSpec(new GoroutinesRuntime(), Map.of());
    }
    RuntimeSpec runtime =
        f.has("runtime") ? runtime(f.get("runtime"), f.at("runtime")) : new GoroutinesRuntime();
    Map<String, EndpointSpec> endpoints = Map.of();
    if (f.required("endpoints", "a map from endpoint name (like /charge) to its list of steps")) {
      endpoints = named(f.get("endpoints"), f.at("endpoints"), "endpoint", this::endpoint);
    }
    Map<String, PoolSpec> pools = f.has("pools") ? named(f.get("pools"), f.at("pools"), "pool", this::pool) : Map.of();
    Map<String, StoreSpec> stores =
        f.has("stores") ? named(f.get("stores"), f.at("stores"), "store", this::store) : new LinkedHashMap<>();
    Map<String, BreakerSpec> breakers =
        f.has("breakers") ? named(f.get("breakers"), f.at("breakers"), "breaker", this::breaker) : Map.of();
    return new ServiceSpec(runtime, endpoints, pools, stores, breakers);
  }

  private RuntimeSpec runtime(Node node, String path) {
    String model = kind(node, path, "model", List.of("goroutines", "thread-pool", "event-loop"),
        "a runtime such as {model: goroutines} or {model: thread-pool, threads: 8}");
    if (model == null) {
      return new GoroutinesRuntime();
    }
    if (model.equals("goroutines")) {
      Fields g = fields(node, path, "", List.of("model", "bytesPerGoroutine"));
      if (g != null && g.has("bytesPerGoroutine")) {
        Long bytes = byteSize(g.get("bytesPerGoroutine"), g.at("bytesPerGoroutine"));
        return bytes == null ? new GoroutinesRuntime() : new GoroutinesRuntime(bytes);
      }
      return new GoroutinesRuntime();
    }
    if (model.equals("event-loop")) {
      return eventLoop(node, path);
    }
    Fields f = fields(node, path, "", List.of("model", "threads", "queue"));
    if (f == null) {
      return new ThreadPoolRuntime(1, ScenarioDefaults.UNBOUNDED);
    }
    Integer threads = f.required("threads", "how many threads, e.g. 8") ? intValue(f.get("threads"), f.at("threads")) : null;
    Integer queue = f.has("queue") ? limit(f.get("queue"), f.at("queue")) : Integer.valueOf(ScenarioDefaults.UNBOUNDED);
    return new ThreadPoolRuntime(threads == null ? 1 : threads, queue == null ? ScenarioDefaults.UNBOUNDED : queue);
  }

  private EventLoopRuntime eventLoop(Node node, String path) {
    Fields f = fields(node, path, "", List.of("model", "overhead", "workerPool", "cores"));
    if (f == null) {
      return new EventLoopRuntime(ScenarioDefaults.LOOP_OVERHEAD_NANOS, WorkerPoolSpec.defaults(), ScenarioDefaults.UNBOUNDED);
    }
    Long overhead = f.has("overhead") ? duration(f.get("overhead"), f.at("overhead")) : Long.valueOf(ScenarioDefaults.LOOP_OVERHEAD_NANOS);
    WorkerPoolSpec pool = f.has("workerPool") ? workerPool(f.get("workerPool"), f.at("workerPool")) : WorkerPoolSpec.defaults();
    Integer cores = f.has("cores") ? limit(f.get("cores"), f.at("cores")) : Integer.valueOf(ScenarioDefaults.UNBOUNDED);
    return new EventLoopRuntime(
        overhead == null ? ScenarioDefaults.LOOP_OVERHEAD_NANOS : overhead,
        pool,
        cores == null ? ScenarioDefaults.UNBOUNDED : cores);
  }

  private WorkerPoolSpec workerPool(Node node, String path) {
    Fields f = fields(node, path, "a worker pool map such as {kind: libuv, threads: 4}",
        List.of("kind", "threads", "callbackCost"));
    if (f == null) {
      return WorkerPoolSpec.defaults();
    }
    WorkerPoolKind kind = WorkerPoolKind.LIBUV;
    if (f.has("kind")) {
      String k = choice(f.get("kind"), f.at("kind"), "worker pool kind", List.of("libuv", "worker-threads"));
      kind = "worker-threads".equals(k) ? WorkerPoolKind.WORKER_THREADS : WorkerPoolKind.LIBUV;
    }
    Integer threads = Integer.valueOf(ScenarioDefaults.LIBUV_THREADS);
    if (kind == WorkerPoolKind.WORKER_THREADS) {
      threads = f.required("threads", "how many worker threads, e.g. 2") ? intValue(f.get("threads"), f.at("threads")) : null;
    } else if (f.has("threads")) {
      threads = intValue(f.get("threads"), f.at("threads"));
    }
    Long cost = f.has("callbackCost") ? duration(f.get("callbackCost"), f.at("callbackCost")) : Long.valueOf(ScenarioDefaults.CALLBACK_COST_NANOS);
    return new WorkerPoolSpec(kind,
        threads == null ? ScenarioDefaults.LIBUV_THREADS : threads,
        cost == null ? ScenarioDefaults.CALLBACK_COST_NANOS : cost);
  }

  private EndpointSpec endpoint(Node node, String path) {
    return new EndpointSpec(list(node, path, "steps", this::step));
  }

  private StepSpec step(Node node, String path) {
    StepSpec placeholder = new CpuStep(new ConstantDist(0));
    List<String> kinds = List.of("cpu", "io", "call", "offload", "idempotent", "with");
    if (node instanceof Node.MapNode m && (m.entries().containsKey("with")
        || (m.entries().containsKey("do") && kinds.stream().noneMatch(m.entries()::containsKey)))) {
      // A do list without a step kind is a with step whose with key is missing or misspelt.
      return withStep(node, path);
    }
    // "with" is in the list for the messages only: a map with a with key was bound above.
    String kind = oneKey(node, path, "step", kinds, "{cpu: 5ms}, {io: 20ms} or {call: provider}");
    if (kind == null) {
      return placeholder;
    }
    Node body = ((Node.MapNode) node).get(kind);
    String p = path + "." + kind;
    switch (kind) {
      case "cpu":
        return new CpuStep(distribution(body, p));
      case "io":
        return new IoStep(distribution(body, p));
      case "offload":
        return new OffloadStep(distribution(body, p));
      case "idempotent":
        return idempotent(body, p);
      default:
        return call(body, p);
    }
  }

  private StepSpec withStep(Node node, String path) {
    Fields f = fields(node, path, "", List.of("with", "do"));
    if (!f.has("with") && f.map.entries().size() > 1) {
      errorPaths.add(f.at("with")); // the unknown key reported above stands for the missing with
    }
    String pool = f.required("with", "the name of one of the service's pools, e.g. with: db")
        ? string(f.get("with"), f.at("with")) : null;
    List<StepSpec> steps = f.required("do", "the steps run while the connection is held, e.g. do: [call: provider]")
        ? list(f.get("do"), f.at("do"), "steps", this::step)
        : List.of();
    return new WithStep(pool == null ? "?" : pool, steps);
  }

  private PoolSpec pool(Node node, String path) {
    ConnectionPoolSpec placeholder = ConnectionPoolSpec.ofSize(1);
    String kind = kind(node, path, "kind", List.of("connection-pool"),
        "a pool such as {kind: connection-pool, size: 50, acquireTimeout: 100ms}");
    if (kind == null) {
      return placeholder;
    }
    Fields f = fields(node, path, "", List.of("kind", "size", "acquireTimeout", "maxWaiters", "handoff", "handoffDelay"));
    if (f == null) {
      return placeholder;
    }
    Integer size = f.required("size", "how many connections, e.g. 50") ? intValue(f.get("size"), f.at("size")) : null;
    Long acquireTimeout = f.has("acquireTimeout")
        ? timeout(f.get("acquireTimeout"), f.at("acquireTimeout")) : Long.valueOf(ScenarioDefaults.NO_TIMEOUT);
    Integer maxWaiters = f.has("maxWaiters")
        ? limit(f.get("maxWaiters"), f.at("maxWaiters")) : Integer.valueOf(ScenarioDefaults.UNBOUNDED);
    PoolHandoff handoff = ScenarioDefaults.POOL_HANDOFF;
    if (f.has("handoff")) {
      String h = choice(f.get("handoff"), f.at("handoff"), "handoff", List.of("fifo", "random", "fair-with-barging"));
      if ("random".equals(h)) {
        handoff = PoolHandoff.RANDOM;
      } else if ("fair-with-barging".equals(h)) {
        handoff = PoolHandoff.FAIR_WITH_BARGING;
      } else if ("fifo".equals(h)) {
        handoff = PoolHandoff.FIFO;
      }
    }
    Long delay = f.has("handoffDelay")
        ? duration(f.get("handoffDelay"), f.at("handoffDelay")) : Long.valueOf(ScenarioDefaults.POOL_HANDOFF_DELAY_NANOS);
    return new ConnectionPoolSpec(
        size == null ? 1 : size,
        acquireTimeout == null ? ScenarioDefaults.NO_TIMEOUT : acquireTimeout,
        maxWaiters == null ? ScenarioDefaults.UNBOUNDED : maxWaiters,
        handoff,
        delay == null ? ScenarioDefaults.POOL_HANDOFF_DELAY_NANOS : delay);
  }

  private Long byteSize(Node node, String path) {
    Node.ScalarNode s = scalar(node, path, "a size such as 8KiB");
    if (s == null) {
      return null;
    }
    if (s.kind() == Node.Kind.BOOLEAN) {
      error(path, "expected a size such as 8KiB, got " + s.describe());
      return null;
    }
    try {
      return ByteSizes.parseBytes(s.text());
    } catch (IllegalArgumentException e) {
      error(path, e.getMessage());
      return null;
    }
  }

  private StepSpec call(Node node, String path) {
    CallTarget placeholder = new DependencyRef("?");
    if (node instanceof Node.ScalarNode) {
      CallTarget to = callTarget(node, path);
      return new CallStep(to == null ? placeholder : to, ScenarioDefaults.NO_TIMEOUT, ScenarioDefaults.CANCEL_ON_TIMEOUT);
    }
    Fields f = fields(node, path, "a dependency name, '<service> <endpoint>', or {to: ..., timeout: 1s}",
        List.of("to", "timeout", "cancelOnTimeout", "retry", "breaker", "fallback", "fallbackLatency"));
    if (f == null) {
      return new CallStep(placeholder, ScenarioDefaults.NO_TIMEOUT, false);
    }
    CallTarget to = f.required("to", "a dependency name or '<service> <endpoint>'") ? callTarget(f.get("to"), f.at("to")) : null;
    Long timeout = f.has("timeout") ? timeout(f.get("timeout"), f.at("timeout")) : Long.valueOf(ScenarioDefaults.NO_TIMEOUT);
    Boolean cancel = f.has("cancelOnTimeout") ? bool(f.get("cancelOnTimeout"), f.at("cancelOnTimeout")) : Boolean.valueOf(ScenarioDefaults.CANCEL_ON_TIMEOUT);
    RetrySpec retry = f.has("retry") ? retry(f.get("retry"), f.at("retry")) : null;
    CallStep call = new CallStep(
        to == null ? placeholder : to,
        timeout == null ? ScenarioDefaults.NO_TIMEOUT : timeout,
        cancel == null ? ScenarioDefaults.CANCEL_ON_TIMEOUT : cancel,
        retry);
    return f.has("breaker") || f.has("fallback") || f.has("fallbackLatency") ? guardedCall(f, call) : call;
  }

  // ---------------------------------------------------------------- retries and idempotency

  private static final List<String> RETRY_ON = List.of("timeout", "error", "rejected", "conflict", "short-circuited");

  private RetrySpec retry(Node node, String path) {
    Fields f = fields(node, path, "a retry map such as {maxAttempts: 3, backoff: {kind: full-jitter, base: 100ms, cap: 2s}}",
        List.of("maxAttempts", "perAttemptTimeout", "deadline", "retryOn", "backoff", "budget"));
    List<RetryCondition> defaultOn = List.of(RetryCondition.TIMEOUT, RetryCondition.ERROR, RetryCondition.REJECTED, RetryCondition.CONFLICT);
    BackoffSpec defaultBackoff = new BackoffSpec(Backoff.Kind.FULL_JITTER, ScenarioDefaults.BACKOFF_BASE_NANOS,
        ScenarioDefaults.BACKOFF_CAP_NANOS, ScenarioDefaults.BACKOFF_MULTIPLIER, ScenarioDefaults.BACKOFF_RANDOMIZATION_FACTOR);
    if (f == null) {
      return new RetrySpec(ScenarioDefaults.RETRY_MAX_ATTEMPTS, ScenarioDefaults.NO_TIMEOUT, ScenarioDefaults.NO_TIMEOUT,
          defaultOn, defaultBackoff, new BudgetSpec.None());
    }
    Integer max = f.has("maxAttempts") ? intValue(f.get("maxAttempts"), f.at("maxAttempts")) : Integer.valueOf(ScenarioDefaults.RETRY_MAX_ATTEMPTS);
    Long perAttempt = f.has("perAttemptTimeout") ? timeout(f.get("perAttemptTimeout"), f.at("perAttemptTimeout")) : Long.valueOf(ScenarioDefaults.NO_TIMEOUT);
    Long deadline = f.has("deadline") ? timeout(f.get("deadline"), f.at("deadline")) : Long.valueOf(ScenarioDefaults.NO_TIMEOUT);
    List<RetryCondition> on = defaultOn;
    if (f.has("retryOn")) {
      on = new ArrayList<>();
      for (String label : list(f.get("retryOn"), f.at("retryOn"), "outcomes",
          (n, p) -> choice(n, p, "outcome", RETRY_ON))) {
        if (label != null) {
          on.add(RetryCondition.values()[RETRY_ON.indexOf(label)]);
        }
      }
    }
    BackoffSpec backoff = f.has("backoff") ? backoff(f.get("backoff"), f.at("backoff"), defaultBackoff) : defaultBackoff;
    BudgetSpec budget = f.has("budget") ? budget(f.get("budget"), f.at("budget")) : new BudgetSpec.None();
    return new RetrySpec(
        max == null ? ScenarioDefaults.RETRY_MAX_ATTEMPTS : max,
        perAttempt == null ? ScenarioDefaults.NO_TIMEOUT : perAttempt,
        deadline == null ? ScenarioDefaults.NO_TIMEOUT : deadline,
        on, backoff, budget);
  }

  private BackoffSpec backoff(Node node, String path, BackoffSpec defaults) {
    List<String> kinds = new ArrayList<>();
    for (Backoff.Kind k : Backoff.Kind.values()) {
      kinds.add(k.label());
    }
    String kind = kind(node, path, "kind", kinds, "a backoff such as {kind: full-jitter, base: 100ms, cap: 2s}");
    if (kind == null) {
      return defaults;
    }
    Fields f = fields(node, path, "", List.of("kind", "base", "cap", "multiplier", "randomizationFactor"));
    if (f == null) {
      return defaults;
    }
    Long base = f.has("base") ? duration(f.get("base"), f.at("base")) : Long.valueOf(defaults.baseNanos());
    Long cap = f.has("cap") ? duration(f.get("cap"), f.at("cap")) : Long.valueOf(defaults.capNanos());
    Double multiplier = f.has("multiplier") ? number(f.get("multiplier"), f.at("multiplier")) : Double.valueOf(defaults.multiplier());
    Double factor = f.has("randomizationFactor") ? number(f.get("randomizationFactor"), f.at("randomizationFactor"))
        : Double.valueOf(defaults.randomizationFactor());
    return new BackoffSpec(Backoff.Kind.values()[kinds.indexOf(kind)],
        base == null ? defaults.baseNanos() : base,
        cap == null ? defaults.capNanos() : cap,
        multiplier == null ? defaults.multiplier() : multiplier,
        factor == null ? defaults.randomizationFactor() : factor);
  }

  private BudgetSpec budget(Node node, String path) {
    String kind = kind(node, path, "kind", List.of("none", "token-bucket", "grpc", "finagle"),
        "a budget such as {kind: token-bucket}, {kind: grpc, maxTokens: 10, tokenRatio: 0.1} or {kind: finagle}");
    if (kind == null) {
      return new BudgetSpec.None();
    }
    switch (kind) {
      case "token-bucket": {
        Fields f = fields(node, path, "", List.of("kind", "capacity", "retryCost", "timeoutCost", "successIncrement"));
        Long capacity = f != null && f.has("capacity") ? longValue(f.get("capacity"), f.at("capacity")) : null;
        Long retryCost = f != null && f.has("retryCost") ? longValue(f.get("retryCost"), f.at("retryCost")) : null;
        Long timeoutCost = f != null && f.has("timeoutCost") ? longValue(f.get("timeoutCost"), f.at("timeoutCost")) : null;
        Long increment = f != null && f.has("successIncrement") ? longValue(f.get("successIncrement"), f.at("successIncrement")) : null;
        return new BudgetSpec.TokenBucket(
            capacity == null ? ScenarioDefaults.TOKEN_BUCKET_CAPACITY : capacity,
            retryCost == null ? ScenarioDefaults.TOKEN_BUCKET_RETRY_COST : retryCost,
            timeoutCost == null ? ScenarioDefaults.TOKEN_BUCKET_TIMEOUT_COST : timeoutCost,
            increment == null ? ScenarioDefaults.TOKEN_BUCKET_SUCCESS_INCREMENT : increment);
      }
      case "grpc": {
        Fields f = fields(node, path, "", List.of("kind", "maxTokens", "tokenRatio"));
        if (f == null) {
          return new BudgetSpec.None();
        }
        Long maxTokens = f.required("maxTokens", "the token count at start and at most, e.g. 10") ? longValue(f.get("maxTokens"), f.at("maxTokens")) : null;
        Double ratio = f.required("tokenRatio", "the tokens a success adds, e.g. 0.1") ? number(f.get("tokenRatio"), f.at("tokenRatio")) : null;
        return new BudgetSpec.Grpc(maxTokens == null ? 10 : maxTokens, ratio == null ? 0.1 : ratio);
      }
      case "finagle": {
        Fields f = fields(node, path, "", List.of("kind", "ttl", "minRetriesPerSec", "percentCanRetry"));
        Long ttl = f != null && f.has("ttl") ? duration(f.get("ttl"), f.at("ttl")) : null;
        Double min = f != null && f.has("minRetriesPerSec") ? number(f.get("minRetriesPerSec"), f.at("minRetriesPerSec")) : null;
        Double percent = f != null && f.has("percentCanRetry") ? number(f.get("percentCanRetry"), f.at("percentCanRetry")) : null;
        return new BudgetSpec.Finagle(
            ttl == null ? ScenarioDefaults.FINAGLE_TTL_NANOS : ttl,
            min == null ? ScenarioDefaults.FINAGLE_MIN_RETRIES_PER_SEC : min,
            percent == null ? ScenarioDefaults.FINAGLE_PERCENT_CAN_RETRY : percent);
      }
      default:
        fields(node, path, "", List.of("kind"));
        return new BudgetSpec.None();
    }
  }

  private StoreSpec store(Node node, String path) {
    StoreSpec placeholder = new IdempotencyStoreSpec(IdempotencyStore.Mode.ATOMIC_CLAIM,
        ScenarioDefaults.STORE_OP_LATENCY_NANOS, IdempotencyStore.InProgress.CONFLICT, ScenarioDefaults.STORE_TTL_NANOS);
    String kind = kind(node, path, "kind", List.of("idempotency-store"),
        "a store such as {kind: idempotency-store, mode: atomic-claim}");
    if (kind == null) {
      return placeholder;
    }
    Fields f = fields(node, path, "", List.of("kind", "mode", "opLatency", "inProgress", "ttl"));
    if (f == null) {
      return placeholder;
    }
    List<String> modes = List.of("check-then-insert", "insert-after-unique", "atomic-claim");
    String mode = f.required("mode", "check-then-insert, insert-after-unique or atomic-claim")
        ? choice(f.get("mode"), f.at("mode"), "store mode", modes) : null;
    Long latency = f.has("opLatency") ? duration(f.get("opLatency"), f.at("opLatency")) : Long.valueOf(ScenarioDefaults.STORE_OP_LATENCY_NANOS);
    String inProgress = f.has("inProgress") ? choice(f.get("inProgress"), f.at("inProgress"), "in-progress policy",
        List.of("conflict", "wait")) : "conflict";
    Long ttl = f.has("ttl") ? timeout(f.get("ttl"), f.at("ttl")) : Long.valueOf(ScenarioDefaults.STORE_TTL_NANOS);
    return new IdempotencyStoreSpec(
        mode == null ? IdempotencyStore.Mode.ATOMIC_CLAIM : IdempotencyStore.Mode.values()[modes.indexOf(mode)],
        latency == null ? ScenarioDefaults.STORE_OP_LATENCY_NANOS : latency,
        "wait".equals(inProgress) ? IdempotencyStore.InProgress.WAIT : IdempotencyStore.InProgress.CONFLICT,
        ttl == null ? ScenarioDefaults.STORE_TTL_NANOS : ttl);
  }

  private StepSpec idempotent(Node node, String path) {
    Fields f = fields(node, path, "a map such as {store: keys, do: [{call: provider}]}", List.of("store", "do"));
    if (f == null) {
      return new IdempotentStep("?", List.of());
    }
    String store = f.required("store", "the name of an idempotency store of this service") ? string(f.get("store"), f.at("store")) : null;
    List<StepSpec> steps = f.required("do", "the steps to protect, e.g. [{call: provider}]")
        ? list(f.get("do"), f.at("do"), "steps", this::step) : List.of();
    return new IdempotentStep(store == null ? "?" : store, steps);
  }

  // ---------------------------------------------------------------- breakers

  /** A call step with {@code breaker}, {@code fallback} and {@code fallbackLatency}. */
  private StepSpec guardedCall(Fields f, CallStep call) {
    String breaker = null;
    if (f.required("breaker", "the name of one of the service's breakers; fallback needs a breaker")) {
      breaker = string(f.get("breaker"), f.at("breaker"));
    }
    BreakerCallStep.Fallback fallback = BreakerCallStep.Fallback.ERROR;
    if (f.has("fallback")) {
      String fb = choice(f.get("fallback"), f.at("fallback"), "fallback", List.of("error", "degraded"));
      fallback = "degraded".equals(fb) ? BreakerCallStep.Fallback.DEGRADED : BreakerCallStep.Fallback.ERROR;
    }
    DistributionSpec latency = new ConstantDist(0);
    if (f.has("fallbackLatency")) {
      if (fallback != BreakerCallStep.Fallback.DEGRADED) {
        error(f.at("fallbackLatency"), "fallbackLatency is the latency of a degraded answer; add fallback: degraded");
      }
      latency = distribution(f.get("fallbackLatency"), f.at("fallbackLatency"));
    }
    return new BreakerCallStep(call, breaker == null ? "?" : breaker, fallback, latency);
  }

  private BreakerSpec breaker(Node node, String path) {
    String kind = kind(node, path, "kind", List.of("opossum", "resilience4j"),
        "a breaker such as {kind: opossum, timeout: 3s} or {kind: resilience4j}");
    if ("resilience4j".equals(kind)) {
      return resilience4j(node, path);
    }
    Fields f = kind == null ? null : fields(node, path, "", List.of("kind", "timeout", "errorThresholdPercentage",
        "resetTimeout", "rollingCountTimeout", "rollingCountBuckets", "volumeThreshold", "allowWarmUp", "capacity",
        "stuckHalfOpenAfter"));
    Long timeout = f != null && f.has("timeout") ? opossumTimeout(f.get("timeout"), f.at("timeout")) : null;
    Double threshold = f != null && f.has("errorThresholdPercentage")
        ? number(f.get("errorThresholdPercentage"), f.at("errorThresholdPercentage")) : null;
    Long reset = f != null && f.has("resetTimeout") ? duration(f.get("resetTimeout"), f.at("resetTimeout")) : null;
    Long window = f != null && f.has("rollingCountTimeout")
        ? duration(f.get("rollingCountTimeout"), f.at("rollingCountTimeout")) : null;
    Integer buckets = f != null && f.has("rollingCountBuckets")
        ? intValue(f.get("rollingCountBuckets"), f.at("rollingCountBuckets")) : null;
    Integer volume = f != null && f.has("volumeThreshold")
        ? intValue(f.get("volumeThreshold"), f.at("volumeThreshold")) : null;
    Boolean warmUp = f != null && f.has("allowWarmUp") ? bool(f.get("allowWarmUp"), f.at("allowWarmUp")) : null;
    Integer capacity = f != null && f.has("capacity") ? limit(f.get("capacity"), f.at("capacity")) : null;
    Long stuck = f != null && f.has("stuckHalfOpenAfter")
        ? duration(f.get("stuckHalfOpenAfter"), f.at("stuckHalfOpenAfter")) : null;
    return new OpossumBreakerSpec(
        timeout == null ? BreakerDefaults.OPOSSUM_TIMEOUT_NANOS : timeout,
        threshold == null ? BreakerDefaults.OPOSSUM_ERROR_THRESHOLD_PERCENTAGE : threshold,
        reset == null ? BreakerDefaults.OPOSSUM_RESET_TIMEOUT_NANOS : reset,
        window == null ? BreakerDefaults.OPOSSUM_ROLLING_COUNT_TIMEOUT_NANOS : window,
        buckets == null ? BreakerDefaults.OPOSSUM_ROLLING_COUNT_BUCKETS : buckets,
        volume == null ? BreakerDefaults.OPOSSUM_VOLUME_THRESHOLD : volume,
        warmUp == null ? BreakerDefaults.OPOSSUM_ALLOW_WARM_UP : warmUp,
        capacity == null ? ScenarioDefaults.UNBOUNDED : capacity,
        stuck == null ? BreakerDefaults.STUCK_DEFAULT : stuck);
  }

  /** opossum's {@code timeout}: a duration, or {@code false}, {@code 0} or {@code none} to disable it. */
  private Long opossumTimeout(Node node, String path) {
    if (node instanceof Node.ScalarNode s
        && ((s.kind() == Node.Kind.BOOLEAN && s.text().equals("false"))
            || (s.kind() == Node.Kind.INTEGER && s.text().equals("0"))
            || (s.kind() == Node.Kind.STRING && s.text().equals("none")))) {
      return 0L;
    }
    if (node instanceof Node.ScalarNode s && s.kind() == Node.Kind.BOOLEAN) {
      error(path, "expected a duration such as 3s, or false to disable the timeout, got " + s.describe());
      return null;
    }
    return duration(node, path);
  }

  private BreakerSpec resilience4j(Node node, String path) {
    Fields f = fields(node, path, "", List.of("kind", "failureRateThreshold", "slowCallRateThreshold",
        "slowCallDurationThreshold", "slidingWindowType", "slidingWindowSize", "minimumNumberOfCalls",
        "waitDurationInOpenState", "enableExponentialBackoff", "exponentialBackoffMultiplier",
        "exponentialMaxWaitDurationInOpenState", "permittedNumberOfCallsInHalfOpenState",
        "maxWaitDurationInHalfOpenState", "automaticTransitionFromOpenToHalfOpenEnabled", "timeLimiter",
        "bulkhead", "stuckHalfOpenAfter"));
    Double failureRate = f != null && f.has("failureRateThreshold")
        ? number(f.get("failureRateThreshold"), f.at("failureRateThreshold")) : null;
    Double slowRate = f != null && f.has("slowCallRateThreshold")
        ? number(f.get("slowCallRateThreshold"), f.at("slowCallRateThreshold")) : null;
    Long slowDuration = f != null && f.has("slowCallDurationThreshold")
        ? duration(f.get("slowCallDurationThreshold"), f.at("slowCallDurationThreshold")) : null;
    String type = f != null && f.has("slidingWindowType")
        ? choice(f.get("slidingWindowType"), f.at("slidingWindowType"), "slidingWindowType",
            List.of("COUNT_BASED", "TIME_BASED")) : null;
    Integer size = f != null && f.has("slidingWindowSize")
        ? intValue(f.get("slidingWindowSize"), f.at("slidingWindowSize")) : null;
    Integer minimum = f != null && f.has("minimumNumberOfCalls")
        ? intValue(f.get("minimumNumberOfCalls"), f.at("minimumNumberOfCalls")) : null;
    Long wait = f != null && f.has("waitDurationInOpenState")
        ? duration(f.get("waitDurationInOpenState"), f.at("waitDurationInOpenState")) : null;
    Boolean exponential = f != null && f.has("enableExponentialBackoff")
        ? bool(f.get("enableExponentialBackoff"), f.at("enableExponentialBackoff")) : null;
    Double multiplier = f != null && f.has("exponentialBackoffMultiplier")
        ? number(f.get("exponentialBackoffMultiplier"), f.at("exponentialBackoffMultiplier")) : null;
    Long maxWait = f != null && f.has("exponentialMaxWaitDurationInOpenState")
        ? durationOrNone(f.get("exponentialMaxWaitDurationInOpenState"), f.at("exponentialMaxWaitDurationInOpenState"),
            "no cap") : null;
    boolean expo = Boolean.TRUE.equals(exponential);
    if (!expo && f != null) {
      for (String k : List.of("exponentialBackoffMultiplier", "exponentialMaxWaitDurationInOpenState")) {
        if (f.has(k)) {
          error(f.at(k), "'" + k + "' needs enableExponentialBackoff: true");
        }
      }
    }
    Integer permitted = f != null && f.has("permittedNumberOfCallsInHalfOpenState")
        ? intValue(f.get("permittedNumberOfCallsInHalfOpenState"), f.at("permittedNumberOfCallsInHalfOpenState")) : null;
    Long halfOpenWait = f != null && f.has("maxWaitDurationInHalfOpenState")
        ? duration(f.get("maxWaitDurationInHalfOpenState"), f.at("maxWaitDurationInHalfOpenState")) : null;
    Boolean automatic = f != null && f.has("automaticTransitionFromOpenToHalfOpenEnabled")
        ? bool(f.get("automaticTransitionFromOpenToHalfOpenEnabled"), f.at("automaticTransitionFromOpenToHalfOpenEnabled"))
        : null;
    long timeLimiter = ScenarioDefaults.NO_TIMEOUT;
    if (f != null && f.has("timeLimiter")) {
      Fields t = fields(f.get("timeLimiter"), f.at("timeLimiter"), "a map such as {timeoutDuration: 3s}",
          List.of("timeoutDuration"));
      Long d = t != null && t.has("timeoutDuration") ? duration(t.get("timeoutDuration"), t.at("timeoutDuration")) : null;
      timeLimiter = d == null ? BreakerDefaults.R4J_TIME_LIMITER_TIMEOUT_NANOS : d;
    }
    int bulkheadCalls = ScenarioDefaults.UNBOUNDED;
    long bulkheadWait = BreakerDefaults.R4J_BULKHEAD_MAX_WAIT_NANOS;
    if (f != null && f.has("bulkhead")) {
      Fields b = fields(f.get("bulkhead"), f.at("bulkhead"), "a map such as {maxConcurrentCalls: 25, maxWaitDuration: 0s}",
          List.of("maxConcurrentCalls", "maxWaitDuration"));
      Integer calls = b != null && b.has("maxConcurrentCalls") ? intValue(b.get("maxConcurrentCalls"), b.at("maxConcurrentCalls")) : null;
      Long w = b != null && b.has("maxWaitDuration") ? duration(b.get("maxWaitDuration"), b.at("maxWaitDuration")) : null;
      bulkheadCalls = calls == null ? BreakerDefaults.R4J_BULKHEAD_MAX_CONCURRENT_CALLS : calls;
      bulkheadWait = w == null ? BreakerDefaults.R4J_BULKHEAD_MAX_WAIT_NANOS : w;
    }
    Long stuck = f != null && f.has("stuckHalfOpenAfter")
        ? duration(f.get("stuckHalfOpenAfter"), f.at("stuckHalfOpenAfter")) : null;
    return new Resilience4jBreakerSpec(
        failureRate == null ? BreakerDefaults.R4J_FAILURE_RATE_THRESHOLD : failureRate,
        slowRate == null ? BreakerDefaults.R4J_SLOW_CALL_RATE_THRESHOLD : slowRate,
        slowDuration == null ? BreakerDefaults.R4J_SLOW_CALL_DURATION_THRESHOLD_NANOS : slowDuration,
        "TIME_BASED".equals(type),
        size == null ? BreakerDefaults.R4J_SLIDING_WINDOW_SIZE : size,
        minimum == null ? BreakerDefaults.R4J_MINIMUM_NUMBER_OF_CALLS : minimum,
        wait == null ? BreakerDefaults.R4J_WAIT_DURATION_IN_OPEN_STATE_NANOS : wait,
        !expo ? 1.0 : multiplier == null ? BreakerDefaults.R4J_EXPONENTIAL_BACKOFF_MULTIPLIER : multiplier,
        maxWait == null ? ScenarioDefaults.NO_TIMEOUT : maxWait,
        permitted == null ? BreakerDefaults.R4J_PERMITTED_CALLS_IN_HALF_OPEN_STATE : permitted,
        halfOpenWait == null ? BreakerDefaults.R4J_MAX_WAIT_IN_HALF_OPEN_STATE_NANOS : halfOpenWait,
        automatic != null && automatic,
        timeLimiter, bulkheadCalls, bulkheadWait,
        stuck == null ? BreakerDefaults.STUCK_DEFAULT : stuck);
  }

  private DependencySpec dependency(Node node, String path) {
    List<String> bounded = List.of("concurrency", "serviceTime", "queue", "queueLimit");
    Fields f = fields(node, path, "a dependency map with latency, or concurrency and serviceTime",
        List.of("latency", "concurrency", "serviceTime", "queue", "queueLimit", "errorRate", "faults", "sideEffect",
            "latencyPerInFlight", "shedExpired"));
    CapacitySpec placeholder = new UnboundedCapacity(new ConstantDist(0));
    if (f == null) {
      return new DependencySpec(placeholder, 0, List.of());
    }
    CapacitySpec capacity = placeholder;
    if (f.has("latency")) {
      for (String k : bounded) {
        if (f.has(k)) {
          error(f.at(k), "'" + k + "' is for a dependency with finite capacity (concurrency + serviceTime);"
              + " a dependency with 'latency' has infinite capacity; keep one of the two forms");
        }
      }
      capacity = new UnboundedCapacity(distribution(f.get("latency"), f.at("latency")));
    } else if (f.has("concurrency")) {
      Integer concurrency = intValue(f.get("concurrency"), f.at("concurrency"));
      DistributionSpec serviceTime =
          f.required("serviceTime", "how long one call occupies a server, e.g. 20ms")
              ? distribution(f.get("serviceTime"), f.at("serviceTime"))
              : new ConstantDist(0);
      QueueDiscipline discipline = QueueDiscipline.FIFO;
      if (f.has("queue")) {
        String q = choice(f.get("queue"), f.at("queue"), "queue discipline", List.of("fifo", "lifo"));
        discipline = "lifo".equals(q) ? QueueDiscipline.LIFO : QueueDiscipline.FIFO;
      }
      Integer queueLimit = f.has("queueLimit") ? limit(f.get("queueLimit"), f.at("queueLimit")) : Integer.valueOf(ScenarioDefaults.UNBOUNDED);
      capacity = new BoundedCapacity(
          concurrency == null ? 1 : concurrency, serviceTime, discipline,
          queueLimit == null ? ScenarioDefaults.UNBOUNDED : queueLimit);
    } else {
      f.missing("latency",
          "missing latency (infinite capacity, e.g. latency: 20ms) or concurrency + serviceTime"
              + " (finite capacity, e.g. concurrency: 20, serviceTime: 20ms)");
      for (String k : List.of("serviceTime", "queue", "queueLimit")) {
        if (f.has(k)) {
          error(f.at(k), "'" + k + "' needs concurrency");
        }
      }
    }
    Double errorRate = f.has("errorRate") ? number(f.get("errorRate"), f.at("errorRate")) : Double.valueOf(ScenarioDefaults.ERROR_RATE);
    List<FaultSpec> faults = f.has("faults") ? list(f.get("faults"), f.at("faults"), "faults", this::fault) : List.of();
    String sideEffect = f.has("sideEffect") ? choice(f.get("sideEffect"), f.at("sideEffect"), "side effect", List.of("charge", "none")) : null;
    Long perInFlight = f.has("latencyPerInFlight") ? duration(f.get("latencyPerInFlight"), f.at("latencyPerInFlight")) : null;
    Boolean shed = f.has("shedExpired") ? bool(f.get("shedExpired"), f.at("shedExpired")) : null;
    return new DependencySpec(capacity, errorRate == null ? 0 : errorRate, faults, "none".equals(sideEffect) ? null : sideEffect,
        perInFlight == null ? 0 : perInFlight, shed != null && shed);
  }

  private FaultSpec fault(Node node, String path) {
    Fields f = fields(node, path, "a fault map such as {from: 60s, to: 150s, mode: hang}",
        List.of("from", "to", "latency", "errorRate", "mode"));
    FaultSpec placeholder = new HangFault(0, 1);
    if (f == null) {
      return placeholder;
    }
    Long from = f.required("from", "when the fault starts, e.g. 60s") ? duration(f.get("from"), f.at("from")) : null;
    Long to = f.required("to", "when the fault ends, e.g. 150s") ? duration(f.get("to"), f.at("to")) : null;
    long fromNanos = from == null ? 0 : from;
    long toNanos = to == null ? fromNanos + 1 : to;
    List<String> effects = new ArrayList<>();
    for (String k : List.of("latency", "errorRate", "mode")) {
      if (f.has(k)) {
        effects.add(k);
      }
    }
    if (effects.isEmpty()) {
      f.missing("mode", "missing the fault's effect: add one of latency (a distribution), errorRate (0..1) or mode: hang");
      return placeholder;
    }
    if (effects.size() > 1) {
      error(f.at(effects.get(1)), "a fault has exactly one effect (latency, errorRate or mode);"
          + " write two faults with the same window to combine effects");
      return placeholder;
    }
    switch (effects.get(0)) {
      case "latency":
        return new LatencyFault(fromNanos, toNanos, distribution(f.get("latency"), f.at("latency")));
      case "errorRate": {
        Double rate = number(f.get("errorRate"), f.at("errorRate"));
        return new ErrorRateFault(fromNanos, toNanos, rate == null ? 0 : rate);
      }
      default:
        choice(f.get("mode"), f.at("mode"), "fault mode", List.of("hang"));
        return new HangFault(fromNanos, toNanos);
    }
  }

  private DistributionSpec distribution(Node node, String path) {
    DistributionSpec placeholder = new ConstantDist(0);
    if (node instanceof Node.ScalarNode) {
      Long v = durationOrDist(node, path);
      return v == null ? placeholder : new ConstantDist(v);
    }
    String dist = kind(node, path, "dist", DISTS, DIST_HINT);
    if (dist == null) {
      return placeholder;
    }
    switch (dist) {
      case "constant": {
        Fields f = fields(node, path, "", List.of("dist", "value"));
        Long v = f != null && f.required("value", "the duration, e.g. 3ms") ? duration(f.get("value"), f.at("value")) : null;
        return new ConstantDist(v == null ? 0 : v);
      }
      case "uniform": {
        Fields f = fields(node, path, "", List.of("dist", "min", "max"));
        if (f == null) {
          return placeholder;
        }
        Long min = f.required("min", "the smallest value, e.g. 1ms") ? duration(f.get("min"), f.at("min")) : null;
        Long max = f.required("max", "the largest value, e.g. 5ms") ? duration(f.get("max"), f.at("max")) : null;
        return new UniformDist(min == null ? 0 : min, max == null ? (min == null ? 0 : min) : max);
      }
      case "exponential": {
        Fields f = fields(node, path, "", List.of("dist", "mean"));
        Long mean = f != null && f.required("mean", "the mean, e.g. 3ms") ? duration(f.get("mean"), f.at("mean")) : null;
        return new ExponentialDist(mean == null ? 1 : mean);
      }
      case "normal": {
        Fields f = fields(node, path, "", List.of("dist", "mean", "stddev"));
        if (f == null) {
          return placeholder;
        }
        Long mean = f.required("mean", "the mean, e.g. 10ms") ? duration(f.get("mean"), f.at("mean")) : null;
        Long sd = f.required("stddev", "the standard deviation, e.g. 2ms") ? duration(f.get("stddev"), f.at("stddev")) : null;
        return new NormalDist(mean == null ? 1 : mean, sd == null ? 0 : sd);
      }
      case "lognormal":
        return logNormal(node, path);
      case "pareto":
      case "weibull": {
        Fields f = fields(node, path, "", List.of("dist", "scale", "shape"));
        if (f == null) {
          return placeholder;
        }
        Long scale = f.required("scale", "the scale, e.g. 2ms") ? duration(f.get("scale"), f.at("scale")) : null;
        Double shape = f.required("shape", "the shape, a positive number such as 1.5") ? number(f.get("shape"), f.at("shape")) : null;
        long s = scale == null ? 1 : scale;
        double k = shape == null ? 1 : shape;
        return dist.equals("pareto") ? new ParetoDist(s, k) : new WeibullDist(s, k);
      }
      default:
        return empirical(node, path);
    }
  }

  private DistributionSpec logNormal(Node node, String path) {
    Fields f = fields(node, path, "", List.of("dist", "median", "p99", "mu", "sigma"));
    DistributionSpec placeholder = new LogNormalDist(1, 2);
    if (f == null) {
      return placeholder;
    }
    boolean percentiles = f.has("median") || f.has("p99");
    if (percentiles && (f.has("mu") || f.has("sigma"))) {
      error(f.at(f.has("mu") ? "mu" : "sigma"),
          "give a lognormal either as median + p99 or as mu + sigma, not both");
      return placeholder;
    }
    if (percentiles || !(f.has("mu") || f.has("sigma"))) {
      Long median = f.required("median", "the median, e.g. 120ms (or give mu + sigma)") ? duration(f.get("median"), f.at("median")) : null;
      Long p99 = f.required("p99", "the 99th percentile, e.g. 600ms") ? duration(f.get("p99"), f.at("p99")) : null;
      long m = median == null ? 1 : median;
      return new LogNormalDist(m, p99 == null ? m + 1 : p99);
    }
    Double mu = f.required("mu", "the mean of ln(seconds), e.g. -2.1") ? number(f.get("mu"), f.at("mu")) : null;
    Double sigma = f.required("sigma", "the standard deviation of ln(seconds), e.g. 0.7") ? number(f.get("sigma"), f.at("sigma")) : null;
    return new LogNormalParamsDist(mu == null ? 0 : mu, sigma == null ? 1 : sigma);
  }

  private DistributionSpec empirical(Node node, String path) {
    Fields f = fields(node, path, "", List.of("dist", "percentiles"));
    List<EmpiricalDist.Point> points = new ArrayList<>();
    if (f == null || !f.required("percentiles", "a map such as {p50: 3ms, p99: 40ms, p100: 120ms}")) {
      return new EmpiricalDist(List.of(new EmpiricalDist.Point(100, 0)));
    }
    String p = f.at("percentiles");
    Fields pf = fields(f.get("percentiles"), p, "a map such as {p50: 3ms, p99: 40ms, p100: 120ms}", null);
    if (pf == null) {
      return new EmpiricalDist(List.of(new EmpiricalDist.Point(100, 0)));
    }
    for (Map.Entry<String, Node.Entry> e : pf.map.entries().entrySet()) {
      String key = e.getKey();
      Matcher m = PERCENTILE.matcher(key);
      if (!m.matches()) {
        errorAtKey(pf.at(key), "'" + key + "' is not a percentile; write p50, p99.9 or p100");
        continue;
      }
      Long v = duration(e.getValue().value(), pf.at(key));
      points.add(new EmpiricalDist.Point(new BigDecimal(m.group(1)).doubleValue(), v == null ? 0 : v));
    }
    if (points.isEmpty()) {
      points.add(new EmpiricalDist.Point(100, 0));
    }
    return new EmpiricalDist(points);
  }

  // ---------------------------------------------------------------- structure helpers

  /** A map being bound: its node, its path, and lookups that also check allowed keys. */
  private final class Fields {
    final Node.MapNode map;
    final String path;

    Fields(Node.MapNode map, String path) {
      this.map = map;
      this.path = path;
    }

    String at(String key) {
      return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
      return map.entries().containsKey(key);
    }

    Node get(String key) {
      return map.get(key);
    }

    boolean required(String key, String meaning) {
      if (has(key)) {
        return true;
      }
      if (errorPaths.contains(at(key))) {
        return false; // already reported as a misspelling of this key
      }
      missing(key, "missing required key '" + key + "' (" + meaning + ")");
      return false;
    }

    void missing(String key, String message) {
      Location loc = keyIndex.get(path);
      if (loc == null) {
        loc = locate(path);
      }
      problems.add(Problem.at(loc, at(key), message));
      errorPaths.add(at(key));
    }
  }

  /**
   * Checks {@code node} is a map, registers its keys' locations, and reports keys not in
   * {@code allowed} (all keys allowed when null). Returns null when the node is not a map.
   */
  private Fields fields(Node node, String path, String expected, List<String> allowed) {
    if (!(node instanceof Node.MapNode map)) {
      error(path, "expected " + (expected.isEmpty() ? "a map" : expected) + ", got " + node.describe());
      return null;
    }
    Fields f = new Fields(map, path);
    for (Map.Entry<String, Node.Entry> e : map.entries().entrySet()) {
      String childPath = f.at(e.getKey());
      keyIndex.put(childPath, e.getValue().keyLocation());
      valueIndex.put(childPath, e.getValue().value().location());
      if (allowed != null && !allowed.contains(e.getKey())) {
        errorAtKey(childPath, unknownKey(e.getKey(), allowed));
        String suggestion = closest(e.getKey(), allowed);
        if (suggestion != null && !map.entries().containsKey(suggestion)) {
          // A misspelt key leaves the intended one missing; do not report that twice.
          errorPaths.add(f.at(suggestion));
        }
      }
    }
    return f;
  }

  static String unknownKey(String key, List<String> allowed) {
    String suggestion = closest(key, allowed);
    return "unknown key '"
        + key
        + "'"
        + (suggestion == null ? ";" : "; did you mean '" + suggestion + "'?")
        + " allowed keys: "
        + String.join(", ", allowed);
  }

  /**
   * Reads the discriminator key ({@code dist}, {@code process}, {@code model}) of a kind map and
   * checks it is one of {@code kinds}; null on error.
   */
  private String kind(Node node, String path, String key, List<String> kinds, String expected) {
    if (!(node instanceof Node.MapNode map)) {
      error(path, "expected " + expected + ", got " + node.describe());
      return null;
    }
    String keyPath = path + "." + key;
    Node.Entry e = map.entries().get(key);
    if (e == null) {
      Location loc = keyIndex.get(path);
      problems.add(Problem.at(loc == null ? map.location() : loc, keyPath,
          "missing required key '" + key + "'; one of: " + String.join(", ", kinds)));
      errorPaths.add(path);
      return null;
    }
    keyIndex.put(keyPath, e.keyLocation());
    valueIndex.put(keyPath, e.value().location());
    String value = choice(e.value(), keyPath, key, kinds);
    if (value == null) {
      errorPaths.add(path);
    }
    return value;
  }

  /** Reads a map with exactly one key out of {@code kinds} (a step or a phase); null on error. */
  private String oneKey(Node node, String path, String what, List<String> kinds, String example) {
    if (!(node instanceof Node.MapNode map)) {
      error(path, "expected a " + what + " such as " + example + ", got " + node.describe());
      return null;
    }
    Fields f = fields(node, path, "", kinds);
    List<String> present = new ArrayList<>();
    for (String k : map.entries().keySet()) {
      if (kinds.contains(k)) {
        present.add(k);
      }
    }
    if (present.size() == 1 && map.entries().size() == 1) {
      return present.get(0);
    }
    if (present.isEmpty()) {
      if (map.entries().isEmpty()) {
        error(path, "a " + what + " needs one of " + String.join(", ", kinds) + ", e.g. " + example);
      }
      errorPaths.add(path);
      return null;
    }
    if (present.size() > 1) {
      errorAtKey(f.at(present.get(1)), "a " + what + " has exactly one of " + String.join(", ", kinds)
          + "; found " + String.join(" and ", present) + "; write them as separate list items");
      errorPaths.add(path);
      return null;
    }
    errorPaths.add(path);
    return null;
  }

  private <T> Map<String, T> named(Node node, String path, String what, Binder<T> binder) {
    Fields f = fields(node, path, "a map from " + what + " name to its definition", null);
    Map<String, T> out = new LinkedHashMap<>();
    if (f == null) {
      return out;
    }
    for (Map.Entry<String, Node.Entry> e : f.map.entries().entrySet()) {
      out.put(e.getKey(), binder.bind(e.getValue().value(), f.at(e.getKey())));
    }
    return out;
  }

  private <T> List<T> list(Node node, String path, String what, Binder<T> binder) {
    List<T> out = new ArrayList<>();
    if (!(node instanceof Node.ListNode list)) {
      error(path, "expected a list of " + what + ", got " + node.describe());
      return out;
    }
    for (int i = 0; i < list.items().size(); i++) {
      String p = path + "[" + i + "]";
      valueIndex.put(p, list.items().get(i).location());
      out.add(binder.bind(list.items().get(i), p));
    }
    return out;
  }

  /** Binds one node at a path. */
  private interface Binder<T> {
    T bind(Node node, String path);
  }

  // ---------------------------------------------------------------- scalars

  private Node.ScalarNode scalar(Node node, String path, String expected) {
    if (node instanceof Node.ScalarNode s && s.kind() != Node.Kind.NULL) {
      return s;
    }
    error(path, "expected " + expected + ", got " + node.describe());
    return null;
  }

  private String string(Node node, String path) {
    Node.ScalarNode s = scalar(node, path, "text");
    if (s == null) {
      return null;
    }
    if (s.kind() != Node.Kind.STRING) {
      error(path, "expected text, got " + s.describe() + "; quote it to make it text");
      return null;
    }
    return s.text();
  }

  private String choice(Node node, String path, String what, List<String> allowed) {
    Node.ScalarNode s = scalar(node, path, "one of " + String.join(", ", allowed));
    if (s == null) {
      return null;
    }
    if (s.kind() != Node.Kind.STRING || !allowed.contains(s.text())) {
      String suggestion = closest(s.text(), allowed);
      error(path, "unknown " + what + " '" + s.text() + "'"
          + (suggestion == null ? ";" : "; did you mean '" + suggestion + "'?")
          + " allowed: " + String.join(", ", allowed));
      return null;
    }
    return s.text();
  }

  private Long duration(Node node, String path) {
    Node.ScalarNode s = scalar(node, path, "a duration such as 250ms");
    if (s == null) {
      return null;
    }
    if (s.kind() == Node.Kind.BOOLEAN) {
      error(path, "expected a duration such as 250ms, got " + s.describe());
      return null;
    }
    try {
      return Durations.parseNanos(s.text());
    } catch (IllegalArgumentException e) {
      error(path, e.getMessage());
      return null;
    }
  }

  private Long durationOrDist(Node node, String path) {
    Node.ScalarNode s = (Node.ScalarNode) node;
    if (s.kind() == Node.Kind.NULL || s.kind() == Node.Kind.BOOLEAN) {
      error(path, "expected " + DIST_HINT + ", got " + s.describe());
      return null;
    }
    return duration(node, path);
  }

  private Long timeout(Node node, String path) {
    return durationOrNone(node, path, "no timeout");
  }

  /** A duration, or {@code none} ({@link ScenarioDefaults#NO_TIMEOUT}), which means {@code noneMeans}. */
  private Long durationOrNone(Node node, String path, String noneMeans) {
    if (node instanceof Node.ScalarNode s && s.kind() == Node.Kind.STRING && s.text().equals("none")) {
      return ScenarioDefaults.NO_TIMEOUT;
    }
    Node.ScalarNode s = scalar(node, path, "a duration such as 1s, or none");
    if (s == null) {
      return null;
    }
    if (s.kind() == Node.Kind.BOOLEAN) {
      error(path, "expected a duration such as 1s, or none, got " + s.describe());
      return null;
    }
    try {
      return Durations.parseNanos(s.text());
    } catch (IllegalArgumentException e) {
      error(path, e.getMessage() + "; or write none for " + noneMeans);
      return null;
    }
  }

  private Double rate(Node node, String path) {
    Node.ScalarNode s = scalar(node, path, "a rate such as 20/s");
    if (s == null) {
      return null;
    }
    if (s.kind() == Node.Kind.BOOLEAN) {
      error(path, "expected a rate such as 20/s, got " + s.describe());
      return null;
    }
    try {
      return Rates.parsePerSecond(s.text());
    } catch (IllegalArgumentException e) {
      error(path, e.getMessage());
      return null;
    }
  }

  private BigInteger integer(Node node, String path, String expected) {
    Node.ScalarNode s = scalar(node, path, expected);
    if (s == null) {
      return null;
    }
    if (s.kind() != Node.Kind.INTEGER) {
      error(path, "expected " + expected + ", got " + s.describe());
      return null;
    }
    try {
      return new BigInteger(s.text().startsWith("+") ? s.text().substring(1) : s.text());
    } catch (NumberFormatException e) {
      error(path, "expected " + expected + ", got " + s.describe());
      return null;
    }
  }

  private Integer intValue(Node node, String path) {
    BigInteger v = integer(node, path, "a whole number");
    if (v == null) {
      return null;
    }
    if (v.bitLength() > 31) {
      error(path, "must be at most " + Integer.MAX_VALUE + " (was " + v + ")");
      return null;
    }
    return v.intValue();
  }

  private Long longValue(Node node, String path) {
    BigInteger v = integer(node, path, "a whole number");
    if (v == null) {
      return null;
    }
    if (v.bitLength() > 63) {
      error(path, "must be between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + " (was " + v + ")");
      return null;
    }
    return v.longValue();
  }

  /** A size limit: a whole number or {@code unbounded}. */
  private Integer limit(Node node, String path) {
    if (node instanceof Node.ScalarNode s && s.kind() == Node.Kind.STRING && s.text().equals("unbounded")) {
      return ScenarioDefaults.UNBOUNDED;
    }
    if (node instanceof Node.ScalarNode s && s.kind() == Node.Kind.STRING) {
      error(path, "expected a whole number or unbounded, got " + s.describe());
      return null;
    }
    Integer v = intValue(node, path);
    if (v != null && v < 0) {
      error(path, "must be 0 or more, or unbounded (was " + v + ")");
      return null;
    }
    return v;
  }

  private Double number(Node node, String path) {
    Node.ScalarNode s = scalar(node, path, "a number");
    if (s == null) {
      return null;
    }
    if (s.kind() != Node.Kind.INTEGER && s.kind() != Node.Kind.DECIMAL) {
      error(path, "expected a number such as 0.5, got " + s.describe());
      return null;
    }
    try {
      double d = new BigDecimal(s.text()).doubleValue();
      if (Double.isInfinite(d)) {
        error(path, "the number " + s.text() + " is too large");
        return null;
      }
      return d;
    } catch (NumberFormatException e) {
      error(path, "expected a number such as 0.5, got " + s.describe());
      return null;
    }
  }

  private Boolean bool(Node node, String path) {
    Node.ScalarNode s = scalar(node, path, "true or false");
    if (s == null) {
      return null;
    }
    if (s.kind() != Node.Kind.BOOLEAN) {
      error(path, "expected true or false, got " + s.describe());
      return null;
    }
    return Boolean.valueOf(s.text());
  }

  private EndpointRef clientTarget(Node node, String path) {
    String text = string(node, path);
    if (text == null) {
      return null;
    }
    String[] parts = text.strip().split("\\s+");
    if (parts.length != 2) {
      error(path, "expected '<service> <endpoint>', e.g. payments /charge (was '" + text + "')");
      return null;
    }
    return new EndpointRef(parts[0], parts[1]);
  }

  private CallTarget callTarget(Node node, String path) {
    String text = string(node, path);
    if (text == null) {
      return null;
    }
    String[] parts = text.strip().split("\\s+");
    if (parts.length == 1 && !parts[0].isEmpty()) {
      return new DependencyRef(parts[0]);
    }
    if (parts.length == 2) {
      return new EndpointRef(parts[0], parts[1]);
    }
    error(path, "expected a dependency name (e.g. provider) or '<service> <endpoint>'"
        + " (e.g. payments /charge), was '" + text + "'");
    return null;
  }

  // ---------------------------------------------------------------- errors

  private void error(String path, String message) {
    problems.add(Problem.at(locate(path), path, message));
    errorPaths.add(path);
  }

  private void errorAtKey(String path, String message) {
    Location loc = keyIndex.get(path);
    problems.add(Problem.at(loc == null ? locate(path) : loc, path, message));
    errorPaths.add(path);
  }

  /** The allowed word closest to {@code word} by edit distance, if it is a plausible typo. */
  static String closest(String word, List<String> allowed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String a : allowed) {
      int d = editDistance(word.toLowerCase(java.util.Locale.ROOT), a.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = a;
      }
    }
    return best != null && bestDistance <= Math.max(1, best.length() / 3) ? best : null;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
