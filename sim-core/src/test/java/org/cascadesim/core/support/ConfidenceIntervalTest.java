package org.cascadesim.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The Student-t interval against a value worked from a t table. */
class ConfidenceIntervalTest {

  /** Observations 1..5: mean 3, s = sqrt(2.5), t(0.975; 4) = 2.776445, half-width 1.963217. */
  @Test
  void halfWidthUsesStudentTWithNMinusOneDegreesOfFreedom() {
    ConfidenceInterval interval = ConfidenceInterval.of(new double[] {1, 2, 3, 4, 5}, 0.95);

    assertThat(interval.mean()).isEqualTo(3.0);
    assertThat(interval.halfWidth()).isCloseTo(2.776445 * Math.sqrt(2.5) / Math.sqrt(5), within(1e-5));
    assertThat(interval.contains(4.9)).isTrue();
    assertThat(interval.contains(5.0)).isFalse();
  }

  @Test
  void needsAtLeastTwoObservations() {
    assertThatThrownBy(() -> ConfidenceInterval.of(new double[] {1}, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
