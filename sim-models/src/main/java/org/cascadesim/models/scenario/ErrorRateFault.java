package org.cascadesim.models.scenario;

/**
 * During the window, this fraction of calls fails instead of the normal error rate.
 *
 * @param fromNanos when the fault starts
 * @param toNanos when the fault ends
 * @param errorRate the fraction of calls that fail, in [0, 1]
 */
public record ErrorRateFault(long fromNanos, long toNanos, double errorRate) implements FaultSpec {}
