package org.cascadesim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.io.TreeParser;
import org.cascadesim.models.breaker.BreakerState;
import org.cascadesim.models.breaker.Transition;
import org.cascadesim.models.run.RetryReport;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.ScenarioRunner;
import org.cascadesim.models.run.Timeline;
import org.cascadesim.models.run.Timeline.Kind;
import org.cascadesim.models.run.Timeline.Moment;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;

/**
 * The cascade timeline at the edges of a run on small inline scenarios: a warm-up or a duration
 * that is not a whole number of seconds, a breaker that opened during the warm-up, the in-flight
 * count at the end, and the retry layer's books after a warm-up.
 */
class TimelineEdgeScenarioTest {
  private static final long S = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  private record Outcome(RunSummary run, Timeline timeline) {}

  private static Outcome run(String yaml) {
    ResolvedScenario s = new ScenarioReader().parse("t.yaml", yaml, TreeParser.Format.YAML, List.of());
    ScenarioSpec spec = s.base();
    RunSummary run = ScenarioRunner.run(spec, "base", spec.seed());
    return new Outcome(run, Timeline.of(run, s.timeline()));
  }

  private static List<Moment> moments(Timeline timeline, Kind kind) {
    return timeline.moments().stream().filter(m -> m.kind() == kind).toList();
  }

  /** A charging dependency behind a retrying client; the fault makes the attempt sent at {@code faultFrom} time out. */
  private static String charging(String warmup, String rate, String timeout, String faultFrom, String faultTo,
      String faultLatency) {
    return """
        name: t
        seed: 1
        duration: 20s
        warmup: %s
        clients:
          c:
            target: s /x
            arrivals: {process: constant, rate: %s}
            timeout: %s
            idempotencyKey: per-request
            retry: {maxAttempts: 2, backoff: {kind: none}}
        services:
          s:
            runtime: {model: goroutines}
            endpoints:
              /x:
                - call: prov
        dependencies:
          prov:
            latency: 10ms
            sideEffect: charge
            faults:
              - {from: %s, to: %s, latency: %s}
        """.formatted(warmup, rate, timeout, faultFrom, faultTo, faultLatency);
  }

  /** A client sending 10 a second without timeout or retries to a 10 ms dependency with {@code faults}. */
  private static String steady(String top, String faults) {
    return "name: t\nseed: 1\n" + top + """
        clients:
          c: {target: s /x, arrivals: {process: constant, rate: 10/s}}
        services:
          s:
            runtime: {model: goroutines}
            endpoints:
              /x: [{call: prov}]
        dependencies:
          prov: {latency: 10ms, faults: %s}
        """.formatted(faults);
  }

  @Test
  void theSecondHoldingTheEndOfAFractionalWarmupIsChecked() {
    // The request sent at 2.5 s takes 250 ms; its attempt times out at 2.6 s and the retry charges
    // again, so the first charge at 2.75 s is a duplicate, after the warm-up, inside second 2.
    Outcome o = run(charging("2500ms", "2/s", "100ms", "2500ms", "2600ms", "250ms"));
    assertThat(o.run().retries().duplicateEffects()).isEqualTo(1);
    List<Moment> duplicates = moments(o.timeline(), Kind.DUPLICATE_EFFECTS);
    assertThat(duplicates).hasSize(1);
    // Dated at the end of the warm-up, not at the start of a second that began inside it.
    assertThat(duplicates.get(0).atNanos()).isEqualTo(2500 * MS);
  }

  @Test
  void aPartialLastSecondAtTheSteadyRateIsNoCollapse() {
    Outcome o = run(steady("duration: 30300ms\ntimeline: {sustain: 1}\n", "[]"));
    double[] ok = o.run().timeSeries().values("client.c.outcome.ok");
    // 31 windows, the last one 300 ms long with 3 answers: the rate of the other 30.
    assertThat(ok).hasSize(31);
    assertThat(ok[30]).isEqualTo(3);
    assertThat(moments(o.timeline(), Kind.GOODPUT_COLLAPSE)).isEmpty();
  }

  @Test
  void aBreakerThatOpenedDuringTheWarmupStillShowsItsClosing() {
    Outcome o = run("""
        name: t
        seed: 1
        duration: 30s
        warmup: 3s
        clients:
          c: {target: s /x, arrivals: {process: constant, rate: 10/s}}
        services:
          s:
            runtime: {model: goroutines}
            breakers:
              b: {kind: opossum, errorThresholdPercentage: 50, resetTimeout: 3s}
            endpoints:
              /x:
                - call: {to: prov, breaker: b}
        dependencies:
          prov:
            latency: 10ms
            faults:
              - {from: 500ms, to: 4s, errorRate: 1}
        """);
    List<Transition> transitions = o.run().breakers().get(0).transitions();
    assertThat(transitions.get(0).to()).isEqualTo(BreakerState.OPEN);
    assertThat(transitions.get(0).atNanos()).isLessThan(3 * S);
    Transition closing = transitions.stream()
        .filter(t -> t.to() == BreakerState.CLOSED && t.atNanos() >= 3 * S).findFirst().orElseThrow();
    List<Moment> closed = moments(o.timeline(), Kind.BREAKER_CLOSED);
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).atNanos()).isEqualTo(closing.atNanos());
    assertThat(moments(o.timeline(), Kind.BREAKER_OPEN)).isEmpty();
  }

  @Test
  void inFlightGrowthNamesTheCountInFlightAtTheEnd() {
    Outcome o = run(steady("duration: 30s\n", "[{from: 10s, to: 30s, latency: 1000s}]"));
    long inFlight = o.run().clients().get(0).inFlight();
    // Every request from 10 s on hangs: 20 s at 10/s.
    assertThat(inFlight).isEqualTo(200);
    Moment growth = moments(o.timeline(), Kind.INFLIGHT_GROWTH).stream()
        .filter(m -> m.subject().equals("client c")).findFirst().orElseThrow();
    assertThat(growth.detail()).endsWith(", 200 at the end)");
  }

  @Test
  void afterAWarmupTheRetryLayerCountsRequestsInFlightLikeItsClient() {
    // The request sent at 2 s takes 1 s: it is in flight at the end of the 2.5 s warm-up.
    Outcome o = run(charging("2500ms", "1/s", "800ms", "2s", "2100ms", "1s"));
    long offered = o.run().clients().get(0).offered();
    // Requests at 3, 4, ..., 19 s (17) plus the one in flight at 2.5 s.
    assertThat(offered).isEqualTo(18);
    RetryReport.Layer layer = o.run().retries().layers().get(0);
    assertThat(layer.requests()).isEqualTo(offered);
  }
}
