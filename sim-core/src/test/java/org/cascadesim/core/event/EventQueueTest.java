package org.cascadesim.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Action;
import org.cascadesim.core.random.RandomStream;
import org.cascadesim.core.support.EventQueueModelCheck;
import org.cascadesim.core.support.EventQueueModelCheck.Add;
import org.cascadesim.core.support.EventQueueModelCheck.Cancel;
import org.cascadesim.core.support.EventQueueModelCheck.Op;
import org.cascadesim.core.support.EventQueueModelCheck.Poll;
import org.junit.jupiter.api.Test;

/** Examples of the {@link EventQueue} contract, and the model check on seeded random sequences. */
class EventQueueTest {

  @Test
  void sameTimeEventsRunInSchedulingOrder() {
    EventQueue queue = new EventQueue();
    List<Action> actions = new ArrayList<>();
    for (int seq = 0; seq < 200; seq++) {
      Action action = () -> {};
      actions.add(action);
      queue.add(1_000, seq, action);
    }

    List<Action> polled = new ArrayList<>();
    while (!queue.isEmpty()) {
      polled.add(queue.poll());
    }

    assertThat(polled).containsExactlyElementsOf(actions);
  }

  @Test
  void cancelOfAlreadyRunAndAlreadyCancelledHandlesReturnsFalse() {
    EventQueue queue = new EventQueue();
    long ran = queue.add(1, 0, () -> {});
    long cancelled = queue.add(2, 1, () -> {});
    queue.poll();

    assertThat(queue.cancel(cancelled)).isTrue();
    assertThat(queue.cancel(cancelled)).isFalse();
    assertThat(queue.cancel(ran)).isFalse();
    assertThat(queue.cancel(EventQueue.NO_HANDLE)).isFalse();
    assertThat(queue.isEmpty()).isTrue();
  }

  @Test
  void aHandleStaysDeadAfterItsSlotIsReused() {
    EventQueue queue = new EventQueue();
    long old = queue.add(1, 0, () -> {});
    queue.poll();
    long reused = queue.add(2, 1, () -> {});

    assertThat(reused >>> 32).as("the freed slot is reused").isEqualTo(old >>> 32);
    assertThat(reused).isNotEqualTo(old);
    assertThat(queue.isPending(old)).isFalse();
    assertThat(queue.cancel(old)).isFalse();
    assertThat(queue.isPending(reused)).isTrue();
    assertThat(queue.size()).isEqualTo(1);
  }

  @Test
  void growsPastItsInitialCapacityAndStillPollsInOrder() {
    RandomStream random = new RandomStream("times", 99L);
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      ops.add(new Add(random.nextInt(1_000)));
    }
    for (int i = 0; i < 5_000; i++) {
      ops.add(new Poll());
    }

    assertThat(EventQueueModelCheck.run(ops)).isEqualTo(5_000);
  }

  @Test
  void cancellingFromTheMiddleKeepsTheHeapOrdered() {
    EventQueue queue = new EventQueue();
    long[] handles = new long[300];
    for (int i = 0; i < handles.length; i++) {
      handles[i] = queue.add((i * 7919L) % 300, i, () -> {});
    }
    for (int i = 0; i < handles.length; i += 3) {
      assertThat(queue.cancel(handles[i])).isTrue();
    }

    long previous = Long.MIN_VALUE;
    int polled = 0;
    while (!queue.isEmpty()) {
      queue.poll();
      assertThat(queue.polledTimeNanos()).isGreaterThanOrEqualTo(previous);
      assertThat(queue.polledSeq() % 3).as("cancelled events never come out").isNotZero();
      previous = queue.polledTimeNanos();
      polled++;
    }
    assertThat(polled).isEqualTo(200);
  }

  /**
   * The same model check as the jqwik property, on 200 sequences drawn from the engine's own
   * seeded streams: a deterministic regression net that does not depend on the property runner.
   */
  @Test
  void behavesLikeATreeMapOnSeededRandomSequences() {
    int polled = 0;
    for (long seed = 0; seed < 200; seed++) {
      RandomStream random = new RandomStream("ops", seed);
      int length = random.nextInt(500);
      List<Op> ops = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        int kind = random.nextInt(11);
        ops.add(kind < 6 ? new Add(random.nextInt(20)) : kind < 9 ? new Poll() : new Cancel(random.nextInt(10_000)));
      }
      polled += EventQueueModelCheck.run(ops);
    }
    assertThat(polled).isGreaterThan(10_000);
  }
}
