package org.cascadesim.models.scenario;

/** A data store owned by a service ({@code stores: {keys: {kind: idempotency-store, ...}}}). */
public sealed interface StoreSpec permits IdempotencyStoreSpec {}
