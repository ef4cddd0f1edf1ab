package org.cascadesim.core.event;

import java.util.Arrays;
import org.cascadesim.core.Action;

/**
 * The pending-event set: a ladder queue (Tang, Goh and Thng, "Ladder queue: an O(1) priority
 * queue structure for large-scale discrete event simulation", ACM TOMACS 15(3), 2005) whose
 * bottom is a small binary heap, ordered by (time, sequence), with lazy cancellation through
 * stable handles.
 *
 * <p>Structure. Every event sits in exactly one of three places, partitioned by time so that no
 * time straddles two places:
 *
 * <ul>
 *   <li>the <b>bottom</b>: a binary min-heap on (time, sequence) holding every event with a time
 *       at or before {@code bottomLast}; polls come from here;
 *   <li>the <b>rungs</b>: a stack of bucket arrays; rung {@code r + 1} subdivides the bucket of rung
 *       {@code r} that is being consumed, so deeper rungs hold earlier times. A bucket is an
 *       unsorted list of fixed-size chunks in a shared pool, so an insertion is an append and a
 *       bucket is read and written sequentially;
 *   <li>the <b>top</b>: an unsorted chunk list of the events later than the shallowest rung.
 * </ul>
 *
 * <p>When the bottom runs dry, the first non-empty bucket of the deepest rung moves into it (a
 * heapify) if it is small or holds one time only; otherwise it is split into a new rung of up to
 * {@code maxFanout} buckets sized to its own minimum and maximum time. When no rung is left, the
 * top is split the same way. When the bottom heap grows past a threshold (a burst of near events,
 * or a queue filled before it is polled), every event later than its earliest time is spilled
 * into the top or into a new rung. A queue that never holds more than a few dozen events stays a
 * plain binary heap (the threshold is {@value #DEFAULT_SPILL_MIN}, so a timeout-heavy model keeps
 * its far and mostly cancelled timeouts out of the heap it polls). Each event is moved a small, bounded number of times on average, so add and
 * poll are amortised O(1) for the distributions that simulations produce (and never worse than
 * O(log n) per move plus the splits); ties are broken by the sequence number in the bottom heap, so
 * same-time events run in scheduling order (the rule of SSJ's {@code Event} and OpenDC's {@code
 * TaskQueue}).
 *
 * <p>Handles and cancellation. A handle is {@code slot << 32 | state}; the slot holds the event's
 * time, its sequence number and a state word (a generation and a status: free, pending or
 * cancelled), and is recycled
 * through a free list once its event has run or its cancelled entry has been dropped, with the
 * generation bumped so that stale handles stay dead. {@link #cancel(long)} is O(1): it marks the
 * slot cancelled, and the entry is dropped when it surfaces (when its bucket moves into the bottom
 * or it reaches the top of the heap). When cancelled entries outnumber pending events (and there
 * are at least {@value #COMPACT_MIN}), the queue is rebuilt from its pending events, which bounds
 * the memory held by cancelled entries and makes cancel amortised O(1) overall.
 *
 * <p>Memory: 12 bytes per rung or top entry (time, slot), 24 per bottom-heap entry (time,
 * sequence, slot in one {@code long[]}, since same-time events are common and ties must not load
 * through the slot), plus 28 per slot (time, state and sequence in one {@code long[]} of stride 3,
 * so that a poll and the add that reuses its slot touch one cache line or two; the action in a
 * slot-indexed array, so that moving entries never copies references), with chunk and array slack
 * on top; capacities are chosen so that large arrays fill whole G1 regions (see {@link #grow(int,
 * int)}). A free slot keeps its last action until the slot is reused: the free list is LIFO, so an
 * event that reschedules itself finds its action in place and the add stores no reference (no G1
 * write barrier); the stale references are bounded by the peak number of events.
 *
 * <p>Code shape: the fast paths of {@link #add} and the polls are kept small, their slow paths
 * ({@code addSlow}, {@code ensureHead}) above C2's {@code FreqInlineSize}, so that the polls are
 * inlined into the simulation's run loop and {@code add} into the actions that schedule events.
 * Not thread-safe: one simulation, one thread.
 */
