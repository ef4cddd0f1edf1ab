package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cascadesim.models.scenario.CallStep;
import org.cascadesim.models.scenario.ConnectionPoolSpec;
import org.cascadesim.models.scenario.GoroutinesRuntime;
import org.cascadesim.models.scenario.PoolHandoff;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ServiceSpec;
import org.cascadesim.models.scenario.WithStep;
import org.junit.jupiter.api.Test;

/** Pools, {@code with} steps and the goroutine memory estimate, bound strictly and validated. */
class PoolSpecBindingTest {
  private static final long MS = 1_000_000L;
  private static final String HEAD =
      "name: t\nduration: 60s\n"
          + "clients:\n  c:\n    target: api /x\n    arrivals: {process: poisson, rate: 5/s}\n"
          + "dependencies:\n  provider: {latency: 10ms}\n";

  private final ScenarioReader reader = new ScenarioReader();

  private ServiceSpec api(String service) {
    return reader.parse("t.yaml", HEAD + service, TreeParser.Format.YAML, List.of()).base().services().get("api");
  }

  private List<String> problems(String service) {
    try {
      reader.parse("t.yaml", HEAD + service, TreeParser.Format.YAML, List.of());
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::format).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void bindsAPoolWithEveryKeyAndAWithBlock() {
    ServiceSpec api = api("services:\n  api:\n"
        + "    runtime: {model: goroutines, bytesPerGoroutine: 16KiB}\n"
        + "    pools:\n      db: {kind: connection-pool, size: 50, acquireTimeout: 100ms, maxWaiters: 200,"
        + " handoff: fair-with-barging, handoffDelay: 50us}\n"
        + "    endpoints:\n      /x:\n        - with: db\n          do:\n            - call: {to: provider, timeout: 1s}\n");
    assertThat(api.pools().get("db")).isEqualTo(
        new ConnectionPoolSpec(50, 100 * MS, 200, PoolHandoff.FAIR_WITH_BARGING, 50_000));
    assertThat(api.runtime()).isEqualTo(new GoroutinesRuntime(16 * 1024));
    WithStep with = (WithStep) api.endpoints().get("/x").steps().get(0);
    assertThat(with.pool()).isEqualTo("db");
    assertThat(((CallStep) with.steps().get(0)).timeoutNanos()).isEqualTo(1_000 * MS);
  }

  @Test
  void poolDefaultsAreNoDeadlineNoWaiterLimitAndFifo() {
    ServiceSpec api = api("services:\n  api:\n"
        + "    pools: {db: {kind: connection-pool, size: 5}}\n"
        + "    endpoints: {/x: [{with: db, do: [{cpu: 1ms}]}]}\n");
    assertThat(api.pools().get("db")).isEqualTo(ConnectionPoolSpec.ofSize(5));
    assertThat(ConnectionPoolSpec.ofSize(5).hasAcquireTimeout()).isFalse();
    assertThat(ConnectionPoolSpec.ofSize(5).isWaitersBounded()).isFalse();
    assertThat(ScenarioDefaults.POOL_HANDOFF).isEqualTo(PoolHandoff.FIFO);
    assertThat(((GoroutinesRuntime) api.runtime()).bytesPerGoroutine()).isEqualTo(8192);
  }

  @Test
  void reportsEveryPoolMistakeWithItsLocation() {
    List<String> problems = problems("services:\n  api:\n"
        + "    runtime: {model: goroutines, bytesPerGoroutine: 8}\n"
        + "    pools:\n      db: {kind: connection-pool, size: 0, handoff: lifo, acquireTimeout: 0s}\n"
        + "    endpoints:\n      /x:\n        - with: cache\n          do: [{cpu: 1ms}]\n        - {with: db}\n");
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("t.yaml:11:53")
        .contains("bytesPerGoroutine").contains("no unit"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("pools.db.handoff")
        .contains("allowed: fifo, random, fair-with-barging"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("pools.db.size").contains("at least 1"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("pools.db.acquireTimeout").contains("none"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("/x[0].with").contains("no pool named 'cache'"));
    assertThat(problems).anySatisfy(p -> assertThat(p).contains("/x[1].do").contains("missing required key 'do'"));
  }

  @Test
  void aPoolNeedsItsKind() {
    assertThat(problems("services:\n  api:\n    pools: {db: {size: 5}}\n    endpoints: {/x: [{cpu: 1ms}]}\n"))
        .anySatisfy(p -> assertThat(p).contains("pools.db.kind").contains("connection-pool"));
  }

  @Test
  void callCyclesInsideWithBlocksAreFound() {
    assertThat(problems("services:\n  api:\n    pools: {db: {kind: connection-pool, size: 5}}\n"
        + "    endpoints: {/x: [{with: db, do: [{call: api /x}]}]}\n"))
        .anySatisfy(p -> assertThat(p).contains("/x[0].do[0].call.to").contains("cycle"));
  }
}
