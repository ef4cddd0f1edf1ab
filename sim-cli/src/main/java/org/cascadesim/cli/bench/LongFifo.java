package org.cascadesim.cli.bench;

/** A growable ring buffer of longs: the waiting line of the M/M/1 workloads. */
final class LongFifo {
  private long[] items = new long[64];
  private int head;
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  void add(long value) {
    if (size == items.length) {
      long[] bigger = new long[size * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = items[(head + i) & (items.length - 1)];
      }
      items = bigger;
      head = 0;
    }
    items[(head + size) & (items.length - 1)] = value;
    size++;
  }

  long remove() {
    long value = items[head];
    head = (head + 1) & (items.length - 1);
    size--;
    return value;
  }
}
