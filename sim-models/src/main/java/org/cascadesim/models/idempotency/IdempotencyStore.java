package org.cascadesim.models.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.cascadesim.core.Simulation;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.models.request.Outcome;
import org.cascadesim.models.runtime.Execution;
import org.cascadesim.models.runtime.Step;

/**
 * A service's idempotency-key table (a database table: every operation costs {@code opLatency}),
 * used three ways by {@link IdempotentBlock}: the naive SELECT, side effect, INSERT; the same with
 * a unique constraint on the final INSERT; and the fix, an atomic claim first (Postgres {@code
 * INSERT ... ON CONFLICT DO NOTHING}) with an in-progress state, a 409 or a wait for a duplicate
 * in progress, and a replay of the stored response for a completed key (Brandur Leach,
 * "Implementing Stripe-like Idempotency Keys in Postgres"; IETF draft-ietf-httpapi-idempotency-key-header).
 *
 * <p>Rows expire {@code ttl} after they were made (Stripe prunes keys at least 24 h old); an
 * expired key is a new key. A failed execution releases its claim at once, as Brandur's design
 * unlocks the key on error, so a retry runs it again. Books under {@code idempotency.<name>}:
 * {@code claims}, {@code replays}, {@code conflicts}, {@code waits}, {@code unique-violations},
 * {@code unkeyed}.
 */
public final class IdempotencyStore {

  /** How the handler uses the table. */
  public enum Mode {
    /** SELECT by key; nothing found: run the body (the side effect), then INSERT the result. */
    CHECK_THEN_INSERT,
    /** As {@link #CHECK_THEN_INSERT}, but the INSERT violates a unique constraint when the key is there. */
    INSERT_AFTER_UNIQUE,
    /** Claim the key first (insert-or-conflict, state in progress), run the body, store the result. */
    ATOMIC_CLAIM;

    /** Returns the scenario spelling ({@code atomic-claim}). */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** What an atomic claim does when the key is held by a request still in progress. */
  public enum InProgress {
    /** Answer 409 at once (IETF draft, Stripe {@code idempotency_key_in_use}, Brandur's lock). */
    CONFLICT,
    /** Wait for the holder to finish, as a second Postgres INSERT of an uncommitted unique value does. */
    WAIT
  }

  /** The state of a key's row as a request finds it. */
  public enum RowState {
    /** No row, or an expired one. */
    ABSENT,
    /** Claimed by a request still running. */
    IN_PROGRESS,
    /** Completed, with a stored response. */
    COMPLETED
  }

  /** What a request does on arriving at the block. */
  public enum Arrival {
    /** Run the body (claiming the key first in atomic mode). */
    RUN,
    /** Answer with the stored response. */
    REPLAY,
    /** Answer 409 (CONFLICT). */
    CONFLICT,
    /** Wait for the holder. */
    WAIT
  }

  /** What the request does after the body, at the final write. */
  public enum Completion {
    /** Store the response and go on. */
    STORE,
    /** The INSERT fails on the unique constraint: the handler answers an error, the side effect is done. */
    UNIQUE_VIOLATION
  }

  private final Simulation sim;
  private final String name;
  private final Mode mode;
  private final long opLatencyNanos;
  private final InProgress inProgress;
  private final long ttlNanos;
  private final TreeMap<String, Row> rows = new TreeMap<>();
  private final Counter claims;
  private final Counter replays;
  private final Counter conflicts;
  private final Counter waits;
  private final Counter uniqueViolations;
  private final Counter unkeyed;

  /**
   * Creates a store.
   *
   * @param name the store's display name ({@code payments.keys})
   * @param ttlNanos how long a row lives, or a negative value for ever
   */
  public IdempotencyStore(Simulation sim, String name, Mode mode, long opLatencyNanos, InProgress inProgress, long ttlNanos) {
    this.sim = sim;
    this.name = name;
    this.mode = mode;
    this.opLatencyNanos = opLatencyNanos;
    this.inProgress = inProgress;
    this.ttlNanos = ttlNanos;
    var metrics = sim.metrics();
    String prefix = "idempotency." + name;
    this.claims = metrics.counter(prefix + ".claims");
    this.replays = metrics.counter(prefix + ".replays");
    this.conflicts = metrics.counter(prefix + ".conflicts");
    this.waits = metrics.counter(prefix + ".waits");
    this.uniqueViolations = metrics.counter(prefix + ".unique-violations");
    this.unkeyed = metrics.counter(prefix + ".unkeyed");
  }

