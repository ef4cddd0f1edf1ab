package org.cascadesim.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.junit.jupiter.api.Test;

/** A run shown with progress (cut into slices of simulated time) gives the same bytes as one without. */
class RunInSlicesTest {

  @Test
  void progressChangesNothingInTheResultAndReportsTimeUpToTheEnd() throws Exception {
    for (String file : List.of("../scenarios/quickstart.yaml", "../scenarios/payment-cascade.yaml")) {
      ResolvedScenario scenario = new ScenarioReader().read(Path.of(file));
      for (String variant : scenario.variants().keySet()) {
        long seed = scenario.base().seed();
        List<Long> reported = new ArrayList<>();
        RunSummary plain = ScenarioRunner.run(scenario.spec(variant), variant, seed);
        RunSummary sliced = ScenarioRunner.run(scenario.spec(variant), variant, seed, reported::add);

        assertThat(SummaryJson.format(scenario, List.of(sliced)))
            .as("%s %s", file, variant).isEqualTo(SummaryJson.format(scenario, List.of(plain)));
        assertThat(sliced.stop()).isEqualTo(plain.stop());
        assertThat(reported).hasSize(100).isSorted();
        assertThat(reported.get(99)).isEqualTo(scenario.spec(variant).durationNanos());
      }
    }
  }

  @Test
  void aRunStoppedByALimitReportsProgressOnlyUpToTheStop() throws Exception {
    ResolvedScenario scenario = new ScenarioReader().read(Path.of("../scenarios/breaker-no-timeout.yaml"),
        List.of("limits.maxInFlight=500"));
    List<Long> reported = new ArrayList<>();
    RunSummary plain = ScenarioRunner.run(scenario.base(), "base", 4);
    RunSummary sliced = ScenarioRunner.run(scenario.base(), "base", 4, reported::add);

    assertThat(plain.stop().hitLimit()).isTrue();
    assertThat(sliced.stop()).isEqualTo(plain.stop());
    assertThat(reported.get(reported.size() - 1)).isEqualTo(plain.stop().timeNanos());
    assertThat(reported.size()).isLessThan(100);
  }
}
