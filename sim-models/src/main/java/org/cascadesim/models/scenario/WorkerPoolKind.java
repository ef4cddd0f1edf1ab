package org.cascadesim.models.scenario;

/** Which Node.js pool an event loop's worker pool stands for; both are a FIFO queue in front of N threads. */
public enum WorkerPoolKind {
  /**
   * The libuv threadpool ({@code libuv}): async {@code crypto.pbkdf2}, {@code fs}, {@code
   * dns.lookup}, zlib; 4 threads unless {@code UV_THREADPOOL_SIZE} says otherwise, at most 1024
   * (libuv threadpool docs).
   */
  LIBUV,
  /** A pool of {@code worker_threads} ({@code worker-threads}) for CPU-heavy JavaScript. */
  WORKER_THREADS
}
