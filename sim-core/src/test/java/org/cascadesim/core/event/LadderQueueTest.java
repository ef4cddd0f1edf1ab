package org.cascadesim.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.cascadesim.core.Action;
import org.cascadesim.core.random.RandomStream;
import org.junit.jupiter.api.Test;

/**
 * The ladder structure of {@link EventQueue} (spills, rungs, bucket splits, compaction) checked
 * against a TreeMap keyed by (time, sequence). Most checks use a queue with tiny tuning (a bottom
 * heap that spills at 4 events, buckets of 2, fan-out 4) so that a few hundred operations go
 * through every path; the default tuning is checked on larger queues.
 */
class LadderQueueTest {

  private static final Supplier<EventQueue> TINY = () -> new EventQueue(4, 2, 4, 2);
  private static final Supplier<EventQueue> DEFAULT = EventQueue::new;

  private record Key(long timeNanos, long seq) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byTime = Long.compare(timeNanos, other.timeNanos);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  private record Tag(long seq) implements Action {
    @Override
    public void run() {}
  }

  /** A queue driven next to a TreeMap model; every operation checks that both agree. */
  private static final class Checked {
    final EventQueue queue;
    final TreeMap<Key, Long> model = new TreeMap<>();
    final Map<Long, Key> pendingByHandle = new LinkedHashMap<>();
    final List<Long> issued = new ArrayList<>();
    long nextSeq;
    long now = Long.MIN_VALUE;
    int polled;
    final boolean checkAllHandles;

    Checked(Supplier<EventQueue> factory, boolean checkAllHandles) {
      this.queue = factory.get();
      this.checkAllHandles = checkAllHandles;
    }

    long add(long time) {
      long seq = nextSeq++;
      long handle = queue.add(time, seq, new Tag(seq));
      assertThat(pendingByHandle.containsKey(handle)).isFalse();
      issued.add(handle);
      Key key = new Key(time, seq);
      model.put(key, handle);
      pendingByHandle.put(handle, key);
      agree();
      return handle;
    }

    void poll() {
      if (model.isEmpty()) {
        return;
      }
      Map.Entry<Key, Long> expected = model.pollFirstEntry();
      pendingByHandle.remove(expected.getValue());
      Action action = queue.poll();
      polled++;
      assertThat(action).isEqualTo(new Tag(expected.getKey().seq()));
      assertThat(queue.polledTimeNanos()).isEqualTo(expected.getKey().timeNanos());
      assertThat(queue.polledSeq()).isEqualTo(expected.getKey().seq());
      now = expected.getKey().timeNanos();
      agree();
    }

    void cancel(long handle) {
      Key key = pendingByHandle.remove(handle);
      if (key != null) {
        model.remove(key);
      }
      assertThat(queue.cancel(handle)).isEqualTo(key != null);
      agree();
    }

    void agree() {
      assertThat(queue.size()).isEqualTo(model.size());
      assertThat(queue.isEmpty()).isEqualTo(model.isEmpty());
      if (!model.isEmpty()) {
        assertThat(queue.peekTimeNanos()).isEqualTo(model.firstKey().timeNanos());
      }
      if (checkAllHandles) {
        for (long handle : issued) {
          Key key = pendingByHandle.get(handle);
          if (queue.isPending(handle) != (key != null)) {
            assertThat(queue.isPending(handle)).as("isPending(%s)", handle).isEqualTo(key != null);
          }
          if (key != null && queue.timeOf(handle) != key.timeNanos()) {
            assertThat(queue.timeOf(handle)).isEqualTo(key.timeNanos());
          }
        }
      }
    }

    void drain() {
      while (!model.isEmpty()) {
        poll();
      }
      assertThat(queue.isEmpty()).isTrue();
    }
  }

