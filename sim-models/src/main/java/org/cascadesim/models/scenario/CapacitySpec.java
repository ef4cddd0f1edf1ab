package org.cascadesim.models.scenario;

/** How much work a dependency can do at once: without limit, or with a fixed concurrency. */
public sealed interface CapacitySpec permits UnboundedCapacity, BoundedCapacity {}
