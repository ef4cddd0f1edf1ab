package org.cascadesim.models.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "1ns, 1",
    "250us, 250000",
    "250ms, 250000000",
    "0.5ms, 500000",
    "4s, 4000000000",
    "1.5s, 1500000000",
    "0.1s, 100000000",
    "2m, 120000000000",
    "1h, 3600000000000",
    "0s, 0",
    "0.0000000015s, 2"
  })
  void parsesEveryUnitExactly(String text, long nanos) {
    assertThat(Durations.parseNanos(text)).isEqualTo(nanos);
  }

  @Test
  void convertsDecimalsWithoutFloatingPointDrift() {
    // 0.1 + 0.2 in binary floating point is 0.30000000000000004.
    assertThat(Durations.parseNanos("0.3s")).isEqualTo(300_000_000L);
    assertThat(Durations.parseNanos("1.1ms")).isEqualTo(1_100_000L);
  }

  @Test
  void rejectsDurationWithoutUnit() {
    assertThatThrownBy(() -> Durations.parseNanos("250"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no unit")
        .hasMessageContaining("e.g. 250ms");
  }

  @Test
  void rejectsUnknownUnitAndNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> Durations.parseNanos("3min"))
        .hasMessageContaining("unknown unit 'min'")
        .hasMessageContaining("ns, us, ms, s, m, h");
    assertThatThrownBy(() -> Durations.parseNanos("3 s")).hasMessageContaining("with no space");
  }

  @Test
  void rejectsNegativeDurations() {
    assertThatThrownBy(() -> Durations.parseNanos("-5ms")).hasMessageContaining("negative");
  }

  @Test
  void rejectsTextThatIsNotADuration() {
    assertThatThrownBy(() -> Durations.parseNanos("soon"))
        .hasMessageContaining("is not a duration")
        .hasMessageContaining("<number><unit>");
  }

  @Test
  void rejectsValuesThatRoundToZero() {
    assertThatThrownBy(() -> Durations.parseNanos("0.1ns")).hasMessageContaining("rounds to 0ns");
  }

  @Test
  void rejectsValuesThatOverflowLongNanoseconds() {
    assertThatThrownBy(() -> Durations.parseNanos("3000000h")).hasMessageContaining("too long");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "1500, 1.5us",
    "250000000, 250ms",
    "1500000000, 1.5s",
    "180000000000, 180s",
    "3600000000000, 1h",
    "5400000000000, 90m"
  })
  void formatsTheWayPeopleWriteDurations(long nanos, String text) {
    assertThat(Durations.format(nanos)).isEqualTo(text);
  }

  @Test
  void formatThenParseRoundTrips() {
    for (long nanos : new long[] {1, 999, 1_000_001, 61_500_000_000L, 7_200_000_000_000L}) {
      assertThat(Durations.parseNanos(Durations.format(nanos))).isEqualTo(nanos);
    }
  }
}
