package org.cascadesim.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void ratiosKeepTwoSignificantDigitsWithoutExponent() {
    assertThat(Units.ratio(1.2e6 / 3.1e9)).isEqualTo("0.00039");
    assertThat(Units.ratio(0.7)).isEqualTo("0.70");
    assertThat(Units.ratio(1)).isEqualTo("1.0");
    assertThat(Units.ratio(2.46)).isEqualTo("2.5");
    assertThat(Units.ratio(312.4)).isEqualTo("312");
    assertThat(Units.ratio(Double.NaN)).isEqualTo("-");
  }

  @Test
  void latenciesUseTheLargestReadableUnit() {
    assertThat(Units.latency(3.1e9)).isEqualTo("3.10 s");
    assertThat(Units.latency(1.2e6)).isEqualTo("1.20 ms");
    assertThat(Units.latency(233e6)).isEqualTo("233 ms");
    assertThat(Units.latency(850e3)).isEqualTo("850 us");
    assertThat(Units.latency(12)).isEqualTo("12 ns");
  }
}