public final class EventQueue {

  /** A handle that never names an event. */
  public static final long NO_HANDLE = -1L;

  /** Cancelled entries are compacted away once there are at least this many and more than pending ones. */
  static final int COMPACT_MIN = 4096;

  static final int DEFAULT_SPILL_MIN = 32;
  static final int DEFAULT_BUCKET_DIRECT = 64;
  static final int DEFAULT_MAX_FANOUT = 4096;
  static final int DEFAULT_TARGET_PER_BUCKET = 24;

  private static final int FREE = 0;
  private static final int PENDING = 1;
  private static final int CANCELLED = 2;
  private static final int STATUS = 3;

  private static final int CHUNK_BITS = 4;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK - 1;

  /** Slot capacities are {@code 2^k - 4}, bottom capacities {@code 2^k - 1}: see {@link #grow(int, int)}. */
  private static final int INITIAL_CAPACITY = 28;
  private static final int INITIAL_BOTTOM = 63;

  private final int spillMin;
  private final int bucketDirect;
  private final int maxFanout;
  private final int targetPerBucket;

  // Slots: one per pending or cancelled-but-not-yet-dropped event.
  // Slot s is slots[3s] (the event's time while pending or cancelled; the next free slot while
  // free), slots[3s + 1] (generation << 2 | status) and slots[3s + 2] (the event's sequence
  // number), so that a poll and the add that reuses the slot touch one or two cache lines.
  private long[] slots;
  // The action while pending or cancelled; a free slot keeps its last action until it is reused
  // (the free list is LIFO, so an event that reschedules itself finds its action in place).
  private Action[] slotAction;
  private int slotsUsed;
  private int freeSlot = -1;
  private int pending;
  private int cancelled;

  // Bottom: binary heap on (time, seq); entry i is heap[3i] (time), heap[3i + 1] (sequence) and
  // heap[3i + 2] (slot): one array, one or two cache lines per entry moved. The sequence is here as
  // well as in the slot because same-time events are common (a hold model with a million pending
  // events has about one per nanosecond), and ties must not cost a load through the slot.
  private long[] heap;
  private int bSize;
  private long bottomLast = Long.MAX_VALUE;
  private int spillAt;
  private int bottomRoom; // min(spillAt, heap capacity): below it, add pushes without a check

  // Chunk pool: entry i of chunk c is at index c << CHUNK_BITS | i.
  private long[] pTime = new long[0];
  private int[] pSlot = new int[0];
  private int[] chunkNext = new int[0];
  private int chunksUsed;
  private int freeChunk = -1;

  // Top: events later than the shallowest rung (or than bottomLast when there is no rung).
  private int topHead = -1;
  private int topTail = -1;
  private int topSize;
  private long topMin = Long.MAX_VALUE;
  private long topMax = Long.MIN_VALUE;

  // Rungs 0 .. depth-1; rung r covers [start of bucket rCur[r], rLast[r]].
  private int depth;
  private long[] rStart = new long[8];
  private long[] rLast = new long[8];
  private int[] rShift = new int[8];
  private int[] rCount = new int[8];
  private int[] rCur = new int[8];
  private int[][] rHead = new int[8][];
  private int[][] rTail = new int[8][];
  private int[][] rSize = new int[8][];

  private long polledTimeNanos;
  private long polledSeq;

  /** Creates an empty queue. */
  public EventQueue() {
    this(DEFAULT_SPILL_MIN, DEFAULT_BUCKET_DIRECT, DEFAULT_MAX_FANOUT, DEFAULT_TARGET_PER_BUCKET);
  }

