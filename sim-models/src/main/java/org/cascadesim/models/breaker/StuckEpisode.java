package org.cascadesim.models.breaker;

/**
 * A "stuck half-open" episode: the breaker went half-open, handed out its last trial permit, and
 * that trial was still unanswered {@code stuckHalfOpenAfter} later, so every other call was being
 * rejected with nothing left that could close or reopen it (mechanisms.md section 0 fact 3).
 *
 * @param halfOpenSinceNanos when the breaker entered the half-open state
 * @param trialStartNanos when the trial that hung was admitted
 * @param detectedAtNanos when the simulator flagged the episode
 * @param endedAtNanos when the breaker left the half-open state, or -1 if it never did
 * @param rejectedWhileStuck calls short-circuited from detection to the end of the episode
 */
public record StuckEpisode(
    long halfOpenSinceNanos, long trialStartNanos, long detectedAtNanos, long endedAtNanos,
    long rejectedWhileStuck) {

  /** Returns whether the breaker was still stuck when the run ended. */
  public boolean openEnded() {
    return endedAtNanos < 0;
  }
}
