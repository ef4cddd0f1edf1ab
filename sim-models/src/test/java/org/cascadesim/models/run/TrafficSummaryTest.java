package org.cascadesim.models.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.cascadesim.models.request.Outcome;
import org.junit.jupiter.api.Test;

class TrafficSummaryTest {

  private static TrafficSummary books(long offered, long ok, long error, long inFlight) {
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome, 0L);
    }
    outcomes.put(Outcome.OK, ok);
    outcomes.put(Outcome.ERROR, error);
    return new TrafficSummary("client", "app", "api /x", offered, outcomes, inFlight, new Histogram(3), new Histogram(3));
  }

  @Test
  void successRateIsOkOverAnsweredAndNoDataWhenNothingWasAnswered() {
    TrafficSummary some = books(10, 3, 1, 6);
    TrafficSummary none = books(109, 0, 0, 109);

    assertThat(some.successRate()).isEqualTo(0.75);
    assertThat(none.balances()).isTrue();
    assertThat(none.successRate()).isNaN();
  }
}