  @Test
  void tinyTuningAgreesWithTheModelOnRandomSequencesOverWideTimeRanges() {
    int polled = 0;
    for (long seed = 0; seed < 150; seed++) {
      RandomStream random = new RandomStream("ladder", seed);
      Checked c = new Checked(TINY, true);
      int length = random.nextInt(400);
      // Times around "now" (never in the past, as in a simulation) with spreads from 1 ns to days.
      long spread = 1L << random.nextInt(50);
      for (int i = 0; i < length; i++) {
        int kind = random.nextInt(12);
        if (kind < 6) {
          long base = c.now == Long.MIN_VALUE ? 0 : c.now;
          c.add(base + (long) (random.nextDouble() * spread));
        } else if (kind < 9) {
          c.poll();
        } else if (!c.issued.isEmpty()) {
          c.cancel(c.issued.get(random.nextInt(c.issued.size())));
        }
      }
      c.drain();
      polled += c.polled;
    }
    assertThat(polled).isGreaterThan(10_000);
  }

  @Test
  void tinyTuningAgreesWithTheModelWhenTimesGoBackwards() {
    // The queue does not require monotone times: an add earlier than the last poll is allowed.
    for (long seed = 0; seed < 100; seed++) {
      RandomStream random = new RandomStream("backwards", seed);
      Checked c = new Checked(TINY, true);
      for (int i = 0; i < 300; i++) {
        int kind = random.nextInt(10);
        if (kind < 5) {
          c.add(random.nextInt(40));
        } else if (kind < 8) {
          c.poll();
        } else if (!c.issued.isEmpty()) {
          c.cancel(c.issued.get(random.nextInt(c.issued.size())));
        }
      }
      c.drain();
    }
  }

  @Test
  void extremeTimesIncludingLongMinAndMaxValueAreOrdered() {
    long[] times = {Long.MAX_VALUE, 0, Long.MIN_VALUE, 1, Long.MAX_VALUE - 1, -1, Long.MAX_VALUE,
        Long.MIN_VALUE + 1, 3_600_000_000_000L, Long.MIN_VALUE, 42, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2};
    for (Supplier<EventQueue> factory : List.of(TINY, DEFAULT)) {
      Checked c = new Checked(factory, true);
      for (int round = 0; round < 5; round++) {
        for (long t : times) {
          c.add(t);
        }
        c.poll();
        c.poll();
      }
      c.drain();
      assertThat(c.polled).isEqualTo(5 * times.length);
    }
  }

  @Test
  void aOneNanosecondEventAmongOneHourEventsComesFirst() {
    long hour = 3_600_000_000_000L;
    for (Supplier<EventQueue> factory : List.of(TINY, DEFAULT)) {
      Checked c = new Checked(factory, false);
      for (int i = 0; i < 5_000; i++) {
        c.add(hour + i * 1_000L);
      }
      c.poll(); // forces rungs to be built
      c.add(hour + 1); // lands in the bottom or in the first bucket
      c.add(1);       // before everything still pending
      c.poll();
      assertThat(c.queue.polledTimeNanos()).isEqualTo(1);
      c.poll();
      assertThat(c.queue.polledTimeNanos()).isEqualTo(hour + 1);
      c.drain();
    }
  }

  @Test
  void manySameTimeEventsRunInSchedulingOrderThroughSpillsAndSplits() {
    for (Supplier<EventQueue> factory : List.of(TINY, DEFAULT)) {
      Checked c = new Checked(factory, false);
      for (int i = 0; i < 3_000; i++) {
        c.add(i % 3 == 0 ? 500 : 1_000); // two big same-time groups and nothing to split them by
      }
      for (int i = 0; i < 1_500; i++) {
        c.poll();
      }
      for (int i = 0; i < 1_000; i++) {
        c.add(1_000);
      }
      c.drain();
      assertThat(c.polled).isEqualTo(4_000);
    }
  }