  /**
   * Creates an empty queue with other tuning (tests use tiny values to exercise every path).
   *
   * @param spillMin bottom-heap size above which later events are spilled out of it (at least 2)
   * @param bucketDirect buckets of at most this many entries move into the bottom without a split
   * @param maxFanout the most buckets of a rung (a power of two, at least 2)
   * @param targetPerBucket the number of entries per bucket a split aims for
   */
  EventQueue(int spillMin, int bucketDirect, int maxFanout, int targetPerBucket) {
    if (spillMin < 2 || bucketDirect < 1 || maxFanout < 2 || Integer.bitCount(maxFanout) != 1
        || targetPerBucket < 1) {
      throw new IllegalArgumentException("bad tuning");
    }
    this.spillMin = spillMin;
    this.bucketDirect = bucketDirect;
    this.maxFanout = maxFanout;
    this.targetPerBucket = targetPerBucket;
    this.spillAt = spillMin;
    slots = new long[3 * INITIAL_CAPACITY];
    slotAction = new Action[INITIAL_CAPACITY];
    heap = new long[3 * INITIAL_BOTTOM];
    updateRoom();
  }

  /** Returns the number of pending events (cancelled ones are not counted). */
  public int size() {
    return pending;
  }

  /** Returns whether no event is pending. */
  public boolean isEmpty() {
    return pending == 0;
  }

  /** Returns the time of the earliest pending event; the queue must not be empty. */
  public long peekTimeNanos() {
    if (bSize == 0 || (cancelled != 0 && status((int) heap[2]) != PENDING)) {
      ensureHead();
    }
    return heap[0];
  }

  /**
   * Adds an event and returns its handle. Amortised O(1) (O(log b) into a bottom heap of b events).
   *
   * @param timeNanos when the event runs
   * @param seq the tie-breaking sequence number, unique and increasing per simulation
   * @param action what runs
   */
  public long add(long timeNanos, long seq, Action action) {
    int slot = freeSlot;
    if (slot < 0) {
      slot = newSlot();
    }
    long[] s = slots;
    int i = 3 * slot;
    freeSlot = (int) s[i];
    int state = (int) s[i + 1] | PENDING;
    s[i] = timeNanos;
    s[i + 1] = state;
    s[i + 2] = seq;
    Action[] actions = slotAction;
    if (actions[slot] != action) {
      actions[slot] = action;
    }
    pending++;
    if (timeNanos <= bottomLast && bSize < bottomRoom) {
      bottomPush(timeNanos, seq, slot);
    } else {
      addSlow(timeNanos, slot);
    }
    return ((long) slot << 32) | (state & 0xFFFF_FFFFL);
  }

  /**
   * Removes the earliest pending event and returns its action; {@link #polledTimeNanos()} and
   * {@link #polledSeq()} then describe it. The queue must not be empty.
   */
  public Action poll() {
    if ((bSize == 0 || (cancelled != 0 && status((int) heap[2]) != PENDING)) && !ensureHead()) {
      throw new IllegalStateException("poll of an empty event queue");
    }
    return removeRoot(heap[0]);
  }

  /**
   * Removes the earliest pending event and returns its action if its time is at or before {@code
   * endTimeNanos}; returns {@code null}, removing nothing, if no event is pending or the earliest
   * is later. One call instead of {@link #isEmpty()}, {@link #peekTimeNanos()} and {@link #poll()}
   * for the simulation's run loop.
   */
  public Action pollAtOrBefore(long endTimeNanos) {
    if ((bSize == 0 || (cancelled != 0 && status((int) heap[2]) != PENDING)) && !ensureHead()) {
      return null;
    }
    long time = heap[0];
    if (time > endTimeNanos) {
      return null;
    }
    return removeRoot(time);
  }

  /** Removes the pending root of the bottom heap, whose time is given, and frees its slot. */
  private Action removeRoot(long time) {
    long[] h = heap;
    int slot = (int) h[2];
    polledTimeNanos = time;
    polledSeq = h[1];
    Action action = slotAction[slot];
    int last = --bSize;
    if (last > 0) {
      siftDown(0, h[3 * last], h[3 * last + 1], (int) h[3 * last + 2], last);
    }
    releaseSlot(slot);
    pending--;
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
    return slot < slotsUsed && (int) slots[3 * slot + 1] == (int) handle && ((int) handle & STATUS) == PENDING;
  }

