package org.cascadesim.cli.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cascadesim.models.scenario.DependencySpec;
import org.cascadesim.models.scenario.ResolvedScenario;
import org.cascadesim.models.scenario.TimelineSpec;
import org.junit.jupiter.api.Test;

/** The top-level {@code timeline:} thresholds and the dependency keys latencyPerInFlight and shedExpired. */
class TimelineAndCongestionKeysTest {

  private static final String HEAD = """
      name: t
      duration: 10s
      clients:
        c: {target: s /x, arrivals: {process: constant, rate: 1/s}}
      services:
        s:
          endpoints:
            /x: [{call: {to: d, timeout: 1s}}]
      """;

  private static ResolvedScenario read(String text) {
    return new ScenarioReader().parse("t.yaml", text, TreeParser.Format.YAML, List.of());
  }

  @Test
  void aScenarioWithoutTimelineKeepsTheDocumentedDefaults() {
    ResolvedScenario s = read(HEAD + "dependencies:\n  d: {latency: 1ms}\n");
    assertThat(s.timeline()).isEqualTo(TimelineSpec.DEFAULTS);
    assertThat(s.timeline().loopLagNanos()).isEqualTo(100_000_000L);
    assertThat(s.timeline().collapseFraction()).isEqualTo(0.5);
  }

  @Test
  void timelineKeysOverrideOnlyWhatTheyName() {
    ResolvedScenario s = read(HEAD + "dependencies:\n  d: {latency: 1ms}\n"
        + "timeline: {loopLag: 50ms, poolWaiters: 3, collapseBelow: 0.25, sustain: 5, baseline: 20s}\n");
    TimelineSpec t = s.timeline();
    assertThat(t.loopLagNanos()).isEqualTo(50_000_000L);
    assertThat(t.poolWaiters()).isEqualTo(3);
    assertThat(t.collapseFraction()).isEqualTo(0.25);
    assertThat(t.sustainWindows()).isEqualTo(5);
    assertThat(t.baselineNanos()).isEqualTo(20_000_000_000L);
    assertThat(t.recoveryFraction()).isEqualTo(TimelineSpec.DEFAULTS.recoveryFraction());
  }

  @Test
  void badTimelineKeysAreReportedWithTheirPaths() {
    assertThatThrownBy(() -> read(HEAD + "dependencies:\n  d: {latency: 1ms}\n"
        + "timeline: {loopLag: 50, collapseBelow: 1.5, poolWaitrs: 3}\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("timeline.loopLag")
        .hasMessageContaining("timeline.collapseBelow")
        .hasMessageContaining("poolWaiters");
  }

  @Test
  void aRecoveryLineNotAboveTheCollapseLineIsRefusedNamingBoth() {
    assertThatThrownBy(() -> read(HEAD + "dependencies:\n  d: {latency: 1ms}\n"
        + "timeline: {collapseBelow: 0.9, recoverAbove: 0.5}\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("timeline.recoverAbove")
        .hasMessageContaining("recoverAbove 0.5")
        .hasMessageContaining("collapseBelow 0.9");
    // The default recovery line (0.8) is not above a collapse line of 0.85 either.
    assertThatThrownBy(() -> read(HEAD + "dependencies:\n  d: {latency: 1ms}\n" + "timeline: {collapseBelow: 0.85}\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("recoverAbove 0.8 <= collapseBelow 0.85");
  }

  @Test
  void congestionKeysBindOntoTheDependency() {
    ResolvedScenario s = read(HEAD + """
        dependencies:
          d: {concurrency: 2, serviceTime: 10ms, latencyPerInFlight: 2ms, shedExpired: true}
        """);
    DependencySpec d = s.base().dependencies().get("d");
    assertThat(d.latencyPerInFlightNanos()).isEqualTo(2_000_000L);
    assertThat(d.shedExpired()).isTrue();
  }

  @Test
  void sheddingNeedsAQueue() {
    assertThatThrownBy(() -> read(HEAD + "dependencies:\n  d: {latency: 1ms, shedExpired: true}\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("dependencies.d.shedExpired");
  }
}
