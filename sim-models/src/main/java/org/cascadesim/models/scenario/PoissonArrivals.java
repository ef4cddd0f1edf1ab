package org.cascadesim.models.scenario;

/**
 * Poisson arrivals: exponential gaps at a constant mean rate ({@code process: poisson}).
 *
 * @param ratePerSecond mean arrivals per second
 */
public record PoissonArrivals(double ratePerSecond) implements ArrivalSpec {}
