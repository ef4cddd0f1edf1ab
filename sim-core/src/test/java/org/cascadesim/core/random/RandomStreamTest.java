package org.cascadesim.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.cascadesim.core.Simulation;
import org.junit.jupiter.api.Test;

/**
 * Named random streams: reproducible by (seed, name), independent of each other, pinned to the
 * xoshiro256** algorithm, and uniform. Statistical tests use a fixed seed and assert at the 0.1%
 * level (p > 0.001), so they are deterministic and would fail only on a real defect.
 */
class RandomStreamTest {

  private static final double ALPHA = 0.001;

  @Test
  void sameSeedAndNameGiveTheSameSequence() {
    RandomStream a = new Simulation(42L).random("client.backoff");
    RandomStream b = new Simulation(42L).random("client.backoff");

    for (int i = 0; i < 1_000; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
  }

  @Test
  void differentNamesGiveDifferentSequences() {
    Simulation sim = new Simulation(42L);
    long[] a = draw(sim.random("client.backoff"), 16);
    long[] b = draw(sim.random("client.backofg"), 16);
    long[] c = draw(new Simulation(43L).random("client.backoff"), 16);

    assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
    assertThat(a).doesNotContain(b);
  }

  @Test
  void creatingOtherStreamsInBetweenDoesNotChangeAStreamsDraws() {
    Simulation alone = new Simulation(42L);
    long[] expected = draw(alone.random("server.service"), 32);

    Simulation crowded = new Simulation(42L);
    crowded.random("client.arrivals").nextLong();
    RandomStream stream = crowded.random("server.service");
    long[] actual = new long[32];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = stream.nextLong();
      crowded.random("other." + i).nextLong();
      crowded.random("client.arrivals").nextDouble();
    }

    assertThat(actual).isEqualTo(expected);
  }

  /**
   * Golden values computed once from this implementation: if they change, every recorded run
   * changes. Do not update them; find out why the algorithm drifted.
   */
  @Test
  void firstOutputsOfAKnownSeedAndNameArePinned() {
    RandomStream stream = new Simulation(42L).random("client.backoff");

    assertThat(stream.seed()).isEqualTo(0x8a24e75df161552eL);
    assertThat(draw(stream, 4)).containsExactly(
        0x9a6741f4fe72fba6L, 0xa1ed15ed8c625b32L, 0x880de3d10df86799L, 0xe5801535f1f521b0L);
    assertThat(stream.nextDouble()).isEqualTo(0.556552878386018);
    assertThat(stream.nextInt(1000)).isEqualTo(164);
  }

  /**
   * The published xoshiro256** test vector (the first outputs of the reference xoshiro256starstar.c
   * from state {1, 2, 3, 4}, as used by rand_xoshiro's tests): 11520, 0, 1509978240,
   * 1215971899390074240, ... That state cannot be reached by seeding, so it is set by reflection.
   */
  @Test
  void nextLongReproducesThePublishedXoshiro256StarStarVector() throws ReflectiveOperationException {
    RandomStream stream = new RandomStream("vector", 0L);
    setState(stream, 1, 2, 3, 4);

    assertThat(draw(stream, 10)).containsExactly(
        11520L, 0L, 1509978240L, 1215971899390074240L, 1216172134540287360L,
        607988272756665600L, Long.parseUnsignedLong("16172922978634559625"),
        8476171486693032832L, Long.parseUnsignedLong("10595114339597558777"),
        2904607092377533576L);
  }

  /** The state is seeded by four successive SplitMix64 outputs from the stream's seed. */
  @Test
  void stateIsSeededBySplitMix64() throws ReflectiveOperationException {
    RandomStream stream = new RandomStream("zero", 0L);

    assertThat(field(stream, "s0")).isEqualTo(0xe220a8397b1dcdafL);
    assertThat(field(stream, "s1")).isEqualTo(0x6e789e6aa1b965f4L);
    assertThat(field(stream, "s2")).isEqualTo(0x06c45d188009454fL);
    assertThat(field(stream, "s3")).isEqualTo(0xf88bb8a8724c81ecL);
  }

