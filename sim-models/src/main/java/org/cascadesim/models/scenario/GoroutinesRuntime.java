package org.cascadesim.models.scenario;

/**
 * One lightweight thread per request with no limit ({@code model: goroutines}): CPU steps never
 * wait for a thread.
 */
public record GoroutinesRuntime() implements RuntimeSpec {}
