package org.cascadesim.cli.chart;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.ChartUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Draws a chart as PNG bytes (JFreeChart through ImageIO: only IHDR, IDAT and IEND chunks, no
 * timestamps) and as SVG bytes through Apache Batik's {@code SVGGraphics2D} (Apache-2.0), both
 * deterministic for the same chart on one JDK (ecosystem.md section 2).
 */
public final class ChartFiles {
  private ChartFiles() {}

  /** The font stack written into SVG text, so a viewer without DejaVu Sans uses a close sans face. */
  static final String SVG_FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, Arial, sans-serif";

  /** Renders the chart as a PNG of its fixed size. */
  public static byte[] png(ChartSpec spec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, spec.chart(), spec.width(), spec.height());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Renders the chart as a standalone SVG document of its fixed size with a {@code viewBox}, so it
   * scales; every generated id starts with the chart's stem, so several charts can be inlined into
   * one HTML page without their clip paths colliding.
   */
  public static byte[] svg(ChartSpec spec) {
    Document document = GenericDOMImplementation.getDOMImplementation()
        .createDocument("http://www.w3.org/2000/svg", "svg", null);
    SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
    context.setComment(null);
    context.setEmbeddedFontsOn(false);
    context.setPrecision(2);
    String prefix = idPrefix(spec.stem());
    context.setIDGenerator(new PrefixedIds(prefix));
    SVGGraphics2D g = new SVGGraphics2D(context, false);
    g.setSVGCanvasSize(new Dimension(spec.width(), spec.height()));
    spec.chart().draw(g, new Rectangle2D.Double(0, 0, spec.width(), spec.height()));
    Element root = g.getRoot();
    root.setAttributeNS(null, "viewBox", "0 0 " + spec.width() + " " + spec.height());
    rewrite(root, prefix);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      g.stream(root, writer, false, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      g.dispose();
    }
    return out.toByteArray();
  }

  /** An id prefix from a stem: letters, digits and hyphens only, starting with a letter. */
  static String idPrefix(String stem) {
    StringBuilder b = new StringBuilder("c-");
    for (char c : stem.toCharArray()) {
      b.append(Character.isLetterOrDigit(c) && c < 128 ? c : '-');
    }
    return b.append('-').toString();
  }

  /**
   * Writes the font stack into every font-family attribute and prefixes the ids Batik does not
   * generate ({@code genericDefs}), so no two inlined charts share an id.
   */
  private static void rewrite(Node node, String prefix) {
    if (node instanceof Element e) {
      if (e.hasAttribute("font-family")) {
        e.setAttribute("font-family", SVG_FONT_FAMILY);
      }
      String id = e.getAttribute("id");
      if (!id.isEmpty() && !id.startsWith(prefix)) {
        e.setAttribute("id", prefix + id);
      }
    }
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      rewrite(children.item(i), prefix);
    }
  }

  /** Batik's id generator with a fixed prefix per chart. */
  private static final class PrefixedIds extends SVGIDGenerator {
    private final String prefix;

    PrefixedIds(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public String generateID(String kind) {
      return super.generateID(prefix + kind);
    }
  }
}
