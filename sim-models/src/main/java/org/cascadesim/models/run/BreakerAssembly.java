package org.cascadesim.models.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cascadesim.core.Simulation;
import org.cascadesim.models.breaker.Breaker;
import org.cascadesim.models.breaker.BreakerCallee;
import org.cascadesim.models.breaker.GuardedCall;
import org.cascadesim.models.breaker.OpossumBreaker;
import org.cascadesim.models.breaker.OpossumConfig;
import org.cascadesim.models.breaker.Resilience4jBreaker;
import org.cascadesim.models.breaker.Resilience4jConfig;
import org.cascadesim.models.request.Callee;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.scenario.BreakerCallStep;
import org.cascadesim.models.scenario.BreakerDefaults;
import org.cascadesim.models.scenario.BreakerSpec;
import org.cascadesim.models.scenario.OpossumBreakerSpec;
import org.cascadesim.models.scenario.Resilience4jBreakerSpec;
import org.cascadesim.models.scenario.ScenarioDefaults;
import org.cascadesim.models.scenario.ServiceSpec;

/** The breaker part of {@link ModelAssembler}: breaker specs to breakers, breaker call steps to {@link GuardedCall}s
 * over {@link BreakerCallee}s. */
final class BreakerAssembly {
  private BreakerAssembly() {}

  /** Creates the service's breakers in file order. */
  static Map<String, Breaker> breakers(Simulation sim, String service, ServiceSpec spec) {
    Map<String, Breaker> out = new LinkedHashMap<>();
    spec.breakers().forEach((name, b) -> out.put(name, breaker(sim, service, name, b)));
    return out;
  }

  private static Breaker breaker(Simulation sim, String service, String name, BreakerSpec spec) {
    if (spec instanceof OpossumBreakerSpec o) {
      long stuck = o.stuckHalfOpenAfterNanos() == BreakerDefaults.STUCK_DEFAULT
          ? o.resetTimeoutNanos() : o.stuckHalfOpenAfterNanos();
      return new OpossumBreaker(sim, service, name, new OpossumConfig(o.timeoutNanos(),
          o.errorThresholdPercentage(), o.resetTimeoutNanos(), o.rollingCountTimeoutNanos(),
          o.rollingCountBuckets(), o.volumeThreshold(), o.allowWarmUp(),
          o.capacity() == ScenarioDefaults.UNBOUNDED ? OpossumConfig.UNBOUNDED : o.capacity(), stuck));
    }
    Resilience4jBreakerSpec r = (Resilience4jBreakerSpec) spec;
    long stuck = r.stuckHalfOpenAfterNanos() == BreakerDefaults.STUCK_DEFAULT
        ? r.waitDurationInOpenStateNanos() : r.stuckHalfOpenAfterNanos();
    return new Resilience4jBreaker(sim, service, name, new Resilience4jConfig(
        (float) r.failureRateThreshold(), (float) r.slowCallRateThreshold(), r.slowCallDurationThresholdNanos(),
        r.timeBased(), r.slidingWindowSize(), r.minimumNumberOfCalls(), r.waitDurationInOpenStateNanos(),
        r.exponentialBackoffMultiplier(),
        r.exponentialMaxWaitDurationInOpenStateNanos() == ScenarioDefaults.NO_TIMEOUT
            ? Long.MAX_VALUE : r.exponentialMaxWaitDurationInOpenStateNanos(),
        r.permittedNumberOfCallsInHalfOpenState(), r.maxWaitDurationInHalfOpenStateNanos(),
        r.automaticTransitionFromOpenToHalfOpenEnabled(),
        r.timeLimiterNanos() == ScenarioDefaults.NO_TIMEOUT ? 0 : r.timeLimiterNanos(),
        r.bulkheadMaxConcurrentCalls() == ScenarioDefaults.UNBOUNDED
            ? Resilience4jConfig.NO_BULKHEAD : r.bulkheadMaxConcurrentCalls(),
        r.bulkheadMaxWaitNanos(), stuck));
  }

  /** Returns the call's target seen through the step's breaker: every call sent to it is a breaker call. */
  static BreakerCallee callee(Simulation sim, BreakerCallStep spec, Callee target, Map<String, Breaker> breakers) {
    return new BreakerCallee(sim, target,
        spec.call().hasTimeout() ? spec.call().timeoutNanos() : Invocation.NO_TIMEOUT,
        spec.call().cancelOnTimeout(), breakers.get(spec.breaker()));
  }

  /**
   * Builds the step of a call through one of the service's breakers: {@code target} is {@code
   * through} itself, or a retrying layer in front of it whose deadline is {@code timeoutNanos}.
   */
  static GuardedCall step(Simulation sim, BreakerCallStep spec, BreakerCallee through, Callee target, long timeoutNanos) {
    Breaker breaker = through.breaker();
    return new GuardedCall(target, timeoutNanos, spec.call().cancelOnTimeout(),
        spec.fallback() == BreakerCallStep.Fallback.DEGRADED ? GuardedCall.Fallback.DEGRADED : GuardedCall.Fallback.ERROR,
        ModelAssembler.distribution(spec.fallbackLatency()),
        sim.random("breaker." + breaker.service() + "." + breaker.name() + ".fallback"));
  }
}
