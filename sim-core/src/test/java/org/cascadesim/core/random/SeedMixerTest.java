package org.cascadesim.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The documented seed-mixing functions against published reference values. */
class SeedMixerTest {

  /**
   * SplitMix64 (Steele, Lea and Flood 2014; Vigna's splitmix64.c): from state 0 the generator
   * adds the golden gamma and mixes, and its first four outputs are the published reference
   * values 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f, 0xf88bb8a8724c81ec.
   */
  @Test
  void mix64ReproducesThePublishedSplitMix64OutputsFromStateZero() {
    long[] expected = {
      0xe220a8397b1dcdafL, 0x6e789e6aa1b965f4L, 0x06c45d188009454fL, 0xf88bb8a8724c81ecL
    };
    long state = 0;
    for (long value : expected) {
      state += SeedMixer.GOLDEN_GAMMA;
      assertThat(SeedMixer.mix64(state)).isEqualTo(value);
    }
  }

  /** SplitMix64 from state 1234567, as printed by the reference splitmix64.c. */
  @Test
  void mix64ReproducesThePublishedSplitMix64OutputsFromState1234567() {
    long[] expected = {
      6457827717110365317L, 3203168211198807973L, Long.parseUnsignedLong("9817491932198370423"),
      4593380528125082431L, Long.parseUnsignedLong("16408922859458223821")
    };
    long state = 1234567;
    for (long value : expected) {
      state += SeedMixer.GOLDEN_GAMMA;
      assertThat(SeedMixer.mix64(state)).isEqualTo(value);
    }
  }

  /** FNV-1a 64 test vectors from the FNV reference (Fowler, Noll and Vo; IETF draft-eastlake-fnv). */
  @Test
  void hashNameIsFnv1a64() {
    assertThat(SeedMixer.hashName("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(SeedMixer.hashName("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    assertThat(SeedMixer.hashName("foobar")).isEqualTo(0x85944171f73967e8L);
  }

  @Test
  void streamSeedFollowsItsDocumentedDefinition() {
    long master = 42L;
    String name = "client.backoff";
    // A compatibility pin, not an independent check: the recomputation restates the documented
    // definition with the same (separately verified) building blocks, and the literal pins the
    // value so that every seed of every saved scenario keeps naming the same random streams.
    long expected = SeedMixer.mix64(master ^ SeedMixer.mix64(SeedMixer.hashName(name) + SeedMixer.GOLDEN_GAMMA));

    assertThat(SeedMixer.streamSeed(master, name)).isEqualTo(expected).isEqualTo(0x8a24e75df161552eL);
  }

  @Test
  void streamSeedsDifferByNameAndByMasterSeed() {
    assertThat(SeedMixer.streamSeed(42L, "a")).isNotEqualTo(SeedMixer.streamSeed(42L, "b"));
    assertThat(SeedMixer.streamSeed(42L, "a")).isNotEqualTo(SeedMixer.streamSeed(43L, "a"));
    assertThat(SeedMixer.derive(42L, 0)).isNotEqualTo(SeedMixer.derive(42L, 1));
  }
}
