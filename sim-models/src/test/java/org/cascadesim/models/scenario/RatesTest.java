package org.cascadesim.models.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatesTest {

  @ParameterizedTest
  @CsvSource({"20/s, 20.0", "0.5/s, 0.5", "1200/min, 20.0", "3/ms, 3000.0", "0/s, 0.0"})
  void parsesRatesToEventsPerSecond(String text, double perSecond) {
    assertThat(Rates.parsePerSecond(text)).isEqualTo(perSecond);
  }

  @Test
  void parsesHourlyRatesToTheNearestDouble() {
    assertThat(Rates.parsePerSecond("100/h")).isCloseTo(100.0 / 3600.0, within(1e-15));
  }

  @Test
  void rejectsRateWithoutUnit() {
    assertThatThrownBy(() -> Rates.parsePerSecond("20"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no unit")
        .hasMessageContaining("e.g. 20/s");
  }

  @Test
  void rejectsUnknownRateUnit() {
    assertThatThrownBy(() -> Rates.parsePerSecond("20/sec"))
        .hasMessageContaining("unknown unit '/sec'")
        .hasMessageContaining("/ms, /s, /min, /h");
  }

  @Test
  void rejectsNegativeRates() {
    assertThatThrownBy(() -> Rates.parsePerSecond("-5/s")).hasMessageContaining("negative");
  }

  @Test
  void rejectsTextThatIsNotARate() {
    assertThatThrownBy(() -> Rates.parsePerSecond("fast")).hasMessageContaining("is not a rate");
  }

  @Test
  void formatsRatesPerSecond() {
    assertThat(Rates.format(20.0)).isEqualTo("20/s");
    assertThat(Rates.format(0.5)).isEqualTo("0.5/s");
  }
}
