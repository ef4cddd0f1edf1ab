package org.cascadesim.cli.html;

/**
 * HTML text escaping: every text that comes from a scenario (names, descriptions, keys) goes
 * through {@link #escape}, so a description holding {@code <script>} shows as text (OWASP XSS
 * prevention cheat sheet, rule 1: escape &amp; &lt; &gt; &quot; &#39; in element content and
 * quoted attributes).
 */
public final class Html {
  private Html() {}

  /** Escapes text for element content and double- or single-quoted attribute values. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Turns any text into a safe fragment identifier: ASCII letters, digits and hyphens. */
  public static String id(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
      out.append(keep ? c : '-');
    }
    return out.toString();
  }
}
