package org.cascadesim.models.scenario;

/** Which waiting call a bounded dependency serves next. */
public enum QueueDiscipline {
  /** First in, first out ({@code fifo}): the oldest waiter, which may already be abandoned. */
  FIFO,
  /** Last in, first out ({@code lifo}): the newest waiter, which is likely still wanted. */
  LIFO
}
