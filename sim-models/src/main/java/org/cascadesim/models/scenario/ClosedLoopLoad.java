package org.cascadesim.models.scenario;

import java.util.Objects;

/**
 * Closed-loop load: a fixed population of users, each sending one request, waiting for its
 * outcome, then thinking before the next one.
 *
 * @param users how many users
 * @param thinkTime the pause between a user's outcome and its next request
 */
public record ClosedLoopLoad(int users, DistributionSpec thinkTime) implements LoadSpec {
  /** Checks the think time is present. */
  public ClosedLoopLoad {
    Objects.requireNonNull(thinkTime, "thinkTime");
  }
}