  /**
   * The arrival rule, a pure function: in the check-then-insert modes only completed rows exist
   * (nothing marks a key in progress), so a duplicate in flight finds nothing and runs too.
   */
  public static Arrival onArrival(Mode mode, InProgress inProgress, RowState row) {
    switch (row) {
      case COMPLETED:
        return Arrival.REPLAY;
      case IN_PROGRESS:
        if (mode != Mode.ATOMIC_CLAIM) {
          return Arrival.RUN;
        }
        return inProgress == InProgress.WAIT ? Arrival.WAIT : Arrival.CONFLICT;
      default:
        return Arrival.RUN;
    }
  }

  /** The final-write rule, a pure function of the mode and the row found at the INSERT. */
  public static Completion onCompletion(Mode mode, RowState row) {
    return mode == Mode.INSERT_AFTER_UNIQUE && row == RowState.COMPLETED ? Completion.UNIQUE_VIOLATION : Completion.STORE;
  }

  /** Returns the store's name. */
  public String name() {
    return name;
  }

  /** Returns the mode. */
  public Mode mode() {
    return mode;
  }

  /** Returns the number of replayed responses. */
  public long replays() {
    return replays.count();
  }

  /** Returns the number of 409 answers. */
  public long conflicts() {
    return conflicts.count();
  }

  /** Returns the number of unique-constraint violations at the final INSERT. */
  public long uniqueViolations() {
    return uniqueViolations.count();
  }

  /** Returns the state of a key's row now (expired rows are absent). */
  public RowState state(String key) {
    Row row = live(key);
    return row == null ? RowState.ABSENT : row.state;
  }

  /** Runs the block for an execution: called by {@link IdempotentBlock}. */
  void enter(Execution execution, List<Step> body) {
    String key = execution.call().context().idempotencyKey();
    if (key == null) {
      unkeyed.increment(sim.nowNanos());
      execution.enterBlock(body, null);
      return;
    }
    execution.beginWait();
    sim.schedule(opLatencyNanos, () -> arrive(execution, key, body));
  }

  private void arrive(Execution execution, String key, List<Step> body) {
    if (execution.isFinished()) {
      return;
    }
    if (execution.isCancelled()) {
      execution.proceed(); // the execution notices the cancellation and ends
      return;
    }
    long now = sim.nowNanos();
    Row row = live(key);
    switch (onArrival(mode, inProgress, row == null ? RowState.ABSENT : row.state)) {
      case REPLAY:
        replays.increment(now);
        execution.answer(row.response);
        return;
      case CONFLICT:
        conflicts.increment(now);
        execution.answer(Outcome.CONFLICT);
        return;
      case WAIT:
        waits.increment(now);
        row.waiters.add(() -> arrive(execution, key, body));
        return;
      default:
        List<Step> block = new ArrayList<>(body);
        if (mode == Mode.ATOMIC_CLAIM) {
          claims.increment(now);
          Row claim = new Row(RowState.IN_PROGRESS, null, now);
          rows.put(key, claim);
          block.add(e -> complete(e, key, claim));
          execution.enterBlock(block, () -> release(key, claim));
        } else {
          block.add(e -> complete(e, key, null));
          execution.enterBlock(block, null);
        }
    }
  }

  private void complete(Execution execution, String key, Row claim) {
    execution.beginWait();
    sim.schedule(opLatencyNanos, () -> {
      if (execution.isFinished()) {
        return;
      }
      long now = sim.nowNanos();
      if (claim != null) {
        claim.state = RowState.COMPLETED;
        claim.response = Outcome.OK;
        wake(claim);
        execution.proceed();
        return;
      }
      Row row = live(key);
      if (onCompletion(mode, row == null ? RowState.ABSENT : row.state) == Completion.UNIQUE_VIOLATION) {
        uniqueViolations.increment(now);
        execution.fail(Outcome.ERROR);
        return;
      }
      rows.put(key, new Row(RowState.COMPLETED, Outcome.OK, now));
      execution.proceed();
    });
  }

  /** The block ended: a claim still in progress (failure, cancellation) is released. */
  private void release(String key, Row claim) {
    if (claim.state == RowState.IN_PROGRESS) {
      if (rows.get(key) == claim) {
        rows.remove(key);
      }
      claim.state = RowState.ABSENT;
      wake(claim);
    }
  }

  private void wake(Row row) {
    List<Runnable> waiting = new ArrayList<>(row.waiters);
    row.waiters.clear();
    for (Runnable r : waiting) {
      r.run();
    }
  }

  private Row live(String key) {
    Row row = rows.get(key);
    if (row != null && ttlNanos >= 0 && row.createdAtNanos + ttlNanos <= sim.nowNanos()) {
      rows.remove(key);
      return null;
    }
    return row;
  }

  /** One key's row. */
  private static final class Row {
    RowState state;
    Outcome response;
    final long createdAtNanos;
    final List<Runnable> waiters = new ArrayList<>();

    Row(RowState state, Outcome response, long createdAtNanos) {
      this.state = state;
      this.response = response;
      this.createdAtNanos = createdAtNanos;
    }
  }
}
