package org.cascadesim.models.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The saturation rule on hand-made series: growth through the run, not noise or a passing bump. */
class SaturationTest {

  @Test
  void aQueueThatRisesSteadilyGrowsThroughTheRun() {
    double[] linear = new double[40];
    for (int i = 0; i < linear.length; i++) {
      linear[i] = 3 * i;
    }
    double[] q = Saturation.quarterMeans(linear);
    assertThat(q).containsExactly(13.5, 43.5, 73.5, 103.5);
    assertThat(Saturation.grows(q, Saturation.COUNT_FLOOR)).isTrue();
  }

  @Test
  void aSteadyQueueWithNoiseDoesNotGrow() {
    // Increasing by chance, but the last quarter is far from twice the first.
    assertThat(Saturation.grows(new double[] {50, 51, 53, 55}, Saturation.COUNT_FLOOR)).isFalse();
  }

  @Test
  void aQueueThatDrainsBeforeTheEndDoesNotGrowThroughTheRun() {
    assertThat(Saturation.grows(new double[] {0, 40, 80, 20}, Saturation.COUNT_FLOOR)).isFalse();
  }

  @Test
  void aRiseBelowTheFloorIsNotReported() {
    assertThat(Saturation.grows(new double[] {0.5, 1, 2, 4}, Saturation.COUNT_FLOOR)).isFalse();
    assertThat(Saturation.grows(new double[] {0.5, 1, 2, 40}, Saturation.COUNT_FLOOR)).isTrue();
  }

  @Test
  void quartersOfAnUnevenRunAreNearlyEqual() {
    double[] q = Saturation.quarterMeans(new double[] {1, 1, 2, 2, 3, 3, 4, 4, 4});
    // Windows split 2, 2, 2, 3.
    assertThat(q).containsExactly(1, 2, 3, 4);
  }
}
