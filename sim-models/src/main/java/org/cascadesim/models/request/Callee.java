package org.cascadesim.models.request;

/** Something a request can be sent to: a service endpoint or a dependency. */
public interface Callee {
  /** Returns the callee's display name ({@code payments /charge}, {@code provider}). */
  String name();

  /**
   * Starts serving a call. The callee answers through {@link Invocation#complete(Outcome)}, or
   * never (a hung dependency); it keeps working after the caller gives up unless the caller
   * cancels the work (see {@link Invocation#isCancelled()}).
   */
  void accept(Invocation call);
}
