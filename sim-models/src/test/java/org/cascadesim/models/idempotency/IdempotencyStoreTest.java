package org.cascadesim.models.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.random.Distribution;
import org.cascadesim.models.dependency.Dependency;
import org.cascadesim.models.idempotency.IdempotencyStore.Arrival;
import org.cascadesim.models.idempotency.IdempotencyStore.Completion;
import org.cascadesim.models.idempotency.IdempotencyStore.InProgress;
import org.cascadesim.models.idempotency.IdempotencyStore.Mode;
import org.cascadesim.models.idempotency.IdempotencyStore.RowState;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.request.RequestContext;
import org.cascadesim.models.runtime.GoroutineRuntime;
import org.cascadesim.models.runtime.Service;
import org.cascadesim.models.runtime.Step;
import org.junit.jupiter.api.Test;

/** The store's rules as pure functions, then two requests with one key racing through a handler. */
class IdempotencyStoreTest {

  private static final long MS = 1_000_000L;

  @Test
  void arrivalRulesFollowTheModeAndTheRow() {
    for (Mode mode : Mode.values()) {
      assertThat(IdempotencyStore.onArrival(mode, InProgress.CONFLICT, RowState.ABSENT)).isEqualTo(Arrival.RUN);
      assertThat(IdempotencyStore.onArrival(mode, InProgress.CONFLICT, RowState.COMPLETED)).isEqualTo(Arrival.REPLAY);
    }
    assertThat(IdempotencyStore.onArrival(Mode.ATOMIC_CLAIM, InProgress.CONFLICT, RowState.IN_PROGRESS)).isEqualTo(Arrival.CONFLICT);
    assertThat(IdempotencyStore.onArrival(Mode.ATOMIC_CLAIM, InProgress.WAIT, RowState.IN_PROGRESS)).isEqualTo(Arrival.WAIT);
    assertThat(IdempotencyStore.onCompletion(Mode.INSERT_AFTER_UNIQUE, RowState.COMPLETED)).isEqualTo(Completion.UNIQUE_VIOLATION);
    assertThat(IdempotencyStore.onCompletion(Mode.INSERT_AFTER_UNIQUE, RowState.ABSENT)).isEqualTo(Completion.STORE);
    assertThat(IdempotencyStore.onCompletion(Mode.CHECK_THEN_INSERT, RowState.COMPLETED)).isEqualTo(Completion.STORE);
  }

  /** Two requests with key "k": the first at 0, the duplicate at 100ms, while a 400ms charge runs. */
  private static List<Outcome> race(Mode mode, InProgress inProgress, SideEffectLedger[] ledgerOut, IdempotencyStore[] storeOut) {
    Simulation sim = new Simulation(1);
    Dependency provider = new Dependency(sim, "provider", new Distribution.Constant(400 * MS), 0,
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, List.of());
    SideEffectLedger ledger = new SideEffectLedger(sim, "provider", "charge");
    provider.onSuccessfulWork(ledger::record);
    IdempotencyStore store = new IdempotencyStore(sim, "pay.keys", mode, 2 * MS, inProgress, -1);
    Service service = new Service(sim, "pay", s -> new GoroutineRuntime(s, "pay"));
    service.endpoint("/charge").setProgram(List.of(
        new IdempotentBlock(store, List.of(new Step.Call(provider, Invocation.NO_TIMEOUT, false)))));
    List<Outcome> outcomes = new ArrayList<>();
    for (long at : new long[] {0, 100 * MS, 1_000 * MS}) {
      sim.scheduleAt(at, () -> Invocation.send(sim, service.endpoint("/charge"), new RequestContext(1, 1, "k"),
          Invocation.NO_TIMEOUT, false, outcomes::add));
    }
    sim.runUntilIdle();
    ledgerOut[0] = ledger;
    storeOut[0] = store;
    return outcomes;
  }

  @Test
  void checkThenInsertChargesTheDuplicateInFlightAndReplaysOnlyAfterTheInsert() {
    SideEffectLedger[] ledger = new SideEffectLedger[1];
    IdempotencyStore[] store = new IdempotencyStore[1];
    List<Outcome> outcomes = race(Mode.CHECK_THEN_INSERT, InProgress.CONFLICT, ledger, store);
    assertThat(outcomes).containsExactly(Outcome.OK, Outcome.OK, Outcome.OK);
    assertThat(ledger[0].effects()).isEqualTo(2);
    assertThat(ledger[0].duplicates()).isEqualTo(1);
    assertThat(ledger[0].keysDuplicated()).isEqualTo(1);
    assertThat(store[0].replays()).isEqualTo(1); // the request at 1s
  }

