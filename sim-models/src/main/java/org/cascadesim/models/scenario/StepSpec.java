package org.cascadesim.models.scenario;

/** One handler step, selected in a scenario by its single key ({@code cpu}, {@code io}, {@code call}). */
public sealed interface StepSpec permits CpuStep, IoStep, CallStep, BreakerCallStep {}
