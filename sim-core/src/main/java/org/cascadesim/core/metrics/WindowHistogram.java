package org.cascadesim.core.metrics;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * The histogram of one window of latencies: HdrHistogram's log-linear bucket layout at three
 * significant digits, with count, mean, p50, p90, p99 and max computed exactly as HdrHistogram
 * 2.2's {@code getMean}, {@code getValueAtPercentile} and {@code getMaxValue} do, but in one pass
 * over the indexes actually used (an occupancy bitmap lists them), which are also the only ones
 * cleared.
 *
 * <p>Why not a plain {@code org.HdrHistogram.Histogram} per window: its mean walks the recorded
 * values with an iterator, each percentile scans the counts from index 0, and {@code reset()}
 * clears the whole array, so a long run spent most of its time summarising windows (3,600 windows
 * times every recorder for a one-hour scenario). The layout mirrors {@code AbstractHistogram} with
 * a unit magnitude of 0 (values in nanoseconds, lowest discernible value 1): {@code
 * largestValueWithSingleUnitResolution = 2 * 10^3}, 2,048 sub-buckets, index = {@code (bucket + 1)
 * << 10} plus the offset in the upper half of the sub-bucket range. {@code
 * WindowHistogramTest} checks every statistic against HdrHistogram itself.
 */
final class WindowHistogram {

  private static final int SUB_BUCKET_COUNT_MAGNITUDE = 11; // ceil(log2(2 * 10^3))
  private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = SUB_BUCKET_COUNT_MAGNITUDE - 1;
  private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
  private static final long SUB_BUCKET_MASK = (1L << SUB_BUCKET_COUNT_MAGNITUDE) - 1;
  private static final int LEADING_ZERO_COUNT_BASE = 64 - SUB_BUCKET_COUNT_MAGNITUDE;

  private long[] counts = new long[4 * SUB_BUCKET_HALF_COUNT];
  // Bit i of occupied[i >> 6] is set when counts[i] > 0: summaries and resets visit only those.
  private long[] occupied = new long[counts.length >> 6];
  private int lowWord = Integer.MAX_VALUE;
  private int highWord = -1;
  private long totalCount;
  private long maxValue;

  // The summary of the current contents, valid while summarised is true.
  private boolean summarised;
  private double mean;
  private long p50;
  private long p90;
  private long p99;

  /** Records one value (a latency in nanoseconds, at least 0). */
  void record(long value) {
    add(index(value), 1, value);
  }

  /** Returns the number of values recorded since the last reset. */
  long count() {
    return totalCount;
  }

  /** Returns the mean as HdrHistogram's {@code getMean()} computes it (0 when empty). */
  double mean() {
    summarise();
    return mean;
  }

  /** Returns HdrHistogram's {@code getValueAtPercentile(50)}. */
  long p50() {
    summarise();
    return p50;
  }

  /** Returns HdrHistogram's {@code getValueAtPercentile(90)}. */
  long p90() {
    summarise();
    return p90;
  }

  /** Returns HdrHistogram's {@code getValueAtPercentile(99)}. */
  long p99() {
    summarise();
    return p99;
  }

  /** Returns HdrHistogram's {@code getMaxValue()}: the highest value equivalent to the maximum. */
  long max() {
    return maxValue == 0 ? 0 : highestEquivalentValue(maxValue);
  }

  /**
   * Summarises the window, adds its counts, less those of {@code minus} (an earlier copy of this
   * histogram, or null), to {@code target}, and empties it, in one pass over the used indexes: the
   * target ends with exactly the counts it would have had if every value had been recorded in it
   * (one {@code recordValueWithCount} per used index, in index order). The count and summary stay
   * readable until {@link #reset()}, which must follow before the next value.
   */
  void drainInto(WindowHistogram target, WindowHistogram minus) {
    pass(target, minus, null, true);
  }

  /** {@link #drainInto(WindowHistogram, WindowHistogram)} without emptying this histogram. */
  void addInto(WindowHistogram target, WindowHistogram minus) {
    pass(target, minus, null, false);
  }

  /** {@link #drainInto(WindowHistogram, WindowHistogram)}, also adding every count to {@code also}. */
  void drainInto(WindowHistogram target, WindowHistogram minus, WindowHistogram also) {
    pass(target, minus, also, true);
  }

  /**
   * Adds {@code n} values at index {@code index}, the largest of them {@code value} (a recorded
   * value, or an index's lowest value when an accumulator is fed by {@link #drainInto}).
   */
  private void add(int index, long n, long value) {
    if (index >= counts.length) {
      int capacity = Math.max((index | 63) + 1, 2 * counts.length);
      counts = Arrays.copyOf(counts, capacity);
      occupied = Arrays.copyOf(occupied, capacity >> 6);
    }
    counts[index] += n;
    int word = index >> 6;
    occupied[word] |= 1L << index;
    if (word < lowWord) {
      lowWord = word;
    }
    if (word > highWord) {
      highWord = word;
    }
    if (value > maxValue) {
      maxValue = value;
    }
    totalCount += n;
    summarised = false;
  }

  /**
   * Returns an HdrHistogram with exactly these counts (three significant digits, auto-resizing):
   * {@code recordValueWithCount} of each used index's lowest value, so every statistic equals that
   * of a histogram that recorded the values one by one.
   */
  Histogram toHistogram() {
    Histogram h = new Histogram(LatencyRecorder.SIGNIFICANT_DIGITS);
    for (int w = lowWord; w <= highWord; w++) {
      long word = occupied[w];
      while (word != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        h.recordValueWithCount(valueFromIndex(i), counts[i]);
      }
    }
    return h;
  }

