package org.cascadesim.models.scenario;

/** What a {@code call} step calls: a dependency by name, or another service's endpoint. */
public sealed interface CallTarget permits DependencyRef, EndpointRef {}
