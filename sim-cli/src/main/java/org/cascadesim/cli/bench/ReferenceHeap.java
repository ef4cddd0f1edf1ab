package org.cascadesim.cli.bench;

import java.util.Arrays;

/**
 * The reference the engine is measured against: the smallest reasonable event loop, a binary
 * min-heap over two primitive arrays ({@code long[]} times, {@code int[]} payloads naming the
 * event type). No handles, no cancellation, no sequence numbers (ties break arbitrarily), no
 * allocation per event: 12 bytes per pending event plus array slack.
 */
final class ReferenceHeap {

  private long[] times = new long[64];
  private int[] payloads = new int[64];
  private int size;

  int size() {
    return size;
  }

  long peekTime() {
    return times[0];
  }

  void add(long time, int payload) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      payloads = Arrays.copyOf(payloads, size * 2);
    }
    long[] t = times;
    int[] p = payloads;
    int pos = size++;
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      long parentTime = t[parent];
      if (parentTime <= time) {
        break;
      }
      t[pos] = parentTime;
      p[pos] = p[parent];
      pos = parent;
    }
    t[pos] = time;
    p[pos] = payload;
  }

  /** Removes the earliest event and returns its payload; read its time first with {@link #peekTime()}. */
  int poll() {
    long[] t = times;
    int[] p = payloads;
    int result = p[0];
    int n = --size;
    if (n > 0) {
      long time = t[n];
      int payload = p[n];
      int pos = 0;
      int half = n >>> 1;
      while (pos < half) {
        int child = 2 * pos + 1;
        long childTime = t[child];
        int right = child + 1;
        if (right < n && t[right] < childTime) {
          child = right;
          childTime = t[right];
        }
        if (time <= childTime) {
          break;
        }
        t[pos] = childTime;
        p[pos] = p[child];
        pos = child;
      }
      t[pos] = time;
      p[pos] = payload;
    }
    return result;
  }

  /** Bytes held by the two arrays' elements. */
  long footprintBytes() {
    return 8L * times.length + 4L * payloads.length;
  }
}
