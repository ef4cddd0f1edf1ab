package org.cascadesim.models.scenario;

import java.util.function.BiConsumer;

/**
 * The semantic checks of a service's {@code breakers} and of the call steps that name them, with
 * the ranges each library accepts; part of {@link ScenarioValidator}.
 */
final class BreakerValidator {
  private static final long MS = 1_000_000L;

  private final BiConsumer<String, String> add;

  private BreakerValidator(BiConsumer<String, String> add) {
    this.add = add;
  }

  /** Checks the breakers of the service at {@code path} and every step's breaker reference. */
  static void validate(String path, ServiceSpec service, BiConsumer<String, String> add) {
    BreakerValidator v = new BreakerValidator(add);
    service.breakers().forEach((name, spec) -> v.breaker(path + ".breakers." + name, name, spec));
    StepTree.walk(path, service, (at, step) -> {
      if (step instanceof BreakerCallStep b && !service.breakers().containsKey(b.breaker())) {
        add.accept(at + ".call.breaker",
            "no breaker named '" + b.breaker() + "' in this service; breakers: "
                + (service.breakers().isEmpty() ? "(none; add a breakers: map to the service)"
                    : String.join(", ", service.breakers().keySet())));
      }
    });
  }

  private void breaker(String path, String name, BreakerSpec spec) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
      add.accept(path, "'" + name + "' is not a valid breaker name; use letters, digits, '-' and '_'");
    }
    if (spec.stuckHalfOpenAfterNanos() != BreakerDefaults.STUCK_DEFAULT && spec.stuckHalfOpenAfterNanos() <= 0) {
      add.accept(path + ".stuckHalfOpenAfter", "must be positive (was " + Durations.format(spec.stuckHalfOpenAfterNanos()) + ")");
    }
    if (spec instanceof OpossumBreakerSpec o) {
      percent(path + ".errorThresholdPercentage", o.errorThresholdPercentage(), true);
      positive(path + ".resetTimeout", o.resetTimeoutNanos());
      positive(path + ".rollingCountTimeout", o.rollingCountTimeoutNanos());
      if (o.rollingCountBuckets() < 1) {
        add.accept(path + ".rollingCountBuckets", "must be at least 1 (was " + o.rollingCountBuckets() + ")");
      } else if (o.rollingCountTimeoutNanos() > 0 && o.rollingCountTimeoutNanos() / o.rollingCountBuckets() < MS) {
        add.accept(path + ".rollingCountBuckets", "buckets must be at least 1ms long; rollingCountTimeout "
            + Durations.format(o.rollingCountTimeoutNanos()) + " / " + o.rollingCountBuckets() + " is shorter");
      }
      if (o.volumeThreshold() < 0) {
        add.accept(path + ".volumeThreshold", "must be 0 or more (was " + o.volumeThreshold() + ")");
      }
      if (o.capacity() < 0 && o.capacity() != ScenarioDefaults.UNBOUNDED) {
        add.accept(path + ".capacity", "must be 0 or more, or unbounded (was " + o.capacity() + ")");
      }
    } else if (spec instanceof Resilience4jBreakerSpec r) {
      percent(path + ".failureRateThreshold", r.failureRateThreshold(), false);
      percent(path + ".slowCallRateThreshold", r.slowCallRateThreshold(), false);
      positive(path + ".slowCallDurationThreshold", r.slowCallDurationThresholdNanos());
      atLeastOne(path + ".slidingWindowSize", r.slidingWindowSize());
      atLeastOne(path + ".minimumNumberOfCalls", r.minimumNumberOfCalls());
      if (r.waitDurationInOpenStateNanos() < MS) {
        add.accept(path + ".waitDurationInOpenState", "must be at least 1ms (was "
            + Durations.format(r.waitDurationInOpenStateNanos()) + ")");
      }
      if (!(r.exponentialBackoffMultiplier() >= 1) || !Double.isFinite(r.exponentialBackoffMultiplier())) {
        add.accept(path + ".exponentialBackoffMultiplier", "must be 1 or more (was " + r.exponentialBackoffMultiplier() + ")");
      }
      long cap = r.exponentialMaxWaitDurationInOpenStateNanos();
      if (cap != ScenarioDefaults.NO_TIMEOUT && cap < r.waitDurationInOpenStateNanos()) {
        add.accept(path + ".exponentialMaxWaitDurationInOpenState", "must be at least waitDurationInOpenState "
            + Durations.format(r.waitDurationInOpenStateNanos()) + " (was " + Durations.format(cap) + ")");
      }
      atLeastOne(path + ".permittedNumberOfCallsInHalfOpenState", r.permittedNumberOfCallsInHalfOpenState());
      if (r.maxWaitDurationInHalfOpenStateNanos() < 0) {
        add.accept(path + ".maxWaitDurationInHalfOpenState", "must be 0s (wait forever) or more");
      }
      if (r.timeLimiterNanos() != ScenarioDefaults.NO_TIMEOUT) {
        positive(path + ".timeLimiter.timeoutDuration", r.timeLimiterNanos());
      }
      if (r.bulkheadMaxConcurrentCalls() < 0 && r.bulkheadMaxConcurrentCalls() != ScenarioDefaults.UNBOUNDED) {
        add.accept(path + ".bulkhead.maxConcurrentCalls", "must be 0 or more (was " + r.bulkheadMaxConcurrentCalls() + ")");
      }
      if (r.bulkheadMaxWaitNanos() < 0) {
        add.accept(path + ".bulkhead.maxWaitDuration", "must be 0s or more");
      }
    }
  }

  private void percent(String path, double value, boolean zeroAllowed) {
    boolean ok = zeroAllowed ? value >= 0 && value <= 100 : value > 0 && value <= 100;
    if (!ok) {
      add.accept(path, "must be a percentage " + (zeroAllowed ? "in [0, 100]" : "in (0, 100]") + " (was " + value + ")");
    }
  }

  private void positive(String path, long nanos) {
    if (nanos <= 0) {
      add.accept(path, "must be positive (was " + Durations.format(nanos) + ")");
    }
  }

  private void atLeastOne(String path, int value) {
    if (value < 1) {
      add.accept(path, "must be at least 1 (was " + value + ")");
    }
  }
}
