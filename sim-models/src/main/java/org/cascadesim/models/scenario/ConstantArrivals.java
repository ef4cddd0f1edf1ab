package org.cascadesim.models.scenario;

/**
 * Evenly spaced arrivals at a fixed rate ({@code process: constant}).
 *
 * @param ratePerSecond arrivals per second
 */
public record ConstantArrivals(double ratePerSecond) implements ArrivalSpec {}
