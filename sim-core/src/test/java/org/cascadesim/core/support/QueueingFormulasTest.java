package org.cascadesim.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The analytic side of the theory tests, checked against values worked by hand, so that a wrong
 * formula cannot make a wrong engine look right.
 */
class QueueingFormulasTest {

  @Test
  void mm1AtRhoPointEightWaitsFourServiceTimes() {
    assertThat(QueueingFormulas.mm1MeanWait(0.8, 1.0)).isCloseTo(4.0, within(1e-12));
    assertThat(QueueingFormulas.mm1MeanQueueLength(0.8, 1.0)).isCloseTo(3.2, within(1e-12));
  }

  @Test
  void erlangCWithOneServerIsTheUtilisation() {
    assertThat(QueueingFormulas.erlangC(1, 0.8)).isCloseTo(0.8, within(1e-12));
    assertThat(QueueingFormulas.mmcMeanWait(1, 0.8, 1.0)).isCloseTo(4.0, within(1e-12));
  }

  /** C(2, 1) = (1/2 * 2) / (1 + 1 + 1) = 1/3; C(3, 2.4) = 0.6471910... (a^3/3! * 3/0.6 = 11.52). */
  @Test
  void erlangCMatchesHandComputedValues() {
    assertThat(QueueingFormulas.erlangC(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(QueueingFormulas.erlangC(3, 2.4)).isCloseTo(11.52 / (1 + 2.4 + 2.88 + 11.52), within(1e-12));
    assertThat(QueueingFormulas.mmcWaitTail(3, 2.4, 1.0, 0)).isEqualTo(QueueingFormulas.erlangC(3, 2.4));
  }

  @Test
  void pollaczekKhinchineForDeterministicServiceIsHalfTheMm1Wait() {
    assertThat(QueueingFormulas.mg1MeanWait(0.8, 1.0, 1.0)).isCloseTo(2.0, within(1e-12));
    assertThat(QueueingFormulas.mg1MeanWait(0.8, 1.0, 2.0))
        .as("exponential service, E[S^2] = 2, is M/M/1")
        .isCloseTo(QueueingFormulas.mm1MeanWait(0.8, 1.0), within(1e-12));
  }

  /** M/M/1/1 is Erlang's loss system with one server: B = a / (1 + a). */
  @Test
  void mmckBlockingMatchesHandComputedValues() {
    assertThat(QueueingFormulas.mmckBlocking(1, 1, 2.0, 1.0)).isCloseTo(2.0 / 3, within(1e-12));
    // c = 2, K = 5, a = 2: p_n proportional to 1, 2, 2, 2, 2, 2, so p_5 = 2/11.
    assertThat(QueueingFormulas.mmckBlocking(2, 5, 2.0, 1.0)).isCloseTo(2.0 / 11, within(1e-12));
  }
}
