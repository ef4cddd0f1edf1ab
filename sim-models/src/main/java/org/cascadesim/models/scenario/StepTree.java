package org.cascadesim.models.scenario;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Visits every step of a handler, the steps of nested {@code with} and {@code idempotent} blocks
 * at any depth included, with each step's path as written in the file; the one walk every check
 * over steps shares, so that no rule sees only an endpoint's top level.
 */
final class StepTree {
  private StepTree() {}

  /**
   * Calls {@code visitor} with the path and the step of every step of {@code steps}, a block's
   * own step before the steps nested in it; {@code path} is the list's path ({@code
   * services.a.endpoints./x}), a step's path is {@code path[i]}, nested steps are at {@code
   * path[i].do[j]} ({@code with}) and {@code path[i].idempotent.do[j]} ({@code idempotent}).
   */
  static void walk(String path, List<StepSpec> steps, BiConsumer<String, StepSpec> visitor) {
    for (int i = 0; i < steps.size(); i++) {
      String at = path + "[" + i + "]";
      StepSpec step = steps.get(i);
      visitor.accept(at, step);
      if (step instanceof WithStep with) {
        walk(at + ".do", with.steps(), visitor);
      } else if (step instanceof IdempotentStep idempotent) {
        walk(at + ".idempotent.do", idempotent.steps(), visitor);
      }
    }
  }

  /** Walks every endpoint of the service at {@code servicePath}, as {@link #walk} does one. */
  static void walk(String servicePath, ServiceSpec service, BiConsumer<String, StepSpec> visitor) {
    service.endpoints().forEach((endpoint, e) -> walk(servicePath + ".endpoints." + endpoint, e.steps(), visitor));
  }

  /** The call a step makes (a call step, or the call of a call through a breaker), or null. */
  static CallStep call(StepSpec step) {
    if (step instanceof CallStep call) {
      return call;
    }
    return step instanceof BreakerCallStep guarded ? guarded.call() : null;
  }
}
