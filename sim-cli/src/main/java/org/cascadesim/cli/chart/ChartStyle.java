package org.cascadesim.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.cascadesim.models.request.Outcome;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The house look of every chart: the bundled DejaVu Sans font, a fixed colour per variant
 * position (base first) and per outcome, white plots with light grid lines. Everything that could
 * vary between machines (system fonts, theme order, locale) is pinned here, following the
 * determinism recipe of ecosystem.md section 2.
 */
final class ChartStyle {
  private ChartStyle() {}

  /** Chart width in pixels, the same for every chart. */
  static final int WIDTH = 960;
  /** Height of a chart with one plot. */
  static final int HEIGHT = 540;

  /** The bundled font (DejaVu Sans, Bitstream Vera licence; see fonts/DejaVuSans-LICENSE.txt). */
  static final Font FONT = loadFont("/org/cascadesim/cli/fonts/DejaVuSans.ttf");

  /**
   * Variant colours by position (base first): the Okabe-Ito palette, distinguishable with the
   * common colour-vision deficiencies; yellow is left out because it is unreadable on white.
   */
  private static final Color[] VARIANTS = {
    new Color(0x0072B2), // blue
    new Color(0xD55E00), // vermillion
    new Color(0x009E73), // bluish green
    new Color(0xCC79A7), // reddish purple
    new Color(0xE69F00), // orange
    new Color(0x56B4E9), // sky blue
    new Color(0x000000), // black
  };

  private static final Color TEXT = new Color(0x222222);
  private static final Color GRID = new Color(0xDDDDDD);

  /** Returns the colour of the variant at this position of {@code ReportData.runs()}. */
  static Color variantColor(int position) {
    return VARIANTS[Math.floorMod(position, VARIANTS.length)];
  }

  /** Returns the fixed colour of an outcome: green for success, warm colours for failures. */
  static Color outcomeColor(Outcome outcome) {
    return switch (outcome) {
      case OK -> new Color(0x2E7D32);
      case ERROR -> new Color(0xC62828);
      case TIMEOUT -> new Color(0xEF6C00);
      case REJECTED -> new Color(0x6A1B9A);
      case SHORT_CIRCUITED -> new Color(0x757575);
      case CONFLICT -> new Color(0x8D6E63);
      case DEGRADED -> new Color(0xF9A825);
    };
  }

  /** Returns the bundled font at a size in points. */
  static Font font(float size) {
    return FONT.deriveFont(Font.PLAIN, size);
  }

  /** A solid line of this width. */
  static Stroke solid(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  /** A dashed line of this width. */
  static Stroke dashed(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
  }

  /** Returns a colour with an alpha in [0, 255]. */
  static Color withAlpha(Color c, int alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
  }

  /** Applies the theme, fonts and rendering hints to a finished chart (call before series paints). */
  static void apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("cascadesim", false);
    theme.setExtraLargeFont(font(18f));
    theme.setLargeFont(font(14f));
    theme.setRegularFont(font(12f));
    theme.setSmallFont(font(10f));
    theme.setTitlePaint(TEXT);
    theme.setSubtitlePaint(new Color(0x555555));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(new Color(0xAAAAAA));
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setLegendItemPaint(TEXT);
    theme.setAxisLabelPaint(TEXT);
    theme.setTickLabelPaint(TEXT);
    theme.setItemLabelPaint(TEXT);
    theme.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 28));
    chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
      legend.setItemFont(font(12f));
    }
  }

  /** Adds a subtitle line in the small font under the title. */
  static void subtitle(JFreeChart chart, String text) {
    TextTitle subtitle = new TextTitle(text, font(12f));
    subtitle.setPaint(new Color(0x555555));
    subtitle.setHorizontalAlignment(HorizontalAlignment.LEFT);
    subtitle.setPadding(new RectangleInsets(2, 0, 6, 0));
    chart.addSubtitle(subtitle);
  }

  /** Styles the axis fonts and colours directly (axes created after the theme was applied). */
  static void axis(ValueAxis axis) {
    axis.setLabelFont(font(13f));
    axis.setTickLabelFont(font(11f));
    axis.setLabelPaint(TEXT);
    axis.setTickLabelPaint(TEXT);
  }

  /** Styles a plot's background and grid lines. */
  static void plot(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlinePaint(new Color(0xAAAAAA));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
  }

  /**
   * Shades [fromSeconds, toSeconds) behind a plot, labelled at the top left ({@code labelRow}
   * staggers labels of overlapping windows); a null label draws the shade alone.
   */
  static void shade(XYPlot plot, double fromSeconds, double toSeconds, Paint paint, String label, int labelRow) {
    IntervalMarker marker = new IntervalMarker(fromSeconds, toSeconds, paint);
    marker.setOutlinePaint(null);
    if (label != null) {
      marker.setLabel(label);
      marker.setLabelFont(font(11f));
      marker.setLabelPaint(TEXT);
      marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
      marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      marker.setLabelOffset(new RectangleInsets(4 + 14 * labelRow, 4, 0, 0));
    }
    plot.addDomainMarker(marker, Layer.BACKGROUND);
  }

  private static Font loadFont(String resource) {
    try (InputStream in = ChartStyle.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled font missing: " + resource);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("bundled font unreadable: " + resource, e);
    }
  }
}
