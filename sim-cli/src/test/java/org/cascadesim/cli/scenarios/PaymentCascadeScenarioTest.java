package org.cascadesim.cli.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.report.Ranking;
import org.cascadesim.models.run.NetGoodput;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.run.Timeline;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.junit.jupiter.api.Test;

/**
 * scenarios/payment-cascade.yaml (the seed's four snippets composed): the base never recovers
 * from the provider's hang, its cascade timeline runs from duplicate charges through pool waiters
 * to unbounded in-flight growth; the deadlines of pool-timeouts rank first, and the breaker
 * timeout alone no longer rescues it, because its fast failures queue on the gateway's saturated
 * event loop like every other callback.
 */
class PaymentCascadeScenarioTest {

  private static final Path FILE = Path.of("..", "scenarios", "payment-cascade.yaml");
  private static final ResolvedScenario SCENARIO = new ScenarioReader().read(FILE);

  private static RunSummary run(String variant) {
    return ScenarioRunner.run(SCENARIO.spec(variant), variant, SCENARIO.base().seed());
  }

  @Test
  void theBaseCascadesFromSlowChargesToAStalledService() {
    RunSummary base = run("base");
    List<Timeline.Kind> kinds = new ArrayList<>();
    for (Timeline.Moment m : Timeline.of(base, SCENARIO.timeline()).moments()) {
      kinds.add(m.kind());
    }
    // The slow phase starts at 20 s, the hang at 40 s: attempts time out, their retries charge
    // again, and only then does the service stall.
    assertThat(kinds).startsWith(Timeline.Kind.CLIENT_TIMEOUTS, Timeline.Kind.DUPLICATE_EFFECTS);
    assertThat(kinds).contains(Timeline.Kind.POOL_WAITERS, Timeline.Kind.LOOP_LAG, Timeline.Kind.GOODPUT_COLLAPSE,
        Timeline.Kind.INFLIGHT_GROWTH);
    // The blind breaker never opens, and 50 hung calls hold the pool for good: no recovery.
    assertThat(kinds).doesNotContain(Timeline.Kind.BREAKER_OPEN, Timeline.Kind.GOODPUT_RECOVERY);
    double[] ok = base.timeSeries().values("client.mobile.outcome.ok");
    assertThat(ok[ok.length - 1]).isZero();
  }

  @Test
  void theDeadlinesRankFirstAndEverySingleFixButOffloadAndTheBreakerTimeoutBeatsTheBase() {
    List<RunSummary> runs = new ArrayList<>();
    for (String v : List.of("base", "offload-verify", "pool-timeouts", "atomic-claim", "breaker-timeout")) {
      runs.add(run(v));
    }
    String ranking = Ranking.format(runs);
    assertThat(ranking.lines().skip(3).findFirst().orElseThrow()).contains("pool-timeouts");
    double base = NetGoodput.of(runs.get(0)).value();
    assertThat(NetGoodput.of(runs.get(2)).value()).isGreaterThan(base + 5);
    assertThat(NetGoodput.of(runs.get(3)).value()).isGreaterThanOrEqualTo(base);
    // atomic-claim removes every duplicate charge of the base.
    assertThat(runs.get(3).retries().duplicateEffects()).isZero();
    assertThat(runs.get(0).retries().duplicateEffects()).isPositive();
  }

  @Test
  void theBreakerTimeoutOpensTheBreakerButItsShortCircuitsQueueOnTheSaturatedLoopAndNeverRecover() {
    RunSummary base = run("base");
    RunSummary breaker = run("breaker-timeout");
    List<Timeline.Kind> kinds = new ArrayList<>();
    for (Timeline.Moment m : Timeline.of(breaker, SCENARIO.timeline()).moments()) {
      kinds.add(m.kind());
    }
    // The breaker sees the hang and opens, but the retry storm of 41 to 48 s has already filled the
    // gateway's loop: each short-circuit waits its turn behind seconds of queued token checks, the
    // client's 2 s attempt times out first and retries, and the loop never drains.
    assertThat(kinds).contains(Timeline.Kind.BREAKER_OPEN, Timeline.Kind.BREAKER_CLOSED, Timeline.Kind.LOOP_LAG);
    assertThat(kinds).doesNotContain(Timeline.Kind.GOODPUT_RECOVERY);
    double[] ok = breaker.timeSeries().values("client.mobile.outcome.ok");
    assertThat(ok[ok.length - 1]).isZero();
    assertThat(NetGoodput.of(breaker).value()).isLessThan(NetGoodput.of(base).value() + 1);
  }
}