  @Test
  void insertAfterUniqueChargesTwiceThenFailsTheDuplicateAtTheInsert() {
    SideEffectLedger[] ledger = new SideEffectLedger[1];
    IdempotencyStore[] store = new IdempotencyStore[1];
    List<Outcome> outcomes = race(Mode.INSERT_AFTER_UNIQUE, InProgress.CONFLICT, ledger, store);
    assertThat(outcomes).containsExactly(Outcome.OK, Outcome.ERROR, Outcome.OK);
    assertThat(ledger[0].duplicates()).isEqualTo(1);
    assertThat(store[0].uniqueViolations()).isEqualTo(1);
  }

  @Test
  void atomicClaimAnswers409ToTheDuplicateInFlightAndReplaysAfterCompletion() {
    SideEffectLedger[] ledger = new SideEffectLedger[1];
    IdempotencyStore[] store = new IdempotencyStore[1];
    List<Outcome> outcomes = race(Mode.ATOMIC_CLAIM, InProgress.CONFLICT, ledger, store);
    // the 409 comes first (at 102ms), then the original (404ms), then the replay
    assertThat(outcomes).containsExactly(Outcome.CONFLICT, Outcome.OK, Outcome.OK);
    assertThat(ledger[0].effects()).isEqualTo(1);
    assertThat(store[0].conflicts()).isEqualTo(1);
    assertThat(store[0].replays()).isEqualTo(1);
  }

  @Test
  void atomicClaimThatWaitsGetsTheOriginalsResponseWithoutASecondCharge() {
    SideEffectLedger[] ledger = new SideEffectLedger[1];
    IdempotencyStore[] store = new IdempotencyStore[1];
    List<Outcome> outcomes = race(Mode.ATOMIC_CLAIM, InProgress.WAIT, ledger, store);
    assertThat(outcomes).containsExactly(Outcome.OK, Outcome.OK, Outcome.OK);
    assertThat(ledger[0].effects()).isEqualTo(1);
    assertThat(store[0].replays()).isEqualTo(2);
  }

  @Test
  void aFailedChargeReleasesTheClaimSoARetryRunsAgain() {
    Simulation sim = new Simulation(1);
    Dependency failing = new Dependency(sim, "provider", new Distribution.Constant(10 * MS), 1.0,
        Dependency.UNLIMITED, Dependency.QueueOrder.FIFO, -1, List.of());
    IdempotencyStore store = new IdempotencyStore(sim, "pay.keys", Mode.ATOMIC_CLAIM, 2 * MS, InProgress.CONFLICT, -1);
    Service service = new Service(sim, "pay", s -> new GoroutineRuntime(s, "pay"));
    service.endpoint("/charge").setProgram(List.of(
        new IdempotentBlock(store, List.of(new Step.Call(failing, Invocation.NO_TIMEOUT, false)))));
    List<Outcome> outcomes = new ArrayList<>();
    Invocation.send(sim, service.endpoint("/charge"), new RequestContext(1, 1, "k"), Invocation.NO_TIMEOUT, false, outcomes::add);
    sim.runUntilIdle();
    assertThat(outcomes).containsExactly(Outcome.ERROR);
    assertThat(store.state("k")).isEqualTo(RowState.ABSENT);
  }

  @Test
  void keysExpireAfterTheirTtl() {
    Simulation sim = new Simulation(1);
    IdempotencyStore store = new IdempotencyStore(sim, "pay.keys", Mode.CHECK_THEN_INSERT, MS, InProgress.CONFLICT, 50 * MS);
    Service service = new Service(sim, "pay", s -> new GoroutineRuntime(s, "pay"));
    service.endpoint("/x").setProgram(List.of(new IdempotentBlock(store, List.of(new Step.Io(new Distribution.Constant(MS))))));
    for (long at : new long[] {0, 10 * MS, 100 * MS}) {
      sim.scheduleAt(at, () -> Invocation.send(sim, service.endpoint("/x"), new RequestContext(1, 1, "k"),
          Invocation.NO_TIMEOUT, false, o -> { }));
    }
    sim.runUntilIdle();
    // the row is written at 3ms: replayed at 10ms, expired (older than 50ms) at 100ms
    assertThat(store.replays()).isEqualTo(1);
  }
}
