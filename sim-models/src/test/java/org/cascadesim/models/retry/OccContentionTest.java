package org.cascadesim.models.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the AWS backoff-and-jitter contention experiment with the simulator's own backoff
 * code and checks the published ordering: exponential backoff without jitter does the most work
 * of the backoff variants and takes far longest; full and equal jitter do similar work and equal
 * jitter takes longer; no backoff at all does the most work.
 */
class OccContentionTest {

  private static final List<Backoff.Kind> KINDS = List.of(Backoff.Kind.NONE, Backoff.Kind.EXPONENTIAL,
      Backoff.Kind.FULL_JITTER, Backoff.Kind.EQUAL_JITTER, Backoff.Kind.DECORRELATED_JITTER);

  private static Map<Backoff.Kind, OccContention.Result> at(int clients, int trials) {
    Map<Backoff.Kind, OccContention.Result> results = new EnumMap<>(Backoff.Kind.class);
    for (Backoff.Kind kind : KINDS) {
      results.put(kind, OccContention.run(OccContention.strategy(kind), clients, trials, 42));
    }
    return results;
  }

  @Test
  void everyClientWritesExactlyOnceSoASingleClientNeedsOneCall() {
    for (Backoff.Kind kind : KINDS) {
      OccContention.Result r = OccContention.run(OccContention.strategy(kind), 1, 5, 1);
      assertThat(r.meanCalls()).isEqualTo(1.0);
      // read out, version back, write out, answer back: four messages of about 10 ms each
      assertThat(r.meanTimeMillis()).isBetween(30.0, 50.0);
    }
  }

  @Test
  void exponentialWithoutJitterDoesTheMostWorkOfTheBackoffVariantsAndTakesFarLongest() {
    for (int clients : new int[] {50, 100}) {
      Map<Backoff.Kind, OccContention.Result> r = at(clients, 10);
      double expoCalls = r.get(Backoff.Kind.EXPONENTIAL).meanCalls();
      double expoTime = r.get(Backoff.Kind.EXPONENTIAL).meanTimeMillis();
      for (Backoff.Kind jittered : List.of(Backoff.Kind.FULL_JITTER, Backoff.Kind.EQUAL_JITTER, Backoff.Kind.DECORRELATED_JITTER)) {
        assertThat(expoCalls).as("%d clients: exponential vs %s calls", clients, jittered)
            .isGreaterThan(r.get(jittered).meanCalls());
        assertThat(expoTime).as("%d clients: exponential vs %s time", clients, jittered)
            .isGreaterThan(2 * r.get(jittered).meanTimeMillis());
      }
      // no backoff at all: every conflict retries at once, the most work of all
      assertThat(r.get(Backoff.Kind.NONE).meanCalls()).isGreaterThan(expoCalls);
    }
  }

  @Test
  void fullAndEqualJitterDoSimilarWorkAndEqualJitterTakesLonger() {
    for (int clients : new int[] {50, 100}) {
      Map<Backoff.Kind, OccContention.Result> r = at(clients, 10);
      OccContention.Result full = r.get(Backoff.Kind.FULL_JITTER);
      OccContention.Result equal = r.get(Backoff.Kind.EQUAL_JITTER);
      assertThat(equal.meanCalls() / full.meanCalls()).as("%d clients: equal/full calls", clients).isBetween(0.75, 1.25);
      assertThat(equal.meanTimeMillis()).as("%d clients: equal vs full time", clients).isGreaterThan(full.meanTimeMillis());
    }
  }

  /** Prints the docs table (docs/retries.md) when run with -Docc.table=true; skipped otherwise. */
  @Test
  void printTheTableForTheDocs() {
    assumeTrue(Boolean.getBoolean("occ.table"), "prints the docs table only with -Docc.table=true");
    StringBuilder out = new StringBuilder("| clients |");
    for (Backoff.Kind k : KINDS) {
      out.append(' ').append(k.label()).append(" calls | ").append(k.label()).append(" ms |");
    }
    out.append('\n');
    for (int clients = 10; clients <= 190; clients += 20) {
      Map<Backoff.Kind, OccContention.Result> r = at(clients, 100);
      out.append("| ").append(clients).append(" |");
      for (Backoff.Kind k : KINDS) {
        out.append(String.format(Locale.ROOT, " %.0f | %.0f |", r.get(k).meanCalls(), r.get(k).meanTimeMillis()));
      }
      out.append('\n');
    }
    System.out.print(out);
  }
}
