package org.cascadesim.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cascadesim.cli.io.ScenarioReader;
import org.cascadesim.cli.io.TreeParser;
import org.cascadesim.core.RunResult;
import org.cascadesim.models.run.ModelAssembler;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.run.SystemModel;
import org.cascadesim.models.run.TrafficSummary;
import org.cascadesim.models.scenario.ScenarioSpec;

/**
 * The end-to-end workload of issue 3: the bundled scenario {@code end-to-end.yaml} (a Poisson
 * client at 1,000 requests/s -> a 16-thread service -> a dependency, one simulated hour), run as
 * {@code sim run} runs it: the model with every histogram, gauge and per-window series, then the
 * run summary. Parsing and assembling are not timed. Its events/s is compared with the engine's
 * M/M/1 workload (target: at least one third), and the simulated requests per wall-clock second
 * are printed alongside. With {@code timeouts}, workload {@code e2e-timeouts}: the same with a 1 s
 * client timeout, so each request also schedules and cancels a timeout event (no target; shown
 * for what timeouts cost).
 *
 * <p>The number of events is not known in advance (it depends on the seed), so the first run fixes
 * it and every later run must execute exactly as many: a determinism check on every repetition.
 */
final class EndToEndWorkload implements Workload {

  static final String RESOURCE = "/org/cascadesim/cli/bench/end-to-end.yaml";

  private final ScenarioSpec spec;
  private final long seed;
  private final boolean timeouts;
  private long knownEvents = -1;

  EndToEndWorkload(boolean quick, boolean timeouts, long seed) {
    this.seed = seed;
    this.timeouts = timeouts;
    String text;
    try (InputStream in = EndToEndWorkload.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled bench scenario missing: " + RESOURCE);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> overrides = new ArrayList<>();
    if (quick) {
      overrides.add("duration=5m");
    }
    if (timeouts) {
      overrides.add("clients.load.timeout=1s");
    }
    this.spec = new ScenarioReader().parse(RESOURCE, text, TreeParser.Format.YAML, overrides).base();
  }

  @Override
  public String name() {
    return timeouts ? "e2e-timeouts" : "e2e";
  }

  @Override
  public String description() {
    return "client -> thread-pool(16) -> dependency at 1,000 requests/s for "
        + spec.durationNanos() / 60_000_000_000L + " simulated minutes, as sim run measures it"
        + (timeouts ? ", with a 1 s client timeout per request" : "");
  }

  @Override
  public long expectedEvents() {
    return knownEvents;
  }

  /** Returns the simulated duration in nanoseconds. */
  long simulatedNanos() {
    return spec.durationNanos();
  }

  @Override
  public Trial prepare() {
    SystemModel model = ModelAssembler.assemble(spec, seed);
    return new Trial() {
      private RunSummary summary;

      @Override
      public long run() {
        RunResult stop = model.run();
        summary = RunSummary.of(spec.name(), "base", model, stop);
        long events = model.simulation().eventsExecuted();
        if (knownEvents < 0) {
          knownEvents = events;
        }
        return events;
      }

      @Override
      public long pendingEvents() {
        return model.simulation().pendingEvents();
      }

      @Override
      public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        long requests = 0;
        for (TrafficSummary client : summary.clients()) {
          requests += client.offered();
        }
        details.put("requests", requests);
        details.put("simulatedSeconds", spec.durationNanos() / 1e9);
        details.put("balances", summary.balances());
        return details;
      }
    };
  }
}
