package org.cascadesim.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gauges are found by their mean/max column pair and grouped by component, whatever their names. */
class GaugeColumnsTest {

  private static final List<String> COLUMNS = List.of(
      "client.shoppers.offered", "client.shoppers.outcome.ok",
      "client.shoppers.inflight.mean", "client.shoppers.inflight.max",
      "client.shoppers.latency.count", "client.shoppers.latency.p50", "client.shoppers.latency.p99",
      "client.shoppers.latency.max",
      "endpoint.checkout /v1.2/pay.inflight.mean", "endpoint.checkout /v1.2/pay.inflight.max",
      "service.checkout.workers.busy.mean", "service.checkout.workers.busy.max",
      "service.checkout.queue.mean", "service.checkout.queue.max",
      "service.checkout.wait.count", "service.checkout.wait.max",
      "breaker.provider.state.mean", "breaker.provider.state.max",
      "pool.db.loopLagNanos.mean", "pool.db.loopLagNanos.max",
      "orphan.mean");

  private static final List<String> KNOWN = List.of(
      "client.shoppers", "endpoint.checkout /v1.2/pay", "service.checkout");

  @Test
  void aComponentsWaitTimesArePanelsOfTheirP99AndMaxInMillisecondsButRequestLatenciesAreNot() {
    List<String> columns = List.of(
        "service.api.loop.busy.mean", "service.api.loop.busy.max",
        "service.api.loop.lag.count", "service.api.loop.lag.p50", "service.api.loop.lag.p99", "service.api.loop.lag.max",
        "client.c.latency.count", "client.c.latency.p50", "client.c.latency.p99", "client.c.latency.max",
        "endpoint.api /x.latency.ok.p99", "endpoint.api /x.latency.ok.max");
    Map<String, List<GaugeColumns.Gauge>> groups =
        GaugeColumns.byComponent(columns, List.of("service.api", "client.c", "endpoint.api /x"));

    assertThat(groups.keySet()).containsExactly("service.api");
    GaugeColumns.Gauge lag = groups.get("service.api").get(1);
    assertThat(lag.shortName()).isEqualTo("loop.lag");
    assertThat(lag.meanColumn()).isEqualTo("service.api.loop.lag.p99");
    assertThat(lag.maxColumn()).isEqualTo("service.api.loop.lag.max");
    assertThat(GaugeColumns.unitOf(lag).label()).isEqualTo("ms");
    assertThat(GaugeColumns.unitOf(lag).factor()).isEqualTo(1e-6);
    assertThat(groups.get("service.api").get(0).waitTime()).isFalse();
  }

  @Test
  void gaugesAreMeanAndMaxPairsGroupedByTheirComponent() {
    Map<String, List<GaugeColumns.Gauge>> groups = GaugeColumns.byComponent(COLUMNS, KNOWN);

    assertThat(groups.keySet()).containsExactly(
        "client.shoppers", "endpoint.checkout /v1.2/pay", "service.checkout", "breaker.provider", "pool.db");
    // The latency's .max column has no .mean partner, so it is not a gauge; neither is a lone .mean.
    assertThat(groups.get("client.shoppers")).extracting(GaugeColumns.Gauge::shortName).containsExactly("inflight");
    // The endpoint name holds dots; the known prefix keeps it whole.
    assertThat(groups.get("endpoint.checkout /v1.2/pay")).extracting(GaugeColumns.Gauge::shortName)
        .containsExactly("inflight");
    assertThat(groups.get("service.checkout")).extracting(GaugeColumns.Gauge::shortName)
        .containsExactly("workers.busy", "queue");
    // A component the charts have never heard of still gets its gauges.
    assertThat(groups.get("breaker.provider")).extracting(GaugeColumns.Gauge::metric)
        .containsExactly("breaker.provider.state");
  }

  @Test
  void componentsAreOrderedTheWayARequestMeetsThem() {
    assertThat(GaugeColumns.outsideIn(List.of(
        "dependency.db", "pool.db", "endpoint.a /x", "service.a", "client.c", "service.b")))
        .containsExactly("client.c", "service.a", "service.b", "endpoint.a /x", "dependency.db", "pool.db");
  }

  @Test
  void unitsFollowTheGaugeName() {
    assertThat(GaugeColumns.unitOf("loopLagNanos")).isEqualTo(new GaugeColumns.Unit("ms", 1e-6));
    assertThat(GaugeColumns.unitOf("state")).isEqualTo(new GaugeColumns.Unit("state code", 1));
    assertThat(GaugeColumns.unitOf("queue")).isEqualTo(new GaugeColumns.Unit("count", 1));
    assertThat(GaugeColumns.display("service.checkout")).isEqualTo("service checkout");
  }
}