  /** Makes this empty histogram a copy of {@code other}, visiting only its used indexes. */
  void copyFrom(WindowHistogram other) {
    if (totalCount != 0) {
      throw new IllegalStateException("copy into a non-empty window histogram");
    }
    if (counts.length < other.counts.length) {
      counts = new long[other.counts.length];
      occupied = new long[other.occupied.length];
    }
    for (int w = other.lowWord; w <= other.highWord; w++) {
      long word = other.occupied[w];
      occupied[w] = word;
      while (word != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        counts[i] = other.counts[i];
      }
    }
    lowWord = other.lowWord;
    highWord = other.highWord;
    totalCount = other.totalCount;
    maxValue = other.maxValue;
    summarised = false;
  }

  /** Returns an independent copy (the rare mid-window snapshot of {@link LatencyRecorder}). */
  WindowHistogram copy() {
    WindowHistogram copy = new WindowHistogram();
    copy.counts = counts.clone();
    copy.occupied = occupied.clone();
    copy.lowWord = lowWord;
    copy.highWord = highWord;
    copy.totalCount = totalCount;
    copy.maxValue = maxValue;
    return copy;
  }

  /** Empties the histogram, clearing only the indexes that were used. */
  void reset() {
    pass(null, null, null, true);
    totalCount = 0;
    maxValue = 0;
    summarised = false;
  }

  private void summarise() {
    if (!summarised) {
      pass(null, null, null, false);
    }
  }

  /**
   * The one walk over the used indexes (the occupancy bitmap, word by word). It computes the
   * summary: the mean sums {@code medianEquivalentValue * count} in index order like HdrHistogram's
   * recorded-values iteration (so the double is bit-identical), and each percentile is the highest
   * equivalent value of the first index whose cumulative count reaches {@code max(1,
   * ceil(nextDown(p) * total / 100))}, HdrHistogram 2.2's rule. Optionally it adds the counts to
   * {@code target} (and all of them to {@code also}) and clears them.
   */
  private void pass(WindowHistogram target, WindowHistogram minus, WindowHistogram also, boolean clear) {
    long at50 = countAtPercentile(50);
    long at90 = countAtPercentile(90);
    long at99 = countAtPercentile(99);
    long v50 = totalCount == 0 ? 0 : -1;
    long v90 = v50;
    long v99 = v50;
    long[] c = counts;
    long[] bits = occupied;
    double sum = 0;
    long cumulative = 0;
    for (int w = lowWord; w <= highWord; w++) {
      long word = bits[w];
      while (word != 0) {
        int i = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        long n = c[i];
        // valueFromIndex(i) and the size of its equivalent range, straight from the index (see
        // valueFromIndex): the median and highest equivalent values without a bucket search.
        int bucket = (i >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int subBucket = (i & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
          subBucket -= SUB_BUCKET_HALF_COUNT;
          bucket = 0;
        }
        long lowest = (long) subBucket << bucket;
        long size = 1L << bucket;
        sum += (double) (lowest + (size >> 1)) * (double) n;
        cumulative += n;
        if (v99 < 0 && cumulative >= at50) {
          long highest = lowest + size - 1;
          if (v50 < 0) {
            v50 = highest;
          }
          if (v90 < 0 && cumulative >= at90) {
            v90 = highest;
          }
          if (cumulative >= at99) {
            v99 = highest;
          }
        }
        if (target != null) {
          long add = minus != null && i < minus.counts.length ? n - minus.counts[i] : n;
          if (add > 0) {
            target.add(i, add, lowest);
          }
          if (also != null) {
            also.add(i, n, lowest);
          }
        }
        if (clear) {
          c[i] = 0;
        }
      }
      if (clear) {
        bits[w] = 0;
      }
    }
    if (clear) {
      lowWord = Integer.MAX_VALUE;
      highWord = -1;
    }
    mean = totalCount == 0 ? 0.0 : sum * 1.0 / totalCount;
    p50 = v50;
    p90 = v90;
    p99 = v99;
    summarised = true;
  }

  private long countAtPercentile(double percentile) {
    double requested =
        Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0D), 100.0D);
    double fpCount = (requested * totalCount) / 100.0;
    return Math.max((long) Math.ceil(fpCount), 1);
  }

  // HdrHistogram's value <-> index mapping for unit magnitude 0 and 2,048 sub-buckets.

  static int bucketIndex(long value) {
    return LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
  }

  static int index(long value) {
    int bucket = bucketIndex(value);
    int subBucket = (int) (value >>> bucket);
    return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + (subBucket - SUB_BUCKET_HALF_COUNT);
  }

  static long valueFromIndex(int index) {
    int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
    int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
    if (bucket < 0) {
      subBucket -= SUB_BUCKET_HALF_COUNT;
      bucket = 0;
    }
    return (long) subBucket << bucket;
  }

  private static long lowestEquivalentValue(long value) {
    int bucket = bucketIndex(value);
    return (value >>> bucket) << bucket;
  }

  private static long sizeOfEquivalentValueRange(long value) {
    return 1L << bucketIndex(value);
  }

  private static long highestEquivalentValue(long value) {
    return lowestEquivalentValue(value) + sizeOfEquivalentValueRange(value) - 1;
  }
}
