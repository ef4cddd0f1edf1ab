package org.cascadesim.models.pool;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cascadesim.core.Simulation;
import org.cascadesim.models.scenario.ConnectionPoolSpec;
import org.cascadesim.models.scenario.PoolSpec;
import org.cascadesim.models.scenario.ServiceSpec;

/** Builds a service's pools from its spec, in file order, so the model assembler stays a thin switch. */
public final class PoolAssembly {
  private PoolAssembly() {}

  /** Returns the pools of service {@code service} by name, created on {@code sim}. */
  public static Map<String, ConnectionPool> pools(Simulation sim, String service, ServiceSpec spec) {
    Map<String, ConnectionPool> pools = new LinkedHashMap<>();
    spec.pools().forEach((name, pool) -> pools.put(name, pool(sim, service, name, pool)));
    return pools;
  }

  private static ConnectionPool pool(Simulation sim, String service, String name, PoolSpec spec) {
    ConnectionPoolSpec c = (ConnectionPoolSpec) spec;
    Handoff handoff = switch (c.handoff()) {
      case FIFO -> Handoff.FIFO;
      case RANDOM -> Handoff.RANDOM;
      case FAIR_WITH_BARGING -> Handoff.FAIR_WITH_BARGING;
    };
    return new ConnectionPool(sim, service, name, c.size(),
        c.hasAcquireTimeout() ? c.acquireTimeoutNanos() : ConnectionPool.NO_TIMEOUT,
        c.isWaitersBounded() ? c.maxWaiters() : ConnectionPool.UNBOUNDED,
        handoff, c.handoffDelayNanos());
  }
}
