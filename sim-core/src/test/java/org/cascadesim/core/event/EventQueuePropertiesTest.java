package org.cascadesim.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import org.cascadesim.core.support.EventQueueModelCheck;
import org.cascadesim.core.support.EventQueueModelCheck.Add;
import org.cascadesim.core.support.EventQueueModelCheck.Cancel;
import org.cascadesim.core.support.EventQueueModelCheck.Op;
import org.cascadesim.core.support.EventQueueModelCheck.Poll;

/**
 * The {@link EventQueue} contract as jqwik properties against a TreeMap reference model (see
 * {@link EventQueueModelCheck}). Times are drawn from a narrow range so that equal times are
 * common, and sequences are long enough to grow the queue past its initial capacity of 64.
 */
class EventQueuePropertiesTest {

  @Property(tries = 300)
  void behavesLikeATreeMapOnTimeAndSequence(@ForAll("operations") List<Op> ops) {
    EventQueueModelCheck.run(ops);
  }

  @Property(tries = 100)
  void pollsEveryAddedEventInTimeThenSchedulingOrder(
      @ForAll @Size(min = 65, max = 600) List<@net.jqwik.api.constraints.LongRange(min = 0, max = 50) Long> times) {
    List<Op> ops = new java.util.ArrayList<>();
    times.forEach(t -> ops.add(new Add(t)));
    times.forEach(t -> ops.add(new Poll()));

    assertThat(EventQueueModelCheck.run(ops)).isEqualTo(times.size());
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Op> add = Arbitraries.longs().between(0, 20).map(Add::new);
    Arbitrary<Op> poll = Arbitraries.just(new Poll());
    Arbitrary<Op> cancel = Arbitraries.integers().between(0, 10_000).map(Cancel::new);
    return Arbitraries.frequencyOf(Tuple.of(6, add), Tuple.of(3, poll), Tuple.of(2, cancel))
        .list()
        .ofMaxSize(400);
  }
}
