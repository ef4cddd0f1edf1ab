package org.cascadesim.models.scenario;

/**
 * An opossum breaker ({@code kind: opossum}); keys and defaults as opossum's constructor applies
 * them (mechanisms.md a.1), see {@link BreakerDefaults}.
 *
 * @param timeoutNanos the call timeout, or 0 when disabled ({@code timeout: false})
 * @param errorThresholdPercentage opens when the error rate is strictly above it (0..100)
 * @param resetTimeoutNanos time open before half-open
 * @param rollingCountTimeoutNanos the statistics window
 * @param rollingCountBuckets buckets in the window
 * @param volumeThreshold fires in the window before a failure can open it
 * @param allowWarmUp no opening during the first window
 * @param capacity concurrent calls allowed, or {@link ScenarioDefaults#UNBOUNDED}
 * @param stuckHalfOpenAfterNanos simulator only; {@link BreakerDefaults#STUCK_DEFAULT} follows resetTimeout
 */
public record OpossumBreakerSpec(
    long timeoutNanos,
    double errorThresholdPercentage,
    long resetTimeoutNanos,
    long rollingCountTimeoutNanos,
    int rollingCountBuckets,
    int volumeThreshold,
    boolean allowWarmUp,
    int capacity,
    long stuckHalfOpenAfterNanos) implements BreakerSpec {}
