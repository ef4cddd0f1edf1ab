package org.cascadesim.cli.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.report.ReportData;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;

/** Report data for tests: a scenario file run for its base and every variant with the scenario's seed. */
public final class ReportFixtures {
  private ReportFixtures() {}

  /** A small scenario with two clients, both runtimes, a bounded dependency and all three fault kinds. */
  public static final String SMALL = """
      name: small
      description: two clients, both runtimes, a bounded database and every fault kind
      seed: 11
      duration: 30s
      warmup: 2s
      clients:
        shoppers:
          target: checkout /pay
          arrivals: {process: poisson, rate: 40/s}
          timeout: 1s
        admins:
          target: backoffice /report
          users: {count: 3, thinkTime: {dist: exponential, mean: 200ms}}
      services:
        checkout:
          runtime: {model: thread-pool, threads: 4, queue: 50}
          endpoints:
            /pay:
              - cpu: 1ms
              - call: provider
              - call: db
        backoffice:
          runtime: {model: goroutines}
          endpoints:
            /report:
              - call: {to: db, timeout: 300ms}
      dependencies:
        provider:
          latency: {dist: lognormal, median: 20ms, p99: 120ms}
          faults:
            - {from: 8s, to: 14s, latency: 400ms}
            - {from: 18s, to: 21s, errorRate: 0.5}
            - {from: 24s, to: 26s, mode: hang}
        db:
          concurrency: 4
          serviceTime: {dist: exponential, mean: 4ms}
          queueLimit: 30
      variants:
        fixed:
          description: a deadline on the provider
          services:
            checkout:
              endpoints:
                /pay:
                  - cpu: 1ms
                  - call: {to: provider, timeout: 100ms}
                  - call: db
      """;

  /** Writes {@code yaml} into {@code dir} and runs it. */
  public static ReportData fromYaml(Path dir, String yaml) {
    try {
      Path file = dir.resolve("scenario.yaml");
      Files.writeString(file, yaml);
      return fromFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a scenario file and runs its base and every variant in file order. */
  public static ReportData fromFile(Path file) {
    ResolvedScenario scenario = new ScenarioReader().read(file);
    List<RunSummary> runs = new ArrayList<>();
    runs.add(ScenarioRunner.run(scenario.base(), "base", scenario.base().seed()));
    for (String variant : scenario.variants().keySet()) {
      ScenarioSpec spec = scenario.spec(variant);
      runs.add(ScenarioRunner.run(spec, variant, spec.seed()));
    }
    return new ReportData(scenario.base(), "resolved: " + scenario.base().name(), runs,
        "comparison of " + runs.size() + " runs");
  }
}
