package org.cascadesim.models.scenario;

/**
 * During the window, calls never answer ({@code mode: hang}): only a caller's timeout ends them.
 *
 * @param fromNanos when the fault starts
 * @param toNanos when the fault ends
 */
public record HangFault(long fromNanos, long toNanos) implements FaultSpec {}
