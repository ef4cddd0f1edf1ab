package org.cascadesim.core.metrics;

import java.util.Arrays;

/** Growable per-window arrays indexed by {@code timeNanos / windowNanos}; package helpers. */
final class Windows {
  private Windows() {}

  static int index(long timeNanos, long windowNanos) {
    long index = timeNanos / windowNanos;
    if (index > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too many time-series windows at t=" + timeNanos + "ns");
    }
    return (int) index;
  }

  static long[] ensure(long[] array, int index) {
    return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
  }

  static double[] ensure(double[] array, int index) {
    return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
  }
}
