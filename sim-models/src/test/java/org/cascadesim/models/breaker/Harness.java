package org.cascadesim.models.breaker;

import java.util.ArrayList;
import java.util.List;
import org.cascadesim.core.Simulation;
import org.cascadesim.models.request.Invocation;
import org.cascadesim.models.request.Outcome;

/** Drives a breaker by hand: fires calls at chosen times and answers them when told. */
final class Harness {
  static final long MS = 1_000_000L;
  static final long S = 1_000_000_000L;

  final Simulation sim = new Simulation(1);
  final List<CallResult> results = new ArrayList<>();

  /** A call the breaker sent downstream; answer it or leave it hanging. */
  static final class Sent {
    Invocation.Reply reply;

    void answer(Outcome outcome) {
      reply.onReply(outcome);
    }
  }

  /** Moves the clock to {@code t}, running what is due. */
  void at(long t) {
    sim.runUntil(t);
  }

  /** Fires one call now; returns the downstream handle (its reply stays null if never sent). */
  Sent fire(Breaker breaker) {
    Sent sent = new Sent();
    breaker.fire(reply -> sent.reply = reply, (result, outcome) -> results.add(result));
    return sent;
  }

  /** Fires one call now and answers it at once. */
  CallResult fireAndAnswer(Breaker breaker, Outcome outcome) {
    int before = results.size();
    Sent sent = fire(breaker);
    if (sent.reply != null) {
      sent.answer(outcome);
    }
    return results.get(before);
  }

  CallResult last() {
    return results.get(results.size() - 1);
  }
}
