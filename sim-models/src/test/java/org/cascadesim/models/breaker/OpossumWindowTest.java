package org.cascadesim.models.breaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.cascadesim.models.breaker.OpossumWindow.Event;
import org.junit.jupiter.api.Test;

class OpossumWindowTest {
  private static final long MS = 1_000_000L;

  @Test
  void bucketLengthIsTheWindowDividedByTheBucketCountFlooredToMilliseconds() {
    assertThat(new OpossumWindow(10_000 * MS, 10, 0).bucketNanos()).isEqualTo(1_000 * MS);
    assertThat(new OpossumWindow(10_000 * MS, 3, 0).bucketNanos()).isEqualTo(3_333 * MS);
  }

  @Test
  void eventsStayInTheWindowForBucketCountIntervalsThenDropOutWholeBuckets() {
    OpossumWindow w = new OpossumWindow(10_000 * MS, 10, 0);
    w.add(Event.FIRE, 500 * MS);
    w.add(Event.FAILURE, 1_500 * MS);
    // The first bucket [0, 1s) is current until 1s, then the oldest of ten until it is dropped at 10s.
    assertThat(w.totals(9_999 * MS).fires()).isEqualTo(1);
    assertThat(w.totals(10_000 * MS).fires()).isZero();
    assertThat(w.totals(10_000 * MS).failures()).isEqualTo(1);
    assertThat(w.totals(11_000 * MS).failures()).isZero();
  }

  @Test
  void aLongSilenceClearsEveryBucket() {
    OpossumWindow w = new OpossumWindow(10_000 * MS, 10, 0);
    w.add(Event.FIRE, 0);
    w.add(Event.SUCCESS, 0);
    assertThat(w.totals(3_600_000 * MS)).isEqualTo(new OpossumWindow.Totals(0, 0, 0, 0, 0, 0));
    w.add(Event.FIRE, 3_600_500 * MS);
    assertThat(w.totals(3_600_900 * MS).fires()).isEqualTo(1);
  }

  @Test
  void errorPercentageIsFailuresOverFiresAndInfiniteWithoutFires() {
    assertThat(new OpossumWindow.Totals(4, 2, 2, 0, 0, 0).errorPercentage()).isEqualTo(50.0);
    assertThat(new OpossumWindow.Totals(0, 0, 1, 1, 0, 0).errorPercentage()).isInfinite();
  }
}
