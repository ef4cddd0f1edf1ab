package org.cascadesim.models.scenario;

/** How a client generates requests: open loop (arrivals) or closed loop (users). */
public sealed interface LoadSpec permits OpenLoopLoad, ClosedLoopLoad {}
