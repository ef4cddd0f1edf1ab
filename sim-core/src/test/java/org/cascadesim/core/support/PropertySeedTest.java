package org.cascadesim.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which seed a jqwik property gets from {@code -DpropertySeed} and its own annotation. */
class PropertySeedTest {

  @Test
  void withoutTheSystemPropertyEveryPropertyGetsTheFixedSeed() {
    assertThat(PropertySeed.seedFor(null, Optional.empty())).contains("4242");
    assertThat(PropertySeed.seedFor("", Optional.empty())).contains("4242");
    assertThat(PropertySeed.seedFor(null, Optional.of(""))).contains("4242");
  }

  @Test
  void randomLeavesTheSeedToJqwik() {
    assertThat(PropertySeed.seedFor("random", Optional.empty())).isEmpty();
    assertThat(PropertySeed.seedFor(" RANDOM ", Optional.empty())).isEmpty();
  }

  @Test
  void aNumberReplaysThatSeed() {
    assertThat(PropertySeed.seedFor("-812345678901", Optional.empty())).contains("-812345678901");
  }

  @Test
  void aSeedWrittenInTheAnnotationWins() {
    assertThat(PropertySeed.seedFor(null, Optional.of("17"))).isEmpty();
    assertThat(PropertySeed.seedFor("99", Optional.of("17"))).isEmpty();
  }

  @Test
  void anythingElseIsRefusedWithTheExpectedForms() {
    assertThatThrownBy(() -> PropertySeed.seedFor("fresh", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-DpropertySeed must be a whole number or 'random' (was 'fresh')");
  }
}
