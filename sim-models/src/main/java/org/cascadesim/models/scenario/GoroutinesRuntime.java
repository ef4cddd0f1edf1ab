package org.cascadesim.models.scenario;

/**
 * One lightweight thread per request with no limit ({@code model: goroutines}): CPU steps never
 * wait for a thread.
 *
 * @param bytesPerGoroutine the memory estimate of one request's goroutine, for the memory gauge
 */
public record GoroutinesRuntime(long bytesPerGoroutine) implements RuntimeSpec {
  /** Goroutines with the default memory estimate. */
  public GoroutinesRuntime() {
    this(ScenarioDefaults.BYTES_PER_GOROUTINE);
  }
}
