package org.cascadesim.models.request;

/**
 * What travels with a request through every hop: which logical request it belongs to, which
 * attempt it is, and the idempotency key shared by all attempts of one logical request (or null).
 */
public record RequestContext(long requestId, int attempt, String idempotencyKey) {}
