package org.cascadesim.core.event;

import java.util.Arrays;
import org.cascadesim.core.Action;

/**
 * The pending-event set: a binary min-heap over primitive arrays, ordered by (time, sequence),
 * with O(log n) removal of any event through a stable handle.
 *
 * <p>Layout: the heap holds {@code (timeNanos, slot)} pairs in parallel arrays so that sift
 * comparisons touch one contiguous {@code long[]}; everything else about an event lives in a slot
 * (its action, sequence number, heap position and a generation counter that invalidates stale
 * handles). Slots are recycled through a free list, so a steady-state simulation schedules events
 * without allocating. Sequence numbers are only read to break ties between equal times, which
 * makes same-time events run in scheduling order (the rule of SSJ's {@code Event} and OpenDC's
 * {@code TaskQueue}). Memory: 32 bytes per pending event plus array slack (capacities are chosen
 * so that large arrays fill whole G1 regions: see {@link #grow(int)}).
 *
 * <p>A handle is {@code slot << 32 | generation}; it stays valid until the event runs or is
 * cancelled, after which {@link #cancel(long)} returns {@code false}. Not thread-safe: one
 * simulation, one thread.
 */
public final class EventQueue {

  /** A handle that never names an event. */
  public static final long NO_HANDLE = -1L;

  /** Capacities are {@code 2^k - 4}: see {@link #grow(int)}. */
  private static final int INITIAL_CAPACITY = 60;

  private long[] heapTime;
  private int[] heapSlot;
  private int size;

  private Action[] slotAction;
  private long[] slotSeq;
  private int[] slotPos;   // heap index while pending; next free slot while free
  private int[] slotGen;
  private int slotsUsed;   // slots ever handed out (high-water mark)
  private int freeHead = -1;

  private long polledTimeNanos;
  private long polledSeq;

  /** Creates an empty queue. */
  public EventQueue() {
    heapTime = new long[INITIAL_CAPACITY];
    heapSlot = new int[INITIAL_CAPACITY];
    slotAction = new Action[INITIAL_CAPACITY];
    slotSeq = new long[INITIAL_CAPACITY];
    slotPos = new int[INITIAL_CAPACITY];
    slotGen = new int[INITIAL_CAPACITY];
  }

  /** Returns the number of pending events. */
  public int size() {
    return size;
  }

  /** Returns whether no event is pending. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Returns the time of the earliest pending event; the queue must not be empty. */
  public long peekTimeNanos() {
    return heapTime[0];
  }

  /**
   * Adds an event and returns its handle.
   *
   * @param timeNanos when the event runs
   * @param seq the tie-breaking sequence number, unique and increasing per simulation
   * @param action what runs
   */
  public long add(long timeNanos, long seq, Action action) {
    int slot = allocateSlot();
    slotAction[slot] = action;
    slotSeq[slot] = seq;
    if (size == heapTime.length) {
      int capacity = grow(size);
      heapTime = Arrays.copyOf(heapTime, capacity);
      heapSlot = Arrays.copyOf(heapSlot, capacity);
    }
    siftUp(size++, timeNanos, slot);
    return ((long) slot << 32) | (slotGen[slot] & 0xFFFF_FFFFL);
  }

  /**
   * Removes the earliest event and returns its action; {@link #polledTimeNanos()} and {@link
   * #polledSeq()} then describe it. The queue must not be empty.
   */
  public Action poll() {
    int slot = heapSlot[0];
    polledTimeNanos = heapTime[0];
    Action action = slotAction[slot];
    polledSeq = slotSeq[slot];
    int last = --size;
    if (last > 0) {
      siftDown(0, heapTime[last], heapSlot[last]);
    }
    freeSlot(slot);
    return action;
  }

  /** Returns the time of the event last returned by {@link #poll()}. */
  public long polledTimeNanos() {
    return polledTimeNanos;
  }

  /** Returns the sequence number of the event last returned by {@link #poll()}. */
  public long polledSeq() {
    return polledSeq;
  }

  /** Returns whether the handle names an event that is still pending. */
  public boolean isPending(long handle) {
    if (handle < 0) {
      return false;
    }
    int slot = (int) (handle >>> 32);
    return slot < slotsUsed && slotGen[slot] == (int) handle && slotAction[slot] != null;
  }

