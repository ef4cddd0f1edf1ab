package org.cascadesim.models.scenario;

/** A pooled resource a service's handlers hold for a block of steps, selected in a scenario by {@code kind}. */
public sealed interface PoolSpec permits ConnectionPoolSpec {}
