package org.cascadesim.cli.chart;

import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * One chart of a report before it is drawn: what it is, its file name stem, a caption for the
 * HTML report, and the JFreeChart with its fixed pixel size.
 *
 * @param kind the kind of chart
 * @param stem the file name without extension ({@code percentiles-client-shoppers})
 * @param caption one or two sentences saying what the chart shows and how to read it
 * @param chart the chart, fully styled
 * @param width width in pixels
 * @param height height in pixels
 */
public record ChartSpec(ChartKind kind, String stem, String caption, JFreeChart chart, int width, int height) {
  /** Checks the parts are present. */
  public ChartSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stem, "stem");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(chart, "chart");
  }

  /** The chart's title as drawn. */
  public String title() {
    return chart.getTitle() == null ? stem : chart.getTitle().getText();
  }
}
