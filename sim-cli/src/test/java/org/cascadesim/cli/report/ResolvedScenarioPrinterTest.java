package org.cascadesim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResolvedScenarioPrinterTest {
  @TempDir Path tmp;

  private final ScenarioReader reader = new ScenarioReader();

  @ParameterizedTest
  @ValueSource(strings = {
    "../scenarios/quickstart.yaml",
    "src/test/resources/scenarios/valid/all-kinds.yaml",
    "src/test/resources/scenarios/valid/minimal.yaml",
    "src/test/resources/scenarios/valid/checkout.json",
    "src/test/resources/scenarios/valid/report-small.yaml",
  })
  void printedBaseAndVariantsReadBackAsTheSameSpec(String file) throws Exception {
    ResolvedScenario scenario = reader.read(Path.of(file));
    List<ScenarioSpec> specs = new java.util.ArrayList<>(List.of(scenario.base()));
    scenario.variants().values().forEach(v -> specs.add(v.spec()));
    for (ScenarioSpec spec : specs) {
      Path printed = tmp.resolve("printed.yaml");
      Files.writeString(printed, ResolvedScenarioPrinter.print(spec));
      // every key is printed in the scenario language, so the text is a scenario that binds to an equal spec
      assertThat(reader.read(printed).base()).isEqualTo(spec);
    }
  }

  @Test
  void printsEveryDefaultWithUnits() {
    String text = ResolvedScenarioPrinter.print(reader.read(Path.of("../scenarios/quickstart.yaml")).base());
    assertThat(text)
        .startsWith("name: quickstart\n")
        .contains("\nseed: 7\nduration: 180s\nwarmup: 10s\nlimits: {maxEvents: 100000000, maxInFlight: 1000000}\n")
        .contains("    arrivals: {process: poisson, rate: 20/s}\n    timeout: 5s\n")
        .contains("    runtime: {model: thread-pool, threads: 8, queue: unbounded}\n")
        .contains("        - cpu: 2ms\n        - call: {to: provider, timeout: none, cancelOnTimeout: false}\n")
        .contains("        - io: {dist: exponential, mean: 3ms}\n")
        .contains("    latency: {dist: lognormal, median: 80ms, p99: 400ms}\n    errorRate: 0\n")
        .contains("      - {from: 60s, to: 120s, latency: 2s}\n");
  }

  @Test
  void variantsArePrintedAsTheKeysTheyChange() {
    ResolvedScenario scenario = reader.read(Path.of("../scenarios/quickstart.yaml"));
    String text = ResolvedScenarioPrinter.print(scenario, List.of("base", "fixed"));
    assertThat(text).endsWith("variants:\n  fixed:\n    description: put a 200ms deadline on the provider call\n"
        + "    changes:\n      services.checkout.endpoints./pay[1].call.timeout: none -> 200ms\n");
  }
}