  @Test
  void nextIntStaysWithinItsBound() {
    RandomStream stream = new RandomStream("bounds", 7L);
    for (int bound : new int[] {1, 2, 3, 7, 1000, Integer.MAX_VALUE}) {
      for (int i = 0; i < 10_000; i++) {
        assertThat(stream.nextInt(bound)).isBetween(0, bound - 1);
      }
    }
    assertThatThrownBy(() -> stream.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> stream.nextInt(-5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nextDoubleStaysInTheUnitInterval() {
    RandomStream stream = new RandomStream("unit", 7L);
    for (int i = 0; i < 100_000; i++) {
      assertThat(stream.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
      assertThat(stream.nextDoubleOpenAtZero()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    }
  }

  @Test
  void nextIntIsUniformByChiSquare() {
    RandomStream stream = new RandomStream("chi", 11L);
    int bound = 10;
    long[] observed = new long[bound];
    for (int i = 0; i < 200_000; i++) {
      observed[stream.nextInt(bound)]++;
    }

    assertThat(chiSquarePValue(observed)).isGreaterThan(ALPHA);
  }

  /**
   * A bound of 3 * 2^29 is where a plain modulo of 32 random bits is worst (some values get three
   * preimages, others two); the coarse cells of a chi-square test expose that bias.
   */
  @Test
  void nextIntIsUniformForALargeNonPowerOfTwoBound() {
    RandomStream stream = new RandomStream("chi-large", 12L);
    int bound = 3 << 29;
    long[] observed = new long[12];
    for (int i = 0; i < 240_000; i++) {
      observed[(int) ((long) stream.nextInt(bound) * observed.length / bound)]++;
    }

    assertThat(chiSquarePValue(observed)).isGreaterThan(ALPHA);
  }

  @Test
  void nextDoubleIsUniformByChiSquare() {
    RandomStream stream = new RandomStream("chi-double", 13L);
    long[] observed = new long[64];
    for (int i = 0; i < 256_000; i++) {
      observed[(int) (stream.nextDouble() * observed.length)]++;
    }

    assertThat(chiSquarePValue(observed)).isGreaterThan(ALPHA);
  }

  @Test
  void successivePairsAreUniformOnTheUnitSquare() {
    RandomStream stream = new RandomStream("chi-pairs", 14L);
    long[] observed = new long[16 * 16];
    for (int i = 0; i < 256_000; i++) {
      int x = (int) (stream.nextDouble() * 16);
      int y = (int) (stream.nextDouble() * 16);
      observed[x * 16 + y]++;
    }

    assertThat(chiSquarePValue(observed)).isGreaterThan(ALPHA);
  }

  @Test
  void nextBooleanHasTheRequestedProbability() {
    RandomStream stream = new RandomStream("coin", 15L);
    long[] observed = new long[2];
    for (int i = 0; i < 100_000; i++) {
      observed[stream.nextBoolean(0.3) ? 1 : 0]++;
    }

    double pValue = new ChiSquareTest().chiSquareTest(new double[] {0.7, 0.3}, observed);
    assertThat(pValue).isGreaterThan(ALPHA);
    assertThat(new RandomStream("never", 1L).nextBoolean(0.0)).isFalse();
  }

  @Test
  void substreamsAreReproducibleAndDistinct() {
    RandomStream parent = new RandomStream("sweep", 5L);

    assertThat(draw(parent.substream(3), 8)).isEqualTo(draw(parent.substream(3), 8));
    assertThat(draw(parent.substream(3), 8)).isNotEqualTo(draw(parent.substream(4), 8));
    assertThat(parent.substream(3).name()).isEqualTo("sweep#3");
  }

  private static double chiSquarePValue(long[] observed) {
    double[] expected = new double[observed.length];
    java.util.Arrays.fill(expected, 1.0);
    return new ChiSquareTest().chiSquareTest(expected, observed);
  }

  private static long[] draw(RandomStream stream, int n) {
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = stream.nextLong();
    }
    return values;
  }

  private static void setState(RandomStream stream, long... state) throws ReflectiveOperationException {
    for (int i = 0; i < 4; i++) {
      Field f = RandomStream.class.getDeclaredField("s" + i);
      f.setAccessible(true);
      f.setLong(stream, state[i]);
    }
  }

  private static long field(RandomStream stream, String name) throws ReflectiveOperationException {
    Field f = RandomStream.class.getDeclaredField(name);
    f.setAccessible(true);
    return f.getLong(stream);
  }
}
