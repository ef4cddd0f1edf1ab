package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file under scenarios/invalid is one mistake; each must be reported at its line and key. */
class InvalidScenarioFilesTest {
  static final Path DIR = Path.of("src/test/resources/scenarios/invalid");

  /** File, expected line (0 = no position), expected path ("" = whole file), message fragment. */
  static final Object[][] EXPECTED = {
{"unknown-key.yaml", 7, "clients.shoppers.tmeout", "did you mean 'timeout'"},
      {"unknown-top-level-key.yaml", 3, "clinets", "allowed keys: name, description"},
      {"duplicate-key.yaml", 20, "duration", "duplicate key 'duration'"},
      {"wrong-type-threads.yaml", 10, "services.checkout.runtime.threads", "expected a whole number"},
      {"duration-without-unit.yaml", 7, "clients.shoppers.timeout", "add one, e.g. 250ms"},
      {"bad-duration-unit.yaml", 2, "duration", "unknown unit 'min'"},
      {"rate-without-unit.yaml", 6, "clients.shoppers.arrivals.rate", "e.g. 20/s"},
      {"negative-rate.yaml", 6, "clients.shoppers.arrivals.rate", "negative"},
      {"zero-rate.yaml", 6, "clients.shoppers.arrivals.rate", "must be a positive rate"},
      {"zero-threads.yaml", 10, "services.checkout.runtime.threads", "must be at least 1"},
      {"p99-below-median.yaml", 17, "dependencies.provider.latency.p99", "must be above the median (80ms)"},
      {"fault-outside-run.yaml", 19, "dependencies.provider.faults[0].to", "ends after the run"},
      {"fault-window-reversed.yaml", 19, "dependencies.provider.faults[0].to", "must be after from"},
      {"undefined-call-target.yaml", 14, "services.checkout.endpoints./pay[1].call.to", "no dependency named 'providr'; dependencies: provider"},
      {"undefined-service-endpoint-call.yaml", 15, "services.checkout.endpoints./pay[2].call.to", "has no endpoint '/refund'; endpoints: /pay"},
      {"call-cycle.yaml", 17, "services.checkout.endpoints./verify[1].call.to", "cycle checkout /pay -> checkout /verify -> checkout /pay"},
      {"call-cycle-in-idempotent.yaml", 18, "services.checkout.endpoints./pay[0].idempotent.do[0].call.to", "cycle checkout /pay -> checkout /pay"},
      {"breaker-call-cycle-in-with.yaml", 21, "services.checkout.endpoints./verify[0].do[0].call.to", "cycle checkout /pay -> checkout /verify -> checkout /pay"},
      {"offload-in-with-on-thread-pool.yaml", 18, "services.checkout.endpoints./pay[1].do[0].offload", "it needs runtime {model: event-loop}"},
      {"offload-in-idempotent-on-goroutines.yaml", 19, "services.checkout.endpoints./pay[0].idempotent.do[1].offload", "it needs runtime {model: event-loop}"},
      {"unknown-client-target.yaml", 5, "clients.shoppers.target", "no service named 'billing'; services: checkout"},
      {"malformed-client-target.yaml", 5, "clients.shoppers.target", "expected '<service> <endpoint>'"},
      {"variant-unknown-service.yaml", 23, "variants.fixed.services.checkot", "does not define; services: checkout"},
      {"variant-unknown-endpoint.yaml", 25, "variants.fixed.services.checkout.endpoints./payy", "endpoint '/payy'"},
      {"variant-changes-name.yaml", 22, "variants.fixed.name", "a variant cannot change 'name'"},
      {"variant-introduces-problem.yaml", 24, "dependencies.provider.latency.mean", "(in variant 'slow')"},
      {"missing-name.yaml", 1, "name", "missing required key 'name'"},
      {"missing-client-target.yaml", 4, "clients.shoppers.target", "missing required key 'target'"},
      {"bad-distribution-kind.yaml", 17, "dependencies.provider.latency.dist", "allowed: constant, uniform, exponential"},
      {"lognormal-mixed-forms.yaml", 17, "dependencies.provider.latency.sigma", "either as median + p99 or as mu + sigma"},
      {"uniform-min-above-max.yaml", 13, "services.checkout.endpoints./pay[0].cpu.max", "must be at least min (5ms)"},
      {"empirical-decreasing.yaml", 19, "dependencies.provider.latency.percentiles.p90", "p90 (20ms) must not be below p50 (30ms)"},
      {"error-rate-out-of-range.yaml", 18, "dependencies.provider.errorRate", "between 0 and 1"},
      {"warmup-too-long.yaml", 3, "warmup", "shorter than the run's duration 180s"},
      {"arrivals-and-users.yaml", 7, "clients.shoppers.users", "either arrivals (open loop) or users (closed loop)"},
      {"runtime-not-a-map.yaml", 10, "services.checkout.runtime", "expected a runtime such as {model: goroutines}"},
      {"unknown-runtime-model.yaml", 10, "services.checkout.runtime.model", "allowed: goroutines, thread-pool"},
      {"step-with-two-kinds.yaml", 13, "services.checkout.endpoints./pay[0].io", "a step has exactly one of cpu, io, call"},
      {"timeout-bad-word.yaml", 7, "clients.shoppers.timeout", "or write none for no timeout"},
      {"fault-without-effect.yaml", 19, "dependencies.provider.faults[0].mode", "missing the fault's effect"},
      {"spike-after-run.yaml", 10, "clients.shoppers.arrivals.phases[1].spike.at", "must be within the run [0s, 180s)"},
      {"malformed-yaml.yaml", 7, "", "YAML syntax error"},
      {"tab-indentation.yaml", 7, "", "TAB"},
      {"multiple-documents.yaml", 21, "", "one document"},
      {"trailing-comma.json", 35, "", "trailing comma"},
      {"duplicate-key.json", 4, "duration", "duplicate key 'duration'"},
      {"wrong-type-seed.json", 4, "seed", "expected a whole number, got the string 'seven'"},
      {"empty.yaml", 0, "", "the file is empty"}
  };

