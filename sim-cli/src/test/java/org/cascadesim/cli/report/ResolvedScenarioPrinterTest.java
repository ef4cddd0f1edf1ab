package org.cascadesim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResolvedScenarioPrinterTest {
  private static final Path EVERY_KIND = Path.of("src/test/resources/scenarios/printer/every-kind.yaml");

  @TempDir Path tmp;

  private final ScenarioReader reader = new ScenarioReader();

  /** Every bundled scenario, every valid fixture, and a fixture with every kind of the language. */
  static List<Path> scenarioFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> bundled = Files.list(Path.of("../scenarios"))) {
      bundled.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    try (Stream<Path> valid = Files.list(Path.of("src/test/resources/scenarios/valid"))) {
      valid.sorted().forEach(files::add);
    }
    files.add(EVERY_KIND);
    return files;
  }

  @Test
  void theReadBackCoversEveryBundledScenario() throws IOException {
    // scenarios/ holds quickstart plus the pool, event-loop, retry/idempotency and breaker scenarios
    assertThat(scenarioFiles()).extracting(p -> p.getFileName().toString()).contains(
        "quickstart.yaml", "pool-acquire-no-timeout.yaml", "event-loop-blocking.yaml",
        "idempotency-retry-race.yaml", "breaker-no-timeout.yaml", "all-kinds.yaml", "checkout.json");
  }

  @ParameterizedTest
  @MethodSource("scenarioFiles")
  void printedBaseAndVariantsReadBackAsTheSameSpec(Path file) throws Exception {
    ResolvedScenario scenario = reader.read(file);
    List<ScenarioSpec> specs = new ArrayList<>(List.of(scenario.base()));
    scenario.variants().values().forEach(v -> specs.add(v.spec()));
    for (ScenarioSpec spec : specs) {
      Path printed = tmp.resolve("printed.yaml");
      String text = ResolvedScenarioPrinter.print(spec);
      Files.writeString(printed, text);
      // every key is printed in the scenario language, so the text is a scenario that binds to an equal spec
      assertThat(reader.read(printed).base()).as(text).isEqualTo(spec);
      assertThat(text.lines()).as("nothing absent printed as null or {}")
          .noneMatch(l -> l.endsWith(": null") || l.endsWith(": {}") || l.contains(": null,"));
    }
  }

  @ParameterizedTest
  @MethodSource("scenarioFiles")
  void theResolvedScenarioWithItsSlosReadsBackAsTheSameBaseAndSlos(Path file) throws Exception {
    ResolvedScenario scenario = reader.read(file);
    Path printed = tmp.resolve("resolved.yaml");
    Files.writeString(printed, ResolvedScenarioPrinter.print(scenario, List.of()));
    ResolvedScenario back = reader.read(printed);
    assertThat(back.base()).isEqualTo(scenario.base());
    assertThat(back.slos()).isEqualTo(scenario.slos());
  }

  @Test
  void printsEveryDefaultWithUnits() {
    String text = ResolvedScenarioPrinter.print(reader.read(Path.of("../scenarios/quickstart.yaml")).base());
    assertThat(text)
        .startsWith("name: quickstart\n")
        .contains("\nseed: 7\nduration: 180s\nwarmup: 10s\nlimits: {maxEvents: 100000000, maxInFlight: 1000000}\n")
        .contains("    arrivals: {process: poisson, rate: 20/s}\n    timeout: 5s\n    idempotencyKey: none\n")
        .contains("    runtime: {model: thread-pool, threads: 8, queue: unbounded}\n")
        .contains("        - cpu: 2ms\n        - call: {to: provider, timeout: none, cancelOnTimeout: false}\n")
        .contains("        - io: {dist: exponential, mean: 3ms}\n")
        .contains("    latency: {dist: lognormal, median: 80ms, p99: 400ms}\n    errorRate: 0\n")
        .contains("      - {from: 60s, to: 120s, latency: 2s}\n    sideEffect: none\n")
        .doesNotContain("retry").doesNotContain("pools").doesNotContain("stores").doesNotContain("breakers");
  }

  @Test
  void printsTheNewKindsInTheScenarioLanguage() {
    ResolvedScenario scenario = reader.read(EVERY_KIND);
    String text = ResolvedScenarioPrinter.print(scenario, List.of());
    assertThat(text)
        .startsWith("name: \"2024\"\n")
        .contains("    idempotencyKey: per-request\n")
        // the retry defaults of docs/scenario-reference.md "Retries", filled in; perAttemptTimeout stays
        // absent (it means the client's timeout)
        .contains("    retry:\n      maxAttempts: 3\n      deadline: none\n      retryOn:\n        - timeout\n"
            + "        - error\n        - rejected\n        - conflict\n"
            + "      backoff:\n        kind: decorrelated-jitter\n        base: 100ms\n        cap: 20s\n        multiplier: 2\n"
            + "        randomizationFactor: 0.5\n"
            + "      budget: {kind: finagle, ttl: 5s, minRetriesPerSec: 2.5, percentCanRetry: 0.1}\n")
        .contains("      budget:\n        kind: token-bucket\n        capacity: 100\n        retryCost: 5\n        timeoutCost: 10\n"
            + "        successIncrement: 1\n")
        .contains("    runtime: {model: goroutines, bytesPerGoroutine: 1.5MiB}\n")
        .contains("    runtime: {model: goroutines, bytesPerGoroutine: 2500B}\n")
        .contains("      db:\n        kind: connection-pool\n        size: 5\n        acquireTimeout: 100ms\n        maxWaiters: 0\n"
            + "        handoff: fair-with-barging\n        handoffDelay: 1us\n")
        // the pool defaults of docs/scenario-reference.md "Pools"
        .contains("      other:\n        kind: connection-pool\n        size: 2\n        acquireTimeout: none\n"
            + "        maxWaiters: unbounded\n        handoff: fifo\n        handoffDelay: 20us\n")
        .contains("      keys:\n        kind: idempotency-store\n        mode: atomic-claim\n        opLatency: 1ms\n"
            + "        inProgress: wait\n        ttl: none\n")
        // the store defaults of docs/scenario-reference.md "Idempotency"
        .contains("      old:\n        kind: idempotency-store\n        mode: check-then-insert\n        opLatency: 2ms\n"
            + "        inProgress: conflict\n        ttl: 24h\n")
        // opossum's constructor defaults (BreakerDefaults); false disables its timeout
        .contains("      opo-default:\n        kind: opossum\n        timeout: 10s\n        errorThresholdPercentage: 50\n"
            + "        resetTimeout: 30s\n        rollingCountTimeout: 10s\n        rollingCountBuckets: 10\n"
            + "        volumeThreshold: 0\n        allowWarmUp: false\n        capacity: unbounded\n")
        .contains("        timeout: false\n")
        .contains("        stuckHalfOpenAfter: 90s\n")
        .contains("        timeLimiter: {timeoutDuration: 750ms}\n        bulkhead: {maxConcurrentCalls: 4, maxWaitDuration: 20ms}\n")
        // given as empty maps, the TimeLimiter and Bulkhead take resilience4j's defaults: 1s, 25 calls, 0s
        .contains("        timeLimiter: {timeoutDuration: 1s}\n        bulkhead: {maxConcurrentCalls: 25, maxWaitDuration: 0s}\n")
        .contains("        enableExponentialBackoff: true\n        exponentialBackoffMultiplier: 1\n"
            + "        exponentialMaxWaitDurationInOpenState: 120s\n")
        .contains("      model: event-loop\n      overhead: 200us\n"
            + "      workerPool: {kind: worker-threads, threads: 2, callbackCost: 0s}\n      cores: 2\n")
        .contains("    runtime:\n      model: event-loop\n      overhead: 0s\n"
            + "      workerPool: {kind: libuv, threads: 4, callbackCost: 50us}\n      cores: unbounded\n")
        .contains("        - with: db\n          do:\n            - idempotent:\n                store: keys\n")
        .contains("                      breaker: opo\n                      fallback: degraded\n"
            + "                      fallbackLatency: {dist: exponential, mean: 2ms}\n")
        .contains("{to: pay, timeout: 1s, cancelOnTimeout: true, breaker: r4j-expo-cap, fallback: error}")
        .contains("        - offload: {dist: weibull, scale: 2ms, shape: 0.8}\n")
        .contains("    queue: lifo\n    queueLimit: 9\n")
        .contains("    sideEffect: charge\n")
        .contains("  \"true\":\n")
        .contains("slo:\n  - {client: web, p99: \"< 500ms\"}\n  - {client: web, successRate: \">= 99.9%\"}\n"
            + "  - {endpoint: true /x, max: \"<= 2s\"}\n");
  }

  @Test
  void variantsArePrintedAsTheKeysTheyChange() {
    ResolvedScenario scenario = reader.read(Path.of("../scenarios/quickstart.yaml"));
    String text = ResolvedScenarioPrinter.print(scenario, List.of("base", "fixed"));
    assertThat(text).endsWith("variants:\n  fixed:\n    description: put a 200ms deadline on the provider call\n"
        + "    changes:\n      services.checkout.endpoints./pay[1].call.timeout: none -> 200ms\n");
  }

  @Test
  void aVariantThatAddsASectionListsItsKeysAsAdded() {
    String text = ResolvedScenarioPrinter.print(reader.read(EVERY_KIND), List.of("more"));
    assertThat(text).contains("      services.plain.pools.p.size: (absent) -> 1\n")
        .contains("      services.plain.breakers.b.kind: (absent) -> opossum\n");
  }

  @Test
  void sizesArePrintedExactlyInTheLargestUnit() {
    assertThat(ResolvedScenarioPrinter.bytes(8192)).isEqualTo("8KiB");
    assertThat(ResolvedScenarioPrinter.bytes(1_572_864)).isEqualTo("1.5MiB");
    assertThat(ResolvedScenarioPrinter.bytes(1L << 30)).isEqualTo("1GiB");
    assertThat(ResolvedScenarioPrinter.bytes(2500)).isEqualTo("2500B");
    assertThat(ResolvedScenarioPrinter.bytes(512)).isEqualTo("512B");
  }
}