  /**
   * Removes a pending event in O(log n).
   *
   * @return {@code true} if the event was pending and is now removed; {@code false} if it had
   *     already run, had been cancelled, or the handle is {@link #NO_HANDLE}
   */
  public boolean cancel(long handle) {
    if (!isPending(handle)) {
      return false;
    }
    int slot = (int) (handle >>> 32);
    int pos = slotPos[slot];
    int last = --size;
    if (pos != last) {
      long movedTime = heapTime[last];
      int movedSlot = heapSlot[last];
      if (pos > 0 && before(movedTime, movedSlot, heapTime[(pos - 1) >>> 1], heapSlot[(pos - 1) >>> 1])) {
        siftUp(pos, movedTime, movedSlot);
      } else {
        siftDown(pos, movedTime, movedSlot);
      }
    }
    freeSlot(slot);
    return true;
  }

  /** Returns the time at which the handle's pending event runs; the handle must be pending. */
  public long timeOf(long handle) {
    return heapTime[slotPos[(int) (handle >>> 32)]];
  }

  /** Returns the approximate number of bytes held by the queue's arrays (for benchmarks). */
  public long footprintBytes() {
    return 8L * heapTime.length + 4L * heapSlot.length + 4L * slotAction.length
        + 8L * slotSeq.length + 4L * slotPos.length + 4L * slotGen.length;
  }

  private boolean before(long timeA, int slotA, long timeB, int slotB) {
    return timeA < timeB || (timeA == timeB && slotSeq[slotA] < slotSeq[slotB]);
  }

  private void siftUp(int pos, long time, int slot) {
    long[] times = heapTime;
    int[] slots = heapSlot;
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      long parentTime = times[parent];
      if (parentTime < time || (parentTime == time && slotSeq[slots[parent]] < slotSeq[slot])) {
        break;
      }
      times[pos] = parentTime;
      slots[pos] = slots[parent];
      slotPos[slots[pos]] = pos;
      pos = parent;
    }
    times[pos] = time;
    slots[pos] = slot;
    slotPos[slot] = pos;
  }

  private void siftDown(int pos, long time, int slot) {
    long[] times = heapTime;
    int[] slots = heapSlot;
    int n = size;
    int half = n >>> 1;
    while (pos < half) {
      int child = 2 * pos + 1;
      long childTime = times[child];
      int right = child + 1;
      if (right < n) {
        long rightTime = times[right];
        if (rightTime < childTime
            || (rightTime == childTime && slotSeq[slots[right]] < slotSeq[slots[child]])) {
          child = right;
          childTime = rightTime;
        }
      }
      if (time < childTime || (time == childTime && slotSeq[slot] < slotSeq[slots[child]])) {
        break;
      }
      times[pos] = childTime;
      slots[pos] = slots[child];
      slotPos[slots[pos]] = pos;
      pos = child;
    }
    times[pos] = time;
    slots[pos] = slot;
    slotPos[slot] = pos;
  }

  private int allocateSlot() {
    if (freeHead >= 0) {
      int slot = freeHead;
      freeHead = slotPos[slot];
      return slot;
    }
    if (slotsUsed == slotAction.length) {
      int capacity = grow(slotsUsed);
      slotAction = Arrays.copyOf(slotAction, capacity);
      slotSeq = Arrays.copyOf(slotSeq, capacity);
      slotPos = Arrays.copyOf(slotPos, capacity);
      slotGen = Arrays.copyOf(slotGen, capacity);
    }
    return slotsUsed++;
  }

  private void freeSlot(int slot) {
    slotAction[slot] = null;
    slotGen[slot]++;
    slotPos[slot] = freeHead;
    freeHead = slot;
  }

  /**
   * Returns the next capacity, about double, of the form {@code 2^k - 4}: with the 16-byte array
   * header, every array of the queue is then exactly a power of two in bytes or just under it. G1
   * gives an array of half a region or more whole regions of its own, so a capacity that is a
   * power of two in elements (plus the header) would waste most of a region per array: at one
   * million pending events that was 59 instead of 34 bytes per event.
   */
  private static int grow(int current) {
    if (current >= Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("event queue is full (" + current + " pending events)");
    }
    long next = 2L * (current + 4) - 4;
    return (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(INITIAL_CAPACITY, next));
  }
}
