package org.cascadesim.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The registry: one metric per name, in registration order. */
class MetricRegistryTest {

  @Test
  void aNameRegisteredAsOneTypeCannotBeFetchedAsAnother() {
    MetricRegistry registry = new MetricRegistry(10);
    registry.counter("pool.size");

    assertThatThrownBy(() -> registry.gauge("pool.size", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pool.size")
        .hasMessageContaining("Counter")
        .hasMessageContaining("TimeWeightedGauge");
    assertThatThrownBy(() -> registry.latency("pool.size")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSameNameGivesTheSameMetric() {
    MetricRegistry registry = new MetricRegistry(10);

    assertThat(registry.counter("a")).isSameAs(registry.counter("a"));
    assertThat(registry.gauge("b", 0)).isSameAs(registry.gauge("b", 5));
    assertThat(registry.latency("c")).isSameAs(registry.latency("c"));
    assertThat(registry.find("a")).isInstanceOf(Counter.class);
    assertThat(registry.find("missing")).isNull();
  }

  @Test
  void namesAndDescriptionsKeepRegistrationOrder() {
    MetricRegistry registry = new MetricRegistry(10);
    registry.latency("z.latency").record(1, 7);
    registry.counter("a.count").increment(1);
    registry.gauge("m.gauge", 0).set(0, 2);

    assertThat(registry.names()).containsExactly("z.latency", "a.count", "m.gauge");
    assertThat(registry.describe(10)).containsExactly(
        "z.latency count=1 mean=7.0000000000000000 p50=7 p99=7 max=7",
        "a.count count=1",
        "m.gauge value=2 max=2 mean=2.0000000000000000");
  }
}
