package org.cascadesim.models.scenario;

/** One phase of a load profile, selected in a scenario by its single key. */
public sealed interface LoadPhase permits StepPhase, RampPhase, SpikePhase {}
