package org.cascadesim.models.scenario;

/** How a service runs handlers concurrently, selected in a scenario by {@code model}. */
public sealed interface RuntimeSpec permits GoroutinesRuntime, ThreadPoolRuntime, EventLoopRuntime {}