  /**
   * Cancels a pending event in amortised O(1): the event is marked cancelled at once (it no longer
   * counts in {@link #size()} and never runs) and its entry is dropped when it surfaces or when the
   * queue compacts itself (when cancelled entries outnumber pending events).
   *
   * @return {@code true} if the event was pending and is now removed; {@code false} if it had
   *     already run, had been cancelled, or the handle is {@link #NO_HANDLE}
   */
  public boolean cancel(long handle) {
    if (!isPending(handle)) {
      return false;
    }
    int slot = (int) (handle >>> 32);
    slots[3 * slot + 1] = ((int) slots[3 * slot + 1] & ~STATUS) | CANCELLED;
    pending--;
    cancelled++;
    if (cancelled >= COMPACT_MIN && cancelled > pending) {
      compact();
    }
    return true;
  }

  /** Returns the time at which the handle's pending event runs; the handle must be pending. */
  public long timeOf(long handle) {
    return slots[3 * (int) (handle >>> 32)];
  }

  /** Returns the approximate number of bytes held by the queue's arrays (for benchmarks). */
  public long footprintBytes() {
    long bytes = 8L * slots.length + 4L * slotAction.length + 8L * heap.length + 12L * pTime.length
        + 4L * chunkNext.length;
    for (int r = 0; r < rSize.length; r++) {
      if (rSize[r] != null) {
        bytes += 12L * rSize[r].length;
      }
    }
    return bytes + 40L * rStart.length;
  }

  /** Returns the number of rungs in use (for tests). */
  int rungs() {
    return depth;
  }

  /** Returns the number of cancelled entries not yet dropped (for tests). */
  int cancelledEntries() {
    return cancelled;
  }

  // ---------------------------------------------------------------------------------------------
  // Slots

  /** Returns a never-used slot, marked free with its link to no other free slot. */
  private int newSlot() {
    if (slotsUsed == slotAction.length) {
      growSlots();
    }
    int slot = slotsUsed++;
    slots[3 * slot] = -1;
    return slot;
  }

  private void growSlots() {
    // 2^k - 4 slots: slotAction is 2^(k+2) bytes with its header, slots just under 3 * 2^(k+3).
    int capacity = grow(slotAction.length, 4);
    slots = Arrays.copyOf(slots, 3 * capacity);
    slotAction = Arrays.copyOf(slotAction, capacity);
  }

  private int status(int slot) {
    return (int) slots[3 * slot + 1] & STATUS;
  }

  /** Frees a slot whose entry has left the queue; the generation bump kills old handles. */
  private void releaseSlot(int slot) {
    slots[3 * slot + 1] = ((int) slots[3 * slot + 1] & ~STATUS) + 4;
    slots[3 * slot] = freeSlot;
    freeSlot = slot;
  }

  // ---------------------------------------------------------------------------------------------
  // Bottom heap

  /** Pushes onto the bottom heap, which must have room. */
  private void bottomPush(long time, long seq, int slot) {
    long[] h = heap;
    int pos = bSize++;
    while (pos > 0) {
      int parent = (pos - 1) >>> 1;
      long parentTime = h[3 * parent];
      long parentSeq = h[3 * parent + 1];
      if (parentTime < time || (parentTime == time && parentSeq < seq)) {
        break;
      }
      h[3 * pos] = parentTime;
      h[3 * pos + 1] = parentSeq;
      h[3 * pos + 2] = h[3 * parent + 2];
      pos = parent;
    }
    h[3 * pos] = time;
    h[3 * pos + 1] = seq;
    h[3 * pos + 2] = slot;
  }

