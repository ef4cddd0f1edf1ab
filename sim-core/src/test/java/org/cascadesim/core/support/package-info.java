/**
 * Test helpers for the engine's correctness tests: a G/G/c/K queueing station built on the
 * public {@code Simulation} API, the closed-form results it is checked against, Student-t
 * confidence intervals over batch means or replications, a reference-model check of the event
 * queue, and the fixed seed of every jqwik property ({@link org.cascadesim.core.support.PropertySeed}).
 */
package org.cascadesim.core.support;
