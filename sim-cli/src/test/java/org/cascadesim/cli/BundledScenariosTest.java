package org.cascadesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled scenario, every variant: it runs, its books balance, and it is deterministic. */
class BundledScenariosTest {

  static Stream<Arguments> variants() throws IOException {
    List<Arguments> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("..", "scenarios"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        ResolvedScenario scenario = new ScenarioReader().read(file);
        all.add(Arguments.of(file.getFileName().toString(), "base"));
        for (String variant : scenario.variants().keySet()) {
          all.add(Arguments.of(file.getFileName().toString(), variant));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("variants")
  void bundledVariantRunsConservesRequestsAndIsDeterministic(String file, String variant) {
    ScenarioSpec spec = new ScenarioReader().read(Path.of("..", "scenarios", file)).spec(variant);

    RunSummary first = ScenarioRunner.run(spec, variant, spec.seed());
    RunSummary second = ScenarioRunner.run(spec, variant, spec.seed());

    for (List<TrafficSummary> books : List.of(first.clients(), first.endpoints(), first.dependencies())) {
      for (TrafficSummary t : books) {
        assertThat(t.balances()).as("%s %s: offered %d = answered %d + in flight %d",
            t.kind(), t.name(), t.offered(), t.answered(), t.inFlight()).isTrue();
      }
    }
    assertThat(first.clients()).allSatisfy(c -> assertThat(c.offered()).isPositive());
    assertThat(second.stop()).isEqualTo(first.stop());
    assertThat(second.clients()).isEqualTo(first.clients());
    assertThat(second.endpoints()).isEqualTo(first.endpoints());
    assertThat(second.timeSeries().columns()).isEqualTo(first.timeSeries().columns());
    assertThat(second.timeSeries().rows().toArray(new double[0][]))
        .isDeepEqualTo(first.timeSeries().rows().toArray(new double[0][]));
  }
}
