package org.cascadesim.cli.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Deep-merges a variant's overlay onto the base tree before binding: maps merge, lists and
 * scalars replace, {@code null} removes a key, and a map that changes its kind ({@code dist},
 * {@code process}, {@code model}, a breaker's {@code kind}) replaces the base map instead of mixing keys of two kinds.
 *
 * <p>An overlay may only change clients, services, dependencies and endpoints that the base
 * defines; naming one that does not exist is reported at the overlay's key.
 */
public final class TreeMerger {
  private static final List<String> KIND_KEYS = List.of("dist", "process", "model", "kind");
  private static final Pattern ENDPOINTS = Pattern.compile("services\\.[^.]+\\.endpoints");

  /** Creates a merger; it keeps no state between calls. */
  public TreeMerger() {}

  /**
   * Merges {@code overlay} onto {@code base}.
   *
   * @param base the base tree (without {@code variants})
   * @param overlay the variant's keys (without {@code description})
   * @param overlayPath the overlay's own path for error messages, e.g. {@code variants.fixed}
   * @param problems where problems are added
   * @return the merged tree; nodes keep the location they were written at
   */
  public Node.MapNode merge(
      Node.MapNode base, Node.MapNode overlay, String overlayPath, List<Problem> problems) {
    return mergeMap(base, overlay, "", overlayPath, problems);
  }

  private Node.MapNode mergeMap(
      Node.MapNode base, Node.MapNode overlay, String specPath, String overlayPath,
      List<Problem> problems) {
    Map<String, Node.Entry> out = new LinkedHashMap<>(base.entries());
    boolean named = isNamedCollection(specPath);
    for (Map.Entry<String, Node.Entry> e : overlay.entries().entrySet()) {
      String key = e.getKey();
      Node value = e.getValue().value();
      String childSpec = specPath.isEmpty() ? key : specPath + "." + key;
      String childOverlay = overlayPath + "." + key;
      Node.Entry baseEntry = base.entries().get(key);
      if (named && baseEntry == null) {
        problems.add(
            Problem.at(
                e.getValue().keyLocation(),
                childOverlay,
                "the variant changes "
                    + singular(specPath)
                    + " '"
                    + key
                    + "', which the base scenario does not define; "
                    + plural(specPath)
                    + ": "
                    + (base.entries().isEmpty() ? "(none)" : String.join(", ", base.entries().keySet()))));
        continue;
      }
      if (value instanceof Node.ScalarNode s && s.kind() == Node.Kind.NULL) {
        out.remove(key);
        continue;
      }
      Node baseValue = baseEntry == null ? null : baseEntry.value();
      if (baseValue == null && value instanceof Node.MapNode m && isNamedCollection(childSpec)) {
        baseValue = new Node.MapNode(m.location(), Map.of());
      }
      if (baseValue instanceof Node.MapNode bm
          && value instanceof Node.MapNode om
          && !changesKind(bm, om)) {
        Node.MapNode merged = mergeMap(bm, om, childSpec, childOverlay, problems);
        Location keyAt = baseEntry == null ? e.getValue().keyLocation() : baseEntry.keyLocation();
        out.put(key, new Node.Entry(keyAt, merged));
      } else {
        out.put(key, e.getValue());
      }
    }
    return new Node.MapNode(base.location(), out);
  }

  private static boolean changesKind(Node.MapNode base, Node.MapNode overlay) {
    for (String k : KIND_KEYS) {
      Node o = overlay.get(k);
      if (o instanceof Node.ScalarNode os) {
        Node b = base.get(k);
        if (!(b instanceof Node.ScalarNode bs) || !bs.text().equals(os.text())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNamedCollection(String specPath) {
    return specPath.equals("clients")
        || specPath.equals("services")
        || specPath.equals("dependencies")
        || ENDPOINTS.matcher(specPath).matches();
  }

  private static String singular(String specPath) {
    switch (specPath) {
      case "clients":
        return "client";
      case "services":
        return "service";
      case "dependencies":
        return "dependency";
      default:
        return "endpoint";
    }
  }

  private static String plural(String specPath) {
    return specPath.startsWith("services.") ? "endpoints" : specPath;
  }
}