  static Stream<Object[]> cases() {
    return Stream.of(EXPECTED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheMistakeAtItsLineAndKey(String file, int line, String path, String fragment) {
    Path p = DIR.resolve(file);
    assertThatThrownBy(() -> new ScenarioReader().read(p))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e -> {
              assertThat(e.problems())
                  .as("problems of %s", file)
                  .anySatisfy(
                      problem -> {
                        assertThat(problem.file()).isEqualTo(p.toString());
                        assertThat(problem.line()).isEqualTo(line);
                        assertThat(problem.path()).isEqualTo(path);
                        assertThat(problem.message()).contains(fragment);
                        String prefix = line > 0 ? p + ":" + line + ":" : p + ": ";
                        assertThat(problem.format()).startsWith(prefix).contains(fragment);
                      });
              assertThat(e.problems()).as("no stack trace or Java names leak into messages")
                  .noneMatch(pr -> pr.message().contains("Exception") || pr.message().contains("at org."));
            });
  }

  @Test
  void everyInvalidFileHasAnExpectationAndThereAreAtLeast25() throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
    }
    List<String> expected =
        Stream.of(EXPECTED).map(r -> (String) r[0]).sorted().collect(Collectors.toList());
    assertThat(files).isEqualTo(expected);
    assertThat(files).hasSizeGreaterThanOrEqualTo(25);
  }

  @Test
  void eachSingleMistakeFileReportsOnlyThatMistake() {
    for (Object[] row : EXPECTED) {
      Path p = DIR.resolve((String) row[0]);
      assertThatThrownBy(() -> new ScenarioReader().read(p))
          .as("%s is refused", row[0])
          .isInstanceOfSatisfying(
              ScenarioException.class, e -> assertThat(e.problems()).as("problems of %s", row[0]).hasSize(1));
    }
  }
}
