package org.cascadesim.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadesim.cli.Main;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Smoke test of {@code sim bench --quick --format json}: shape and event counts, never timings. */
class BenchCommandTest {

  @Test
  void quickJsonRunPrintsOneObjectPerWorkloadWithTheExpectedEventCounts() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"bench", "--quick", "--format", "json"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();

    Map<String, Long> expectedEvents = new LinkedHashMap<>();
    expectedEvents.put("mm1", 200_000L);
    expectedEvents.put("ref-mm1", 200_000L);
    expectedEvents.put("hold-1k", 200_000L);
    expectedEvents.put("ref-hold-1k", 200_000L);
    expectedEvents.put("hold-1m", 200_000L);
    expectedEvents.put("ref-hold-1m", 200_000L);
    expectedEvents.put("timeouts", 200_000L); // 100,000 requests x 2.0 events
    expectedEvents.put("timeouts-nocancel", 280_000L); // 100,000 requests x 2.8 events
    expectedEvents.put("e2e", null); // checked below: it depends on the Poisson arrivals
    expectedEvents.put("e2e-timeouts", null);

    List<String> lines = out.toString().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).hasSize(expectedEvents.size() + 1);
    // The last line is the sweep workload: 2 rates x 2 replications of a 1-minute scenario.
    JsonNode sweep = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(sweep.get("workload").asString()).isEqualTo("sweep");
    assertThat(sweep.get("runs").asLong()).isEqualTo(4);
    assertThat(sweep.get("runsPerSecondParallel1").asDouble()).isPositive();
    assertThat(sweep.get("runsPerSecondParallel2").asDouble()).isPositive();
    assertThat(sweep.get("identicalResults").asBoolean()).isTrue();
    lines = lines.subList(0, lines.size() - 1);
    ObjectMapper mapper = new ObjectMapper();
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (String line : lines) {
      JsonNode node = mapper.readTree(line);
      assertThat(node.has("workload")).isTrue();
      assertThat(node.get("eventsPerSecond").asLong()).isPositive();
      assertThat(node.has("pendingEvents")).isTrue();
      byName.put(node.get("workload").asString(), node);
    }
    assertThat(byName.keySet()).containsExactlyElementsOf(expectedEvents.keySet());
    expectedEvents.forEach((name, events) -> {
      if (events != null) {
        assertThat(byName.get(name).get("events").asLong()).as(name).isEqualTo(events);
      }
    });
    // e2e: 5 simulated minutes at 1,000 requests/s (Poisson: 300,000 +- 5 sigma of 548), three
    // events per request (arrival, end of the CPU step, the dependency's answer), books balanced.
    JsonNode e2e = byName.get("e2e");
    long requests = e2e.get("details").get("requests").asLong();
    assertThat(requests).isBetween(297_260L, 302_740L);
    assertThat(e2e.get("events").asLong()).isBetween(3 * requests - 100, 3 * requests + 100);
    assertThat(e2e.get("details").get("balances").asBoolean()).isTrue();
    assertThat(e2e.get("reference").asString()).isEqualTo("mm1");
    assertThat(e2e.get("simulatedRequestsPerSecond").asLong()).isPositive();
    // The same arrivals with a 1 s timeout that is always cancelled: the same events executed.
    JsonNode withTimeouts = byName.get("e2e-timeouts");
    assertThat(withTimeouts.get("details").get("requests").asLong()).isEqualTo(requests);
    assertThat(withTimeouts.get("events").asLong()).isEqualTo(e2e.get("events").asLong());

    assertThat(byName.get("hold-1k").get("pendingEvents").asLong()).isEqualTo(1_000);
    assertThat(byName.get("hold-1m").get("pendingEvents").asLong()).isEqualTo(1_000_000);
    for (String hold : List.of("hold-1k", "hold-1m", "ref-hold-1k", "ref-hold-1m")) {
      // The arrays' footprint is deterministic: every pending event keeps at least its 8-byte time.
      assertThat(byName.get(hold).get("footprintBytesPerPendingEvent").asDouble()).as(hold).isGreaterThanOrEqualTo(8.0);
      // The heap figure is a difference of used heap around a GC: whatever the collector did, it is
      // there and a number, but its sign and size are not the test's business.
      JsonNode heap = byName.get(hold).get("bytesPerPendingEvent");
      assertThat(heap).as(hold).isNotNull();
      assertThat(heap.isNumber()).as(hold + ": %s", heap).isTrue();
      assertThat(heap.asDouble()).as(hold).isFinite();
    }
    assertThat(byName.get("mm1").get("ratioToReference").asDouble()).isPositive();
    assertThat(byName.get("timeouts").get("timeRatio").asDouble()).isPositive();
    // Same model, same streams: the engine and the reference loop record the same waits.
    assertThat(byName.get("mm1").get("details").get("waitsRecorded").asLong())
        .isEqualTo(byName.get("ref-mm1").get("details").get("waitsRecorded").asLong());
    assertThat(byName.get("timeouts").get("details").get("timeoutsCancelled").asLong())
        .isEqualTo(80_000);
  }

  @Test
  void unknownWorkloadIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"bench", "--workload", "nope"},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown workload 'nope'");
  }
}
