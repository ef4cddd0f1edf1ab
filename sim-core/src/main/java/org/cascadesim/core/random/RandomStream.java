package org.cascadesim.core.random;

/**
 * One named stream of pseudo-random numbers: xoshiro256** (Blackman and Vigna, "Scrambled linear
 * pseudorandom number generators", 2018), seeded by four successive SplitMix64 outputs from the
 * stream's seed, as its authors recommend.
 *
 * <p>The algorithm is written out here rather than taken from the JDK so that the same seed gives
 * the same numbers on every JDK. Doubles use the top 53 bits. One stream per source of randomness
 * (see {@code Simulation#random(String)}); never share one between unrelated components.
 */
public final class RandomStream {

  private final String name;
  private final long seed;
  private long s0;
  private long s1;
  private long s2;
  private long s3;

  /** Creates a stream with the given name and seed (see {@link SeedMixer#streamSeed}). */
  public RandomStream(String name, long seed) {
    this.name = name;
    this.seed = seed;
    long z = seed;
    z += SeedMixer.GOLDEN_GAMMA;
    s0 = SeedMixer.mix64(z);
    z += SeedMixer.GOLDEN_GAMMA;
    s1 = SeedMixer.mix64(z);
    z += SeedMixer.GOLDEN_GAMMA;
    s2 = SeedMixer.mix64(z);
    z += SeedMixer.GOLDEN_GAMMA;
    s3 = SeedMixer.mix64(z);
  }

  /** Returns the stream's name. */
  public String name() {
    return name;
  }

  /** Returns the seed the stream started from. */
  public long seed() {
    return seed;
  }

  /** Returns a new, independent stream derived from this one's seed and a substream index. */
  public RandomStream substream(long index) {
    return new RandomStream(name + "#" + index, SeedMixer.derive(seed, index));
  }

  /** Returns the next 64 uniformly distributed bits. */
  public long nextLong() {
    long result = Long.rotateLeft(s1 * 5, 7) * 9;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Returns a uniform double in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Returns a uniform double in (0, 1]: safe as the argument of a logarithm. */
  public double nextDoubleOpenAtZero() {
    return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
  }

  /** Returns a uniform int in [0, bound), without modulo bias (Lemire's method). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0 (was " + bound + ")");
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFF_FFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFF_FFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** Returns {@code true} with probability {@code p}. */
  public boolean nextBoolean(double p) {
    return nextDouble() < p;
  }
}
