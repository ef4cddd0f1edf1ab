package org.cascadesim.models.pool;

import org.cascadesim.core.Simulation;
import org.cascadesim.core.event.EventQueue;
import org.cascadesim.core.metrics.Counter;
import org.cascadesim.core.metrics.LatencyRecorder;
import org.cascadesim.core.metrics.TimeWeightedGauge;
import org.cascadesim.core.random.RandomStream;

/**
 * A fixed-size pool of connections that handlers acquire, hold for a block of steps and release:
 * the bounded resource behind mechanism (2) of mechanisms.md section c.4, where 50 connections
 * held across a 4 s provider call cap the service at 12.5 completions/s and every endpoint that
 * needs a connection queues behind the slow one.
 *
 * <p>State machine: a connection is idle or in use ({@code inUse + idle = size} always). An
 * acquire takes an idle connection at once; otherwise it is refused when {@code maxWaiters} are
 * already waiting, or else waits until a release hands it a connection (see {@link Handoff}), its
 * acquire deadline passes (Go's {@code context.WithTimeout} around {@code Acquire}, HikariCP's
 * {@code connectionTimeout}) or its caller gives up ({@code ctx.Done()}: it leaves the queue, as a
 * cancelled {@code x/sync/semaphore} waiter is removed from the list). Without a deadline a waiter
 * waits for ever, as {@code Acquire(context.Background())} does.
 *
 * <p>Simplifications: connections never break, expire or need dialling (the pool is always full,
 * HikariCP's recommended fixed-size pool); a FIFO or random hand-off reaches the waiter at the
 * release instant (a zero-delay event, so that long chains of hand-offs do not nest); fair
 * hand-off wakes the longest waiter after {@code handoffDelayNanos}, and a borrower arriving in
 * that window takes the connection (barging) while the woken waiter keeps its place at the head.
 *
 * <p>Metrics ({@code pool.<service>.<pool>.}): gauges {@code inuse}, {@code idle}, {@code
 * waiters}; latency {@code acquire-wait} (every granted acquire, zero waits included); counters
 * {@code acquired}, {@code rejected} (too many waiters), {@code acquire-timeouts}, {@code
 * cancelled} (callers that left the queue) and, for fair hand-off, {@code barged}.
 */
public final class ConnectionPool {

  /** An acquire timeout meaning "wait for ever". */
  public static final long NO_TIMEOUT = -1;
  /** A waiter limit meaning "no limit". */
  public static final int UNBOUNDED = -1;

  /** Hears how one acquire ends; exactly one of the two methods is called, once, unless the caller cancels. */
  public interface Listener {
    /** The caller now holds a connection and must {@link #release()} it exactly once. */
    void onAcquired();

    /**
     * The acquire failed without a connection.
     *
     * @param timedOut true when the acquire deadline passed, false when the waiter limit refused it
     */
    void onRefused(boolean timedOut);
  }

  /** One acquire: waiting, granted, refused or cancelled. */
  public final class Ticket {
    private final Listener listener;
    private final long sinceNanos;
    private WaiterSet.Node<Ticket> node;
    private long deadlineHandle = EventQueue.NO_HANDLE;
    private boolean waiting;

    private Ticket(Listener listener, long sinceNanos) {
      this.listener = listener;
      this.sinceNanos = sinceNanos;
    }

    /** Returns whether the acquire is still in the queue. */
    public boolean isWaiting() {
      return waiting;
    }

    /**
     * The caller gave up: leaves the queue if still waiting (no listener call). Returns whether
     * it left; a ticket already granted keeps its connection until released.
     */
    public boolean cancel() {
      if (!waiting) {
        return false;
      }
      leave();
      cancelled.increment(sim.nowNanos());
      return true;
    }

    private void leave() {
      waiting = false;
      waiters.remove(node);
      sim.cancel(deadlineHandle);
      waitersGauge.set(sim.nowNanos(), waiters.size());
    }