  /** Sifts the entry (time, seq, slot) down from pos in a heap of n entries. */
  private void siftDown(int pos, long time, long seq, int slot, int n) {
    long[] h = heap;
    int half = n >>> 1;
    while (pos < half) {
      int child = 2 * pos + 1;
      long childTime = h[3 * child];
      long childSeq = h[3 * child + 1];
      int right = child + 1;
      if (right < n) {
        long rightTime = h[3 * right];
        long rightSeq = h[3 * right + 1];
        if (rightTime < childTime || (rightTime == childTime && rightSeq < childSeq)) {
          child = right;
          childTime = rightTime;
          childSeq = rightSeq;
        }
      }
      if (time < childTime || (time == childTime && seq < childSeq)) {
        break;
      }
      h[3 * pos] = childTime;
      h[3 * pos + 1] = childSeq;
      h[3 * pos + 2] = h[3 * child + 2];
      pos = child;
    }
    h[3 * pos] = time;
    h[3 * pos + 1] = seq;
    h[3 * pos + 2] = slot;
  }

  /** Returns the sequence number of the event in a pending or cancelled slot. */
  private long seqOf(int slot) {
    return slots[3 * slot + 2];
  }

  private void heapify() {
    long[] h = heap;
    for (int i = (bSize >>> 1) - 1; i >= 0; i--) {
      siftDown(i, h[3 * i], h[3 * i + 1], (int) h[3 * i + 2], bSize);
    }
  }

  /** Returns the number of entries the bottom heap has room for. */
  private int bottomCapacity() {
    return heap.length / 3;
  }

  /** Resizes the bottom heap to this many entries. */
  private void resizeBottom(int capacity) {
    heap = Arrays.copyOf(heap, 3 * capacity);
    updateRoom();
  }

  private void updateRoom() {
    bottomRoom = Math.min(spillAt, bottomCapacity());
  }

  private void ensureBottomCapacity(int needed) {
    if (needed > bottomCapacity()) {
      int capacity = bottomCapacity();
      while (capacity < needed) {
        capacity = grow(capacity, 1);
      }
      resizeBottom(capacity);
    }
  }

  /**
   * Makes the root of the bottom heap the earliest pending event, dropping cancelled entries and
   * refilling the bottom from the rungs or the top; returns false if no event is pending.
   *
   * <p>When the bottom is empty, the earliest non-empty bucket of the deepest rung (or the top)
   * moves into it, split into a new rung first when it is large. The refill is part of this method
   * on purpose: at more than {@code FreqInlineSize} (325) bytes of bytecode C2 never inlines it
   * into the polls, whose compiled code then stays small enough to be inlined into the run loop.
   */
  private boolean ensureHead() {
    while (true) {
      while (bSize > 0) {
        int slot = (int) heap[2];
        if (status(slot) == PENDING) {
          return true;
        }
        int last = --bSize;
        if (last > 0) {
          siftDown(0, heap[3 * last], heap[3 * last + 1], (int) heap[3 * last + 2], last);
        }
        releaseSlot(slot);
        cancelled--;
      }
      if (depth > 0) {
        int r = depth - 1;
        int count = rCount[r];
        int[] sizes = rSize[r];
        int cur = rCur[r];
        while (cur < count && sizes[cur] == 0) {
          cur++;
        }
        if (cur == count) {
          rCur[r] = count;
          bottomLast = rLast[r];
          depth--;
          continue;
        }
        rCur[r] = cur + 1;
        long bucketLast = cur == count - 1 ? rLast[r] : rStart[r] + ((long) (cur + 1) << rShift[r]) - 1;
        int n = sizes[cur];
        int head = rHead[r][cur];
        sizes[cur] = 0;
        bottomLast = bucketLast;
        if (n <= bucketDirect) {
          moveToBottom(head, n);
        } else {
          long min = Long.MAX_VALUE;
          long max = Long.MIN_VALUE;
          for (int c = head, left = n; left > 0; c = chunkNext[c], left -= CHUNK) {
            int base = c << CHUNK_BITS;
            for (int i = base, end = base + Math.min(left, CHUNK); i < end; i++) {
              long t = pTime[i];
              min = Math.min(min, t);
              max = Math.max(max, t);
            }
          }
          if (min == max) {
            moveToBottom(head, n);
          } else {
            spawnRung(head, n, min, max, bucketLast);
          }
        }
      } else if (topSize > 0) {
        int head = topHead;
        int n = topSize;
        long min = topMin;
        long max = topMax;
        topHead = -1;
        topTail = -1;
        topSize = 0;
        topMin = Long.MAX_VALUE;
        topMax = Long.MIN_VALUE;
        if (n <= bucketDirect || min == max) {
          bottomLast = Long.MAX_VALUE;
          moveToBottom(head, n);
        } else {
          spawnRung(head, n, min, max, max);
        }
      } else {
        bottomLast = Long.MAX_VALUE; // nothing outside the bottom: it may take every time again
        return false;
      }
    }
  }

