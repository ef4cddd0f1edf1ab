package org.cascadesim.models.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cascadesim.core.random.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ArrivalProcessTest {

  private static final long S = 1_000_000_000L;

  private static long[] countPerSecond(ArrivalProcess process, int seconds, long seed) {
    RandomStream r = new RandomStream("arrivals", seed);
    long[] counts = new long[seconds];
    long t = process.next(0, r);
    while (t < seconds * S) {
      counts[(int) (t / S)]++;
      t = process.next(t, r);
    }
    return counts;
  }

  private static long sum(long[] a, int from, int to) {
    long total = 0;
    for (int i = from; i < to; i++) {
      total += a[i];
    }
    return total;
  }

  @Test
  void profileFollowsStepsRampsAndSpikes() {
    // 0-100 s at 50/s, ramp 50 -> 150/s over 100-200 s (mean 100/s), spike of 400/s at 50-60 s.
    ArrivalProcess.Profile profile = new ArrivalProcess.Profile(
        List.of(new ArrivalProcess.Profile.Segment(0, 100 * S, 50, 50),
            new ArrivalProcess.Profile.Segment(100 * S, 200 * S, 50, 150)),
        List.of(new ArrivalProcess.Profile.Segment(50 * S, 60 * S, 400, 400)));

    long[] counts = countPerSecond(profile, 200, 7);

    // Poisson counts: expected N, standard deviation sqrt(N); allow 4 standard deviations.
    assertThat(sum(counts, 0, 50)).isCloseTo(2_500, org.assertj.core.data.Offset.offset(200L));
    assertThat(sum(counts, 50, 60)).isCloseTo(4_000, org.assertj.core.data.Offset.offset(253L));
    assertThat(sum(counts, 60, 100)).isCloseTo(2_000, org.assertj.core.data.Offset.offset(179L));
    assertThat(sum(counts, 100, 150)).isCloseTo(3_750, org.assertj.core.data.Offset.offset(245L));
    assertThat(sum(counts, 150, 200)).isCloseTo(6_250, org.assertj.core.data.Offset.offset(316L));
  }

  @Test
  // A guard, not a measurement: the regression it pins drew about a trillion candidates (hours),
  // the fix takes microseconds. SEPARATE_THREAD makes a hang fail instead of blocking the build.
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aHugeSpikeFarFromAZeroRateDoesNotCostWorkPerRejectedCandidate() {
    // Found by the scenario fuzzer: thinning at the global peak rate (1e12/s) through a long
    // zero-rate stretch drew about a trillion candidates for one arrival. Piecewise thinning skips
    // the zero-rate piece at once.
    ArrivalProcess.Profile profile = new ArrivalProcess.Profile(
        List.of(new ArrivalProcess.Profile.Segment(0, 100 * S, 0, 0),
            new ArrivalProcess.Profile.Segment(100 * S, 200 * S, 1, 1)),
        List.of(new ArrivalProcess.Profile.Segment(150 * S, 150 * S + 1000, 1e12, 1e12)));
    RandomStream r = new RandomStream("arrivals", 3);

    long first = profile.next(0, r);

    assertThat(first).isGreaterThanOrEqualTo(100 * S).isLessThan(200 * S);
  }

  @Test
  void profileEndsAfterItsLastWindow() {
    ArrivalProcess.Profile profile = new ArrivalProcess.Profile(
        List.of(new ArrivalProcess.Profile.Segment(0, S, 10, 10)), List.of());

    assertThat(profile.next(S, new RandomStream("a", 1))).isEqualTo(Long.MAX_VALUE);
  }
}
