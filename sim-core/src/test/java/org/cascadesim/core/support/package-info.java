/**
 * Test helpers for the engine's correctness tests: a G/G/c/K queueing station built on the
 * public {@code Simulation} API, the closed-form results it is checked against, Student-t
 * confidence intervals over batch means or replications, and a reference-model check of the event
 * queue.
 */
package org.cascadesim.core.support;
