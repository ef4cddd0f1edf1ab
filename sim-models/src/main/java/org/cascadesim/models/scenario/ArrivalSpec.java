package org.cascadesim.models.scenario;

/** An open-loop arrival process, selected in a scenario by {@code process}. */
public sealed interface ArrivalSpec permits PoissonArrivals, ConstantArrivals, ProfileArrivals {}