  /** Moves a chunk list into the empty bottom heap, dropping cancelled entries, and frees its chunks. */
  private void moveToBottom(int head, int n) {
    ensureBottomCapacity(n);
    long[] h = heap;
    int size = 0;
    for (int c = head, left = n; left > 0; left -= CHUNK) {
      int base = c << CHUNK_BITS;
      int end = base + Math.min(left, CHUNK);
      for (int i = base; i < end; i++) {
        int slot = pSlot[i];
        if (status(slot) == PENDING) {
          h[3 * size] = pTime[i];
          h[3 * size + 1] = seqOf(slot);
          h[3 * size + 2] = slot;
          size++;
        } else {
          releaseSlot(slot);
          cancelled--;
        }
      }
      int next = chunkNext[c];
      freeChunk(c);
      c = next;
    }
    bSize = size;
    heapify();
    spillAt = Math.max(spillMin, 2 * size);
    updateRoom();
  }

  /**
   * Spills every bottom event later than the bottom's earliest time into the top (no rung) or into
   * a new deepest rung, so the bottom heap stays small.
   */
  private void spill() {
    long[] h = heap;
    long pivot = h[0];
    int kept = 0;
    int head = -1;
    int tail = -1;
    int n = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < bSize; i++) {
      long t = h[3 * i];
      if (t <= pivot) {
        h[3 * kept] = t;
        h[3 * kept + 1] = h[3 * i + 1];
        h[3 * kept + 2] = h[3 * i + 2];
        kept++;
      } else {
        if ((n & CHUNK_MASK) == 0) {
          int c = allocChunk();
          if (n == 0) {
            head = c;
          } else {
            chunkNext[tail] = c;
          }
          tail = c;
        }
        int e = (tail << CHUNK_BITS) | (n & CHUNK_MASK);
        pTime[e] = t;
        pSlot[e] = (int) h[3 * i + 2];
        n++;
        min = Math.min(min, t);
        max = Math.max(max, t);
      }
    }
    if (n == 0) {
      spillAt = 2 * bSize; // one time only: the heap orders it by sequence
      updateRoom();
      return;
    }
    bSize = kept;
    heapify();
    long oldLast = bottomLast;
    bottomLast = pivot;
    if (depth == 0) {
      if (topSize == 0) {
        topHead = head;
        topTail = tail;
        topSize = n;
      } else {
        appendList(head, n);
      }
      topMin = Math.min(topMin, min);
      topMax = Math.max(topMax, max);
    } else {
      spawnRung(head, n, min, max, oldLast);
    }
    spillAt = Math.max(spillMin, 2 * kept);
    updateRoom();
    if (bottomCapacity() > 4 * Math.max(INITIAL_BOTTOM, spillAt)) {
      int capacity = INITIAL_BOTTOM;
      while (capacity < 2 * spillAt) {
        capacity = grow(capacity, 1);
      }
      resizeBottom(capacity);
    }
  }

  /** Appends a chunk list of n entries, all later than bottomLast, to the top (no rung). */
  private void appendList(int head, int n) {
    for (int c = head, left = n; left > 0; left -= CHUNK) {
      int base = c << CHUNK_BITS;
      int end = base + Math.min(left, CHUNK);
      for (int i = base; i < end; i++) {
        addSlow(pTime[i], pSlot[i]); // later than bottomLast, no rung: into the top
      }
      int next = chunkNext[c];
      freeChunk(c);
      c = next;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rungs and top

  /**
   * Places an entry that {@link #add} does not push onto the bottom heap directly: onto a bottom
   * heap at its room (growing it, and spilling it when it passed its threshold), or into the bucket
   * of the deepest rung whose range holds its time, or into the top. Splits and spills move their
   * entries through here too. One method, with the chunk-list append written out, on purpose: at
   * more than {@code FreqInlineSize} (325) bytes of bytecode C2 never inlines it into {@code add},
   * whose compiled code then stays small enough to be inlined where events are scheduled.
   */
  private void addSlow(long time, int slot) {
    if (time <= bottomLast) {
      if (bSize == bottomCapacity()) {
        resizeBottom(grow(bSize, 1));
      }
      bottomPush(time, seqOf(slot), slot);
      if (bSize > spillAt) {
        spill();
      }
      return;
    }
    int r = depth - 1;
    while (r >= 0 && time > rLast[r]) {
      r--;
    }
    int bucket = 0;
    int n;
    int tail;
    if (r >= 0) {
      long index = (time - rStart[r]) >>> rShift[r];
      int count = rCount[r];
      bucket = index >= count ? count - 1 : (int) index;
      n = rSize[r][bucket];
      tail = rTail[r][bucket];
    } else {
      n = topSize;
      tail = topTail;
      if (time < topMin) {
        topMin = time;
      }
      if (time > topMax) {
        topMax = time;
      }
    }
    int off = n & CHUNK_MASK;
    if (off == 0) {
      int c = allocChunk();
      if (n > 0) {
        chunkNext[tail] = c;
      } else if (r >= 0) {
        rHead[r][bucket] = c;
      } else {
        topHead = c;
      }
      tail = c;
    }
    int e = (tail << CHUNK_BITS) | off;
    pTime[e] = time;
    pSlot[e] = slot;
    if (r >= 0) {
      rTail[r][bucket] = tail;
      rSize[r][bucket] = n + 1;
    } else {
      topTail = tail;
      topSize = n + 1;
    }
  }

  /**
   * Distributes a chunk list of n entries with times in [min, max] (min below max) into a new
   * deepest rung that covers [min, last]; bucket widths are a power of two sized to the entries,
   * and times past the last full bucket go to the last bucket. Frees the list's chunks.
   */
  private void spawnRung(int head, int n, long min, long max, long last) {
    int r = depth;
    int fanout = Math.min(maxFanout, Math.max(2, Integer.highestOneBit(Math.max(1, n / targetPerBucket)) << 1));
    long span = max - min; // unsigned
    int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(span) - Integer.numberOfTrailingZeros(fanout));
    while ((span >>> shift) >= fanout) {
      shift++;
    }
    int count = (int) (span >>> shift) + 1;
    ensureRung(r, count);
    rStart[r] = min;
    rLast[r] = last;
    rShift[r] = shift;
    rCount[r] = count;
    rCur[r] = 0;
    depth = r + 1;
    bottomLast = min - 1;
    for (int c = head, left = n; left > 0; left -= CHUNK) {
      int base = c << CHUNK_BITS;
      int end = base + Math.min(left, CHUNK);
      int next = chunkNext[c];
      for (int i = base; i < end; i++) {
        addSlow(pTime[i], pSlot[i]); // later than bottomLast: into its bucket of rung r
      }
      freeChunk(c);
      c = next;
    }
  }

  private void ensureRung(int r, int count) {
    if (r == rStart.length) {
      int capacity = 2 * r;
      rStart = Arrays.copyOf(rStart, capacity);
      rLast = Arrays.copyOf(rLast, capacity);
      rShift = Arrays.copyOf(rShift, capacity);
      rCount = Arrays.copyOf(rCount, capacity);
      rCur = Arrays.copyOf(rCur, capacity);
      rHead = Arrays.copyOf(rHead, capacity);
      rTail = Arrays.copyOf(rTail, capacity);
      rSize = Arrays.copyOf(rSize, capacity);
    }
    if (rSize[r] == null || rSize[r].length < count) {
      int capacity = Math.max(count, rSize[r] == null ? 0 : Math.min(maxFanout, 2 * rSize[r].length));
      rHead[r] = new int[capacity];
      rTail[r] = new int[capacity];
      rSize[r] = new int[capacity];
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Chunk pool

  private int allocChunk() {
    int c = freeChunk;
    if (c >= 0) {
      freeChunk = chunkNext[c];
      return c;
    }
    if (chunksUsed == chunkNext.length) {
      growChunks();
    }
    return chunksUsed++;
  }

  private void growChunks() {
    int capacity = grow(pTime.length, CHUNK);
    pTime = Arrays.copyOf(pTime, capacity);
    pSlot = Arrays.copyOf(pSlot, capacity);
    chunkNext = Arrays.copyOf(chunkNext, capacity >>> CHUNK_BITS);
  }

  /** Returns a chunk to the free list. */
  private void freeChunk(int c) {
    chunkNext[c] = freeChunk;
    freeChunk = c;
  }

  // ---------------------------------------------------------------------------------------------
  // Compaction

  /**
   * Rebuilds the queue from its pending events: cancelled entries are dropped (their slots freed),
   * the chunk pool and the bottom are reallocated to fit, and the events are spilled again.
   */
  private void compact() {
    long[] entries = new long[3 * Math.max(pending, INITIAL_BOTTOM)];
    int k = 0;
    for (int i = 0; i < bSize; i++) {
      k = keep(heap[3 * i], (int) heap[3 * i + 2], entries, k);
    }
    k = keepList(topHead, topSize, entries, k);
    for (int r = 0; r < depth; r++) {
      for (int b = rCur[r]; b < rCount[r]; b++) {
        k = keepList(rHead[r][b], rSize[r][b], entries, k);
        rSize[r][b] = 0;
      }
    }
    depth = 0;
    topHead = -1;
    topTail = -1;
    topSize = 0;
    topMin = Long.MAX_VALUE;
    topMax = Long.MIN_VALUE;
    pTime = new long[0];
    pSlot = new int[0];
    chunkNext = new int[0];
    chunksUsed = 0;
    freeChunk = -1;
    cancelled = 0;
    int capacity = INITIAL_BOTTOM;
    while (capacity < k) {
      capacity = grow(capacity, 1);
    }
    heap = Arrays.copyOf(entries, 3 * capacity);
    bSize = k;
    bottomLast = Long.MAX_VALUE;
    heapify();
    spillAt = spillMin;
    updateRoom();
    if (bSize > spillAt) {
      spill();
    }
  }

  /** Copies a pending entry into entries at k (returning k + 1) or frees its cancelled slot. */
  private int keep(long time, int slot, long[] entries, int k) {
    if (status(slot) == PENDING) {
      entries[3 * k] = time;
      entries[3 * k + 1] = seqOf(slot);
      entries[3 * k + 2] = slot;
      return k + 1;
    }
    releaseSlot(slot);
    return k;
  }

  private int keepList(int head, int n, long[] entries, int k) {
    for (int c = head, left = n; left > 0; c = chunkNext[c], left -= CHUNK) {
      int base = c << CHUNK_BITS;
      for (int i = base, end = base + Math.min(left, CHUNK); i < end; i++) {
        k = keep(pTime[i], pSlot[i], entries, k);
      }
    }
    return k;
  }

  /**
   * Returns the next capacity, about double, of the form {@code 2^k - unit} (a multiple of {@code
   * unit}): with the 16-byte array header, every large array of the queue is then a power of two
   * in bytes or just under it. G1 gives an array of half a region or more whole regions of its own,
   * so a capacity that is a power of two in elements (plus the header) would waste most of a region
   * per array.
   */
  private static int grow(int current, int unit) {
    if (current >= Integer.MAX_VALUE / 2 - unit) {
      throw new IllegalStateException("event queue is full (" + current + " entries)");
    }
    long next = 2L * (current + unit) - unit;
    return (int) Math.max(64 - unit, next);
  }
}
