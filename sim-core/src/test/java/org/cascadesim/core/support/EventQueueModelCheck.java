package org.cascadesim.core.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cascadesim.core.Action;
import org.cascadesim.core.event.EventQueue;

/**
 * Runs a sequence of operations against an {@link EventQueue} and against a reference model, a
 * {@link TreeMap} keyed by (time, sequence), and asserts after every operation that both agree:
 * size, earliest time, the identity, time and sequence of every polled event, the result of every
 * cancel and whether every handle ever issued is still pending. Handles must be unique over the
 * whole sequence, including after slots are reused.
 */
public final class EventQueueModelCheck {

  /** One operation on the queue. */
  public sealed interface Op permits Add, Poll, Cancel {}

  /** Adds an event at this time. */
  public record Add(long timeNanos) implements Op {}

  /** Polls the earliest event, if any (an empty queue is not polled). */
  public record Poll() implements Op {}

  /**
   * Cancels the handle at {@code pick} modulo the number of handles issued so far: pending,
   * already run and already cancelled handles are all picked.
   */
  public record Cancel(int pick) implements Op {}

  private record Key(long timeNanos, long seq) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byTime = Long.compare(timeNanos, other.timeNanos);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  /** An action that only carries its sequence number, to check which event came out. */
  private record Tag(long seq) implements Action {
    @Override
    public void run() {}
  }

  private EventQueueModelCheck() {}

  /** Runs the operations and returns how many events were polled (to show the check did work). */
  public static int run(List<? extends Op> ops) {
    EventQueue queue = new EventQueue();
    TreeMap<Key, Long> model = new TreeMap<>(); // key -> handle
    Map<Long, Key> pending = new LinkedHashMap<>(); // handle -> key
    List<Long> issued = new ArrayList<>();
    Set<Long> unique = new TreeSet<>();
    long nextSeq = 0;
    int polled = 0;
    for (Op op : ops) {
      if (op instanceof Add add) {
        long seq = nextSeq++;
        long handle = queue.add(add.timeNanos(), seq, new Tag(seq));
        assertThat(handle).as("handle of seq %d", seq).isNotNegative();
        assertThat(unique.add(handle)).as("handle %s is unique", handle).isTrue();
        issued.add(handle);
        Key key = new Key(add.timeNanos(), seq);
        model.put(key, handle);
        pending.put(handle, key);
      } else if (op instanceof Poll) {
        if (model.isEmpty()) {
          continue;
        }
        Map.Entry<Key, Long> expected = model.pollFirstEntry();
        pending.remove(expected.getValue());
        Action action = queue.poll();
        polled++;
        assertThat(action).isEqualTo(new Tag(expected.getKey().seq()));
        assertThat(queue.polledTimeNanos()).isEqualTo(expected.getKey().timeNanos());
        assertThat(queue.polledSeq()).isEqualTo(expected.getKey().seq());
      } else if (op instanceof Cancel cancel) {
        if (issued.isEmpty()) {
          assertThat(queue.cancel(EventQueue.NO_HANDLE)).isFalse();
          continue;
        }
        long handle = issued.get(Math.floorMod(cancel.pick(), issued.size()));
        Key key = pending.remove(handle);
        if (key != null) {
          model.remove(key);
        }
        assertThat(queue.cancel(handle)).as("cancel of %s", handle).isEqualTo(key != null);
      }
      assertAgree(queue, model, pending, issued);
    }
    return polled;
  }

  private static void assertAgree(
      EventQueue queue, TreeMap<Key, Long> model, Map<Long, Key> pending, List<Long> issued) {
    assertThat(queue.size()).isEqualTo(model.size());
    assertThat(queue.isEmpty()).isEqualTo(model.isEmpty());
    if (!model.isEmpty()) {
      assertThat(queue.peekTimeNanos()).isEqualTo(model.firstKey().timeNanos());
    }
    // Plain comparisons first: this loop runs for every handle after every operation.
    for (long handle : issued) {
      Key key = pending.get(handle);
      if (queue.isPending(handle) != (key != null)) {
        assertThat(queue.isPending(handle)).as("isPending(%s)", handle).isEqualTo(key != null);
      }
      if (key != null && queue.timeOf(handle) != key.timeNanos()) {
        assertThat(queue.timeOf(handle)).as("timeOf(%s)", handle).isEqualTo(key.timeNanos());
      }
    }
  }
}