  @Test
  void theHoldModelBuildsRungsAndStaysOrderedWithTheDefaultTuning() {
    RandomStream random = new RandomStream("hold", 7);
    Checked c = new Checked(DEFAULT, false);
    for (int i = 0; i < 20_000; i++) {
      c.add((long) (-Math.log(1 - random.nextDouble()) * 1_000_000));
    }
    for (int i = 0; i < 60_000; i++) {
      c.poll();
      c.add(c.now + (long) (-Math.log(1 - random.nextDouble()) * 1_000_000));
      if (i == 1_000) {
        assertThat(c.queue.rungs()).as("a queue of 20,000 is a ladder, not one heap").isPositive();
      }
    }
    c.drain();
  }

  @Test
  void massCancellationCompactsAndKeepsEveryPendingEvent() {
    RandomStream random = new RandomStream("cancel", 3);
    for (Supplier<EventQueue> factory : List.of(TINY, DEFAULT)) {
      Checked c = new Checked(factory, false);
      List<Long> handles = new ArrayList<>();
      for (int i = 0; i < 10_000; i++) {
        handles.add(c.add(random.nextInt(1_000_000)));
      }
      c.poll();
      int keptPending = 0;
      for (int i = 0; i < handles.size(); i++) {
        if (i % 10 == 0 && c.pendingByHandle.containsKey(handles.get(i))) {
          keptPending++;
        }
        if (i % 10 != 0) {
          c.cancel(handles.get(i));
        }
      }
      assertThat(c.queue.cancelledEntries())
          .as("cancelled entries never outnumber pending ones by more than the minimum")
          .isLessThanOrEqualTo(Math.max(EventQueue.COMPACT_MIN, c.queue.size()));
      for (int i = 0; i < handles.size(); i += 10) {
        assertThat(c.queue.isPending(handles.get(i))).isEqualTo(c.pendingByHandle.containsKey(handles.get(i)));
      }
      c.drain();
      assertThat(c.polled).isEqualTo(1 + keptPending);
      assertThat(keptPending).isBetween(999, 1_000);
    }
  }

  @Test
  void memoryAfterMassCancellationIsBounded() {
    // Repeatedly schedule far-future timeouts and cancel them: without compaction the cancelled
    // entries would pile up until their time came.
    EventQueue queue = new EventQueue();
    long seq = 0;
    long peak = 0;
    for (int round = 0; round < 50; round++) {
      long[] handles = new long[10_000];
      for (int i = 0; i < handles.length; i++) {
        handles[i] = queue.add(1_000_000_000L * (round + 1) + i, seq++, () -> {});
      }
      for (long handle : handles) {
        assertThat(queue.cancel(handle)).isTrue();
      }
      assertThat(queue.cancelledEntries()).isLessThan(EventQueue.COMPACT_MIN);
      peak = Math.max(peak, queue.footprintBytes());
    }
    assertThat(queue.isEmpty()).isTrue();
    // Compaction reallocates the pool and the bottom: nothing grows round after round.
    assertThat(queue.footprintBytes()).isLessThanOrEqualTo(peak);
    assertThat(peak).as("about 10,000 events' worth, not 500,000").isLessThan(10_000L * 100);
  }

  @Test
  void aHandleStaysDeadAfterItsCancelledEntryIsDroppedAndTheSlotReused() {
    EventQueue queue = new EventQueue(4, 2, 4, 2);
    long a = queue.add(10, 0, () -> {});
    long b = queue.add(20, 1, () -> {});
    assertThat(queue.cancel(a)).isTrue();
    assertThat(queue.peekTimeNanos()).isEqualTo(20); // drops a's entry, freeing its slot
    long c = queue.add(30, 2, () -> {});
    assertThat(c >>> 32).as("the freed slot is reused").isEqualTo(a >>> 32);
    assertThat(queue.isPending(a)).isFalse();
    assertThat(queue.cancel(a)).isFalse();
    assertThat(queue.isPending(c)).isTrue();
    assertThat(queue.isPending(b)).isTrue();
    assertThat(queue.size()).isEqualTo(2);
  }
}