    private void expire() {
      if (!waiting) {
        return;
      }
      leave();
      timeouts.increment(sim.nowNanos());
      listener.onRefused(true);
    }
  }

  private final Simulation sim;
  private final String name;
  private final int size;
  private final long acquireTimeoutNanos;
  private final int maxWaiters;
  private final Handoff handoff;
  private final long handoffDelayNanos;
  private final RandomStream random;
  private final WaiterSet<Ticket> waiters;
  private final TimeWeightedGauge inUseGauge;
  private final TimeWeightedGauge idleGauge;
  private final TimeWeightedGauge waitersGauge;
  private final LatencyRecorder acquireWait;
  private final Counter acquired;
  private final Counter rejected;
  private final Counter timeouts;
  private final Counter cancelled;
  private final Counter barged;
  private int inUse;
  private int idle;
  private int handoffsPending;
  private int wakeupsStolen;
  private long releases;

  /**
   * Creates a full pool.
   *
   * @param service the owning service's name, for metric and stream names
   * @param name the pool's name within the service ({@code db})
   * @param size the number of connections, at least 1
   * @param acquireTimeoutNanos how long an acquire may wait, or {@link #NO_TIMEOUT}
   * @param maxWaiters how many acquires may wait at once, or {@link #UNBOUNDED}
   * @param handoff which waiter a freed connection goes to
   * @param handoffDelayNanos the wake-up delay of fair hand-off (ignored by the other policies)
   */
  public ConnectionPool(Simulation sim, String service, String name, int size, long acquireTimeoutNanos,
      int maxWaiters, Handoff handoff, long handoffDelayNanos) {
    if (size < 1) {
      throw new IllegalArgumentException("pool size must be at least 1 (was " + size + ")");
    }
    this.sim = sim;
    this.name = service + "." + name;
    this.size = size;
    this.acquireTimeoutNanos = acquireTimeoutNanos;
    this.maxWaiters = maxWaiters;
    this.handoff = handoff;
    this.handoffDelayNanos = handoffDelayNanos;
    String prefix = "pool." + this.name + ".";
    this.random = sim.random(prefix + "handoff");
    this.waiters = new WaiterSet<>(handoff != Handoff.RANDOM);
    long now = sim.nowNanos();
    this.inUseGauge = sim.metrics().gauge(prefix + "inuse", now);
    this.idleGauge = sim.metrics().gauge(prefix + "idle", now);
    this.waitersGauge = sim.metrics().gauge(prefix + "waiters", now);
    this.acquireWait = sim.metrics().latency(prefix + "acquire-wait");
    this.acquired = sim.metrics().counter(prefix + "acquired");
    this.rejected = sim.metrics().counter(prefix + "rejected");
    this.timeouts = sim.metrics().counter(prefix + "acquire-timeouts");
    this.cancelled = sim.metrics().counter(prefix + "cancelled");
    this.barged = handoff == Handoff.FAIR_WITH_BARGING ? sim.metrics().counter(prefix + "barged") : null;
    this.idle = size;
    idleGauge.set(now, idle);
  }

  /** Returns {@code <service>.<pool>}. */
  public String name() {
    return name;
  }

  /** Returns the number of connections. */
  public int size() {
    return size;
  }

  /** Returns the number of connections held by callers. */
  public int inUse() {
    return inUse;
  }

  /** Returns the number of connections nobody holds (including ones being handed to a waiter). */
  public int idle() {
    return idle;
  }

  /** Returns the number of acquires waiting. */
  public int waiting() {
    return waiters.size();
  }

  /** Returns the hand-off policy. */
  public Handoff handoff() {
    return handoff;
  }

  /** Returns the number of releases so far. */
  public long releases() {
    return releases;
  }

