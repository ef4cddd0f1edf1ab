package org.cascadesim.models.scenario;

/** One handler step, selected in a scenario by its single key ({@code cpu}, {@code io}, {@code call} (with a breaker: {@link BreakerCallStep}), {@code offload}, {@code idempotent}; {@code with} for scoped pool use). */
public sealed interface StepSpec permits CpuStep, IoStep, CallStep, OffloadStep, WithStep, IdempotentStep, BreakerCallStep {}
