package org.cascadesim.core.random;

import java.nio.charset.StandardCharsets;

/**
 * The documented, JDK-independent functions that turn a master seed and a name into the seed of a
 * named random stream, so that adding a component never changes the draws of another.
 *
 * <p>Definitions (all arithmetic on 64-bit two's-complement longs):
 *
 * <ul>
 *   <li>{@code mix64(z)}: the SplitMix64 output function (Steele, Lea and Flood, "Fast splittable
 *       pseudorandom number generators", OOPSLA 2014; constants of Stafford's variant 13): {@code z
 *       = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9; z = (z ^ (z >>> 27)) * 0x94d049bb133111eb; return z
 *       ^ (z >>> 31)}.
 *   <li>{@code hashName(name)}: 64-bit FNV-1a over the name's UTF-8 bytes (offset basis
 *       0xcbf29ce484222325, prime 0x100000001b3).
 *   <li>{@code streamSeed(master, name) = mix64(master ^ mix64(hashName(name) + 0x9e3779b97f4a7c15))}.
 *   <li>{@code derive(seed, index) = mix64(seed ^ mix64(index + 0x9e3779b97f4a7c15))}: the seed of
 *       substream {@code index} (replications, sweep points).
 * </ul>
 */
public final class SeedMixer {

  /** The golden-ratio increment of SplitMix64. */
  public static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private SeedMixer() {}

  /** The SplitMix64 output (finalisation) function. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** 64-bit FNV-1a over the UTF-8 bytes of a name. */
  public static long hashName(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Returns the seed of the stream with the given name under the given master seed. */
  public static long streamSeed(long masterSeed, String name) {
    return mix64(masterSeed ^ mix64(hashName(name) + GOLDEN_GAMMA));
  }

  /** Returns the seed of substream {@code index} of a seed (replications, sweep points). */
  public static long derive(long seed, long index) {
    return mix64(seed ^ mix64(index + GOLDEN_GAMMA));
  }
}
