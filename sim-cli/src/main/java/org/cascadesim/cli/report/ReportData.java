package org.cascadesim.cli.report;

import java.util.List;
import java.util.Objects;
import org.cascadesim.models.run.RunSummary;
import org.cascadesim.models.scenario.ScenarioSpec;
import org.cascadesim.models.scenario.TimelineSpec;

/**
 * Everything a report about one scenario is drawn from: the scenario, the resolved text users
 * can read, and one run summary per variant (the base first when it was run). Charts, the HTML
 * report and the files of the output folder are all rendered from this one value.
 *
 * @param scenario the base scenario (name, description, faults for shading)
 * @param resolvedText the fully resolved scenario (every default filled in) as text, for the report
 * @param runs one summary per variant, in the order they were run
 * @param comparisonText the side-by-side comparison table as printed on the terminal
 * @param timeline the lines of every run's cascade timeline
 */
public record ReportData(ScenarioSpec scenario, String resolvedText, List<RunSummary> runs, String comparisonText,
    TimelineSpec timeline) {

  /** Validates and copies. */
  public ReportData {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(resolvedText, "resolvedText");
    runs = List.copyOf(runs);
    Objects.requireNonNull(comparisonText, "comparisonText");
    Objects.requireNonNull(timeline, "timeline");
  }

  /** Report data with the default timeline lines. */
  public ReportData(ScenarioSpec scenario, String resolvedText, List<RunSummary> runs, String comparisonText) {
    this(scenario, resolvedText, runs, comparisonText, TimelineSpec.DEFAULTS);
  }
}
