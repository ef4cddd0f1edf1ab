package org.cascadesim.models.scenario;

/**
 * A rate that changes linearly ({@code ramp: {from: 10/s, to: 50/s, for: 60s}}).
 *
 * @param fromPerSecond the rate at the start of the ramp
 * @param toPerSecond the rate at the end of the ramp
 * @param durationNanos how long the ramp lasts
 */
public record RampPhase(double fromPerSecond, double toPerSecond, long durationNanos)
    implements LoadPhase {}