  /**
   * Asks for a connection. The listener hears {@link Listener#onAcquired()} at once when a
   * connection is idle, {@link Listener#onRefused(boolean)} at once when the waiter limit is
   * reached, and otherwise later; the returned ticket lets the caller give up while it waits.
   */
  public Ticket acquire(Listener listener) {
    long now = sim.nowNanos();
    Ticket ticket = new Ticket(listener, now);
    if (idle > handoffsPending) {
      take(ticket, now);
      listener.onAcquired();
      return ticket;
    }
    if (idle > 0) {
      // Every idle connection is on its way to a woken waiter (fair hand-off): barge in.
      handoffsPending--;
      wakeupsStolen++;
      barged.increment(now);
      take(ticket, now);
      listener.onAcquired();
      return ticket;
    }
    if (maxWaiters != UNBOUNDED && waiters.size() >= maxWaiters) {
      rejected.increment(now);
      listener.onRefused(false);
      return ticket;
    }
    ticket.waiting = true;
    ticket.node = waiters.add(ticket);
    waitersGauge.set(now, waiters.size());
    if (acquireTimeoutNanos != NO_TIMEOUT) {
      ticket.deadlineHandle = sim.schedule(acquireTimeoutNanos, ticket::expire);
    }
    return ticket;
  }

  /** Gives a connection back; a caller holding one calls this exactly once. */
  public void release() {
    if (inUse <= 0) {
      throw new IllegalStateException("pool " + name + ": release without a connection in use");
    }
    long now = sim.nowNanos();
    releases++;
    if (!waiters.isEmpty() && handoff != Handoff.FAIR_WITH_BARGING) {
      // The connection passes straight to the chosen waiter; it never becomes idle.
      Ticket next = waiters.take(handoff.pick(waiters.size(), random));
      grantWaiter(next, now);
      sim.schedule(0, next.listener::onAcquired);
      return;
    }
    inUse--;
    idle++;
    inUseGauge.set(now, inUse);
    idleGauge.set(now, idle);
    if (!waiters.isEmpty()) {
      handoffsPending++;
      sim.schedule(handoffDelayNanos, this::wakeUp);
    }
  }

  private void wakeUp() {
    if (wakeupsStolen > 0) {
      wakeupsStolen--; // a barging borrower took this connection; the waiter sleeps on
      return;
    }
    handoffsPending--;
    if (waiters.isEmpty()) {
      return; // the waiter left meanwhile: the connection stays idle
    }
    long now = sim.nowNanos();
    Ticket next = waiters.take(handoff.pick(waiters.size(), random));
    idle--;
    inUse++;
    inUseGauge.set(now, inUse);
    idleGauge.set(now, idle);
    grantWaiter(next, now);
    next.listener.onAcquired();
  }

  private void grantWaiter(Ticket ticket, long now) {
    ticket.waiting = false;
    sim.cancel(ticket.deadlineHandle);
    waitersGauge.set(now, waiters.size());
    acquireWait.record(now, now - ticket.sinceNanos);
    acquired.increment(now);
  }

  private void take(Ticket ticket, long now) {
    idle--;
    inUse++;
    inUseGauge.set(now, inUse);
    idleGauge.set(now, idle);
    acquireWait.record(now, now - ticket.sinceNanos);
    acquired.increment(now);
  }

  /**
   * Checks the books: {@code inUse + idle = size}, nothing negative, connections on their way to
   * waiters are idle ones, and no connection sits idle while someone waits (except during a fair
   * hand-off's wake-up). Returns a description of the first broken rule, or null.
   */
  public String checkInvariants() {
    if (inUse < 0 || idle < 0 || inUse + idle != size) {
      return "inUse=" + inUse + " idle=" + idle + " size=" + size;
    }
    if (handoffsPending < 0 || handoffsPending > idle || wakeupsStolen < 0) {
      return "handoffsPending=" + handoffsPending + " idle=" + idle + " wakeupsStolen=" + wakeupsStolen;
    }
    if (!waiters.isEmpty() && idle > handoffsPending) {
      return "idle=" + idle + " while " + waiters.size() + " wait (handoffsPending=" + handoffsPending + ")";
    }
    return null;
  }
}
