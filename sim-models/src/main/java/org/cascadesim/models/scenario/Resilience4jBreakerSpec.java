package org.cascadesim.models.scenario;

/**
 * A resilience4j CircuitBreaker ({@code kind: resilience4j}) with optional TimeLimiter and
 * semaphore Bulkhead inside it; keys follow resilience4j's Spring Boot property names and
 * defaults (mechanisms.md b.1, b.3), see {@link BreakerDefaults}.
 *
 * @param failureRateThreshold percent, opens at or above
 * @param slowCallRateThreshold percent, opens at or above
 * @param slowCallDurationThresholdNanos a call is slow when strictly longer
 * @param timeBased {@code slidingWindowType: TIME_BASED}
 * @param slidingWindowSize calls (COUNT_BASED) or seconds (TIME_BASED)
 * @param minimumNumberOfCalls recorded calls before the rates count
 * @param waitDurationInOpenStateNanos time open before half-open (the first, if exponential)
 * @param exponentialBackoffMultiplier 1 for a fixed wait ({@code enableExponentialBackoff: false})
 * @param exponentialMaxWaitDurationInOpenStateNanos cap of the exponential wait, or {@link
 *     ScenarioDefaults#NO_TIMEOUT} for none
 * @param permittedNumberOfCallsInHalfOpenState trial calls
 * @param maxWaitDurationInHalfOpenStateNanos 0 waits forever
 * @param automaticTransitionFromOpenToHalfOpenEnabled a timer instead of the first call after the wait
 * @param timeLimiterNanos the TimeLimiter's timeoutDuration, or {@link ScenarioDefaults#NO_TIMEOUT} for none
 * @param bulkheadMaxConcurrentCalls the Bulkhead's size, or {@link ScenarioDefaults#UNBOUNDED} for none
 * @param bulkheadMaxWaitNanos the Bulkhead's maxWaitDuration
 * @param stuckHalfOpenAfterNanos simulator only; {@link BreakerDefaults#STUCK_DEFAULT} follows waitDurationInOpenState
 */
public record Resilience4jBreakerSpec(
    double failureRateThreshold,
    double slowCallRateThreshold,
    long slowCallDurationThresholdNanos,
    boolean timeBased,
    int slidingWindowSize,
    int minimumNumberOfCalls,
    long waitDurationInOpenStateNanos,
    double exponentialBackoffMultiplier,
    long exponentialMaxWaitDurationInOpenStateNanos,
    int permittedNumberOfCallsInHalfOpenState,
    long maxWaitDurationInHalfOpenStateNanos,
    boolean automaticTransitionFromOpenToHalfOpenEnabled,
    long timeLimiterNanos,
    int bulkheadMaxConcurrentCalls,
    long bulkheadMaxWaitNanos,
    long stuckHalfOpenAfterNanos) implements BreakerSpec {}
