package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cascadesim.models.scenario.ConstantDist;
import org.cascadesim.models.scenario.EventLoopRuntime;
import org.cascadesim.models.scenario.ExponentialDist;
import org.cascadesim.models.scenario.OffloadStep;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.WorkerPoolKind;
import org.cascadesim.models.scenario.WorkerPoolSpec;
import org.junit.jupiter.api.Test;

/** The {@code event-loop} runtime and the {@code offload} step in the scenario language. */
class EventLoopSpecTest {

  private static final String HEAD =
      "name: t\nduration: 60s\n"
          + "clients:\n  c:\n    target: api /x\n    arrivals: {process: poisson, rate: 5/s}\n"
          + "services:\n  api:\n";

  private final ScenarioReader reader = new ScenarioReader();

  private ScenarioSpec read(String services) {
    return reader.parse("t.yaml", HEAD + services, TreeParser.Format.YAML, List.of()).base();
  }

  private List<String> problems(String services) {
    try {
      reader.parse("t.yaml", HEAD + services, TreeParser.Format.YAML, List.of());
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::format).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void anEventLoopWithoutOptionsHasTheDocumentedDefaults() {
    ScenarioSpec spec = read("    runtime: {model: event-loop}\n    endpoints:\n      /x: [{cpu: 1ms}]\n");
    assertThat(spec.services().get("api").runtime()).isEqualTo(new EventLoopRuntime(
        0, new WorkerPoolSpec(WorkerPoolKind.LIBUV, 4, 50_000), ScenarioDefaults.UNBOUNDED));
  }

  @Test
  void bindsEveryEventLoopKeyAndOffloadSteps() {
    ScenarioSpec spec = read("    runtime: {model: event-loop, overhead: 0.2ms, cores: 2,"
        + " workerPool: {kind: worker-threads, threads: 3, callbackCost: 100us}}\n"
        + "    endpoints:\n      /x: [{offload: 80ms}, {offload: {dist: exponential, mean: 5ms}}]\n");
    assertThat(spec.services().get("api").runtime()).isEqualTo(new EventLoopRuntime(
        200_000, new WorkerPoolSpec(WorkerPoolKind.WORKER_THREADS, 3, 100_000), 2));
    assertThat(spec.services().get("api").endpoints().get("/x").steps()).containsExactly(
        new OffloadStep(new ConstantDist(80_000_000)), new OffloadStep(new ExponentialDist(5_000_000)));
  }

  @Test
  void workerThreadsNeedAThreadCountAndUnknownPoolKeysAreNamed() {
    assertThat(problems("    runtime: {model: event-loop, workerPool: {kind: worker-threads, thread: 2}}\n"
        + "    endpoints:\n      /x: [{cpu: 1ms}]\n")).containsExactly(
        "t.yaml:9:69: services.api.runtime.workerPool.thread: unknown key 'thread'; did you mean"
            + " 'threads'? allowed keys: kind, threads, callbackCost");
  }

  @Test
  void workerThreadsWithoutAThreadCountIsAnError() {
    assertThat(problems("    runtime: {model: event-loop, workerPool: {kind: worker-threads}}\n"
        + "    endpoints:\n      /x: [{cpu: 1ms}]\n")).containsExactly(
        "t.yaml:9:34: services.api.runtime.workerPool.threads: missing required key 'threads'"
            + " (how many worker threads, e.g. 2)");
  }

  @Test
  void rangesAreCheckedWithTheirPaths() {
    assertThat(problems("    runtime: {model: event-loop, cores: 0, workerPool: {threads: 2000}}\n"
        + "    endpoints:\n      /x: [{cpu: 1ms}]\n")).containsExactly(
        "t.yaml:9:41: services.api.runtime.cores: must be at least 1, or unbounded (was 0)",
        "t.yaml:9:66: services.api.runtime.workerPool.threads: must be between 1 and 1024 for the"
            + " libuv threadpool (was 2000)");
  }

  @Test
  void offloadNeedsAnEventLoop() {
    assertThat(problems("    runtime: {model: thread-pool, threads: 4}\n"
        + "    endpoints:\n      /x: [{cpu: 1ms}, {offload: 80ms}]\n")).containsExactly(
        "t.yaml:11:34: services.api.endpoints./x[1].offload: offload hands work from an event loop"
            + " to its worker pool; it needs runtime {model: event-loop} (use cpu on other runtimes)");
  }
}
