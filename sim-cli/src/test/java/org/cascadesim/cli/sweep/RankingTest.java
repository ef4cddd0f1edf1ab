package org.cascadesim.cli.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.cascadesim.cli.Main;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.core.random.SeedMixer;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.junit.jupiter.api.Test;

class RankingTest {

  private static final Path MM1_CRN = Path.of("src/test/resources/scenarios/ranking/mm1-crn.yaml");

  @Test
  void pairedDifferencesAndVarianceReductionMatchTheHandComputedValues() {
    // base 1,2,3,4 (var 5/3); variant 2,3,5,5 (mean 3.75, var 6.75/3 = 2.25); maximize:
    // differences 1,1,2,1: mean 1.25, var 0.25, t(0.975, 3) = 3.1824, half-width 3.1824 * 0.5 / 2.
    // Variance reduction (5/3 + 2.25) / 0.25 = 15.667.
    Objective maximize = Objective.parse("maximize m");
    double[][][] values = {{{1, 2, 3, 4}, {2, 3, 5, 5}}};

    Ranking.Result result = Ranking.rank(maximize, List.of("base", "fix"), List.of("m"), values, null, 4, 1);

    assertThat(result.ranked()).extracting(Ranking.Entry::variant).containsExactly("fix", "base");
    Ranking.Entry fix = result.entry("fix");
    assertThat(fix.improvement().mean()).isEqualTo(1.25);
    assertThat(fix.improvement().halfWidth()).isCloseTo(3.1824 * 0.5 / 2, offset(1e-4));
    assertThat(fix.relativeImprovement()).isEqualTo(1.25 / 2.5);
    assertThat(fix.varianceReduction()).isCloseTo((5.0 / 3 + 2.25) / 0.25, offset(1e-9));
    assertThat(fix.surelyBetter()).isTrue();

    // Minimizing the same numbers makes the variant worse by the same amount.
    Ranking.Result min = Ranking.rank(Objective.parse("minimize m"), List.of("base", "fix"), List.of("m"), values, null, 4, 1);
    assertThat(min.ranked()).extracting(Ranking.Entry::variant).containsExactly("base", "fix");
    assertThat(min.entry("fix").improvement().mean()).isEqualTo(-1.25);
    assertThat(min.entry("fix").surelyWorse()).isTrue();
  }

  @Test
  void aConstraintBrokenOnTheMeanLeavesTheVariantUnranked() {
    Objective o = Objective.parse("maximize m subject to ok >= 0.5");
    double[][][] values = {{{1, 2}, {5, 6}}, {{1, 1}, {0, 0}}};

    Ranking.Result result = Ranking.rank(o, List.of("base", "fix"), List.of("m", "ok"), values, null, 2, 1);

    assertThat(result.ranked()).extracting(Ranking.Entry::variant).containsExactly("base", "fix");
    assertThat(result.entry("fix").feasible()).isFalse();
  }

  @Test
  void aVariantWithoutAnyObjectiveValueGetsNoRankAndComesLast() {
    // "silent" answered nothing in both replications (its objective is NaN, n = 0); no constraint.
    double[][][] values = {{{1, 2}, {Double.NaN, Double.NaN}, {3, 4}}};

    Ranking.Result result = Ranking.rank(Objective.parse("maximize m"), List.of("base", "silent", "fix"),
        List.of("m"), values, null, 2, 1);

    assertThat(result.ranked()).extracting(Ranking.Entry::variant).containsExactly("fix", "base", "silent");
    assertThat(result.entry("silent").objective().n()).isZero();
    assertThat(result.entry("silent").ranked()).isFalse();
    assertThat(Ranking.format(result).lines().filter(l -> l.matches("  \\S+ +(fix|base|silent) .*"))
        .map(l -> l.strip().split(" +")[0] + " " + l.strip().split(" +")[1]))
        .containsExactly("1 fix", "2 base", "- silent");
    assertThat(Ranking.format(result)).contains("'-': not ranked:");
  }

  @Test
  void seedsComeFromScenarioSeedAndReplicationOnly() {
    assertThat(Ranking.seed(7, 3)).isEqualTo(SeedMixer.derive(7, 3));
    assertThat(Ranking.independentSeed(7, 3, 1)).isNotEqualTo(Ranking.independentSeed(7, 3, 2))
        .isNotEqualTo(Ranking.seed(7, 3));
  }

  /**
   * M/M/1 at 50/s (mm1-crn.yaml): mean service 10 ms gives W = 20 ms, 9 ms gives 16.36 ms, 11 ms
   * gives 24.44 ms. The truly quicker variant ranks first with a paired interval above zero, the
   * slower one last with an interval below zero, and CRN shrinks the variance of the difference:
   * both systems see the same arrivals and the same service-time quantiles, so their mean waits
   * move together.
   */
  @Test
  void aTrulyBetterVariantRanksFirstWithAnIntervalExcludingZeroAndCrnReducesVariance() throws Exception {
    ResolvedScenario scenario = new ScenarioReader().read(MM1_CRN, List.of());
    Ranking.Result result = Ranking.run(scenario, List.of("base", "quicker", "slower"),
        Objective.parse("minimize client.load.avg_ms"), 10, scenario.base().seed(), 2, true);

    assertThat(result.ranked()).extracting(Ranking.Entry::variant).containsExactly("quicker", "base", "slower");
    Ranking.Entry quicker = result.entry("quicker");
    assertThat(quicker.surelyBetter()).isTrue();
    assertThat(quicker.improvement().low()).isPositive();
    assertThat(quicker.improvement().mean()).isBetween(20 - 16.36 - 1.5, 20 - 16.36 + 1.5);
    assertThat(result.entry("slower").surelyWorse()).isTrue();
    assertThat(result.entry("slower").improvement().mean()).isBetween(-(24.44 - 20) - 2, -(24.44 - 20) + 2);
    for (String v : List.of("quicker", "slower")) {
      assertThat(result.entry(v).varianceReduction()).as(v + " estimated").isGreaterThan(2);
      assertThat(result.entry(v).measuredVarianceReduction()).as(v + " measured").isGreaterThan(2);
    }
  }

  @Test
  void rankingDoesNotDependOnTheNumberOfThreads() throws Exception {
    ResolvedScenario scenario = new ScenarioReader().read(MM1_CRN, List.of("duration=5s", "warmup=1s"));
    Objective o = Objective.parse("minimize client.load.p99_ms");
    String one = Ranking.format(Ranking.run(scenario, List.of("base", "quicker"), o, 4, 7, 1, false));
    String three = Ranking.format(Ranking.run(scenario, List.of("base", "quicker"), o, 4, 7, 3, false));

    assertThat(three).isEqualTo(one);
  }

  @Test
  void compareObjectivePrintsTheRankingAndAnUnknownMetricIsAUsageError() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"compare", MM1_CRN.toString(), "--set", "duration=5s", "--set", "warmup=1s",
        "--objective", "minimize client.load.avg_ms", "--replications", "3", "--no-output"},
        new PrintWriter(out), new PrintWriter(err));

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("ranking: minimize client.load.avg_ms over 3 replications")
        .contains("CRN variance reduction");

    StringWriter err2 = new StringWriter();
    int bad = Main.execute(new String[] {"compare", MM1_CRN.toString(), "--set", "duration=3s", "--set", "warmup=1s",
        "--objective", "maximize client.nope.goodput_per_s", "--replications", "2", "--no-output"},
        new PrintWriter(new StringWriter()), new PrintWriter(err2));
    assertThat(bad).isEqualTo(2);
    assertThat(err2.toString()).contains("no metric named 'client.nope.goodput_per_s'");
  }
}
