package org.cascadesim.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns names from a scenario (scenario, variant, client and endpoint names) into safe file
 * names: only {@code [A-Za-z0-9._-]}, every run of other characters becomes one {@code _}, no
 * {@code ..}, no leading dot, at most 100 characters; so a name can never leave the output folder
 * or hide a file.
 */
public final class FileNames {
  private static final int MAX_LENGTH = 100;

  private final List<String> used = new ArrayList<>();

  /** Creates a name allocator that keeps the names it gave out unique. */
  public FileNames() {}

  /** Returns the safe form of {@code name} ({@code checkout /pay} -> {@code checkout_pay}). */
  public static String sanitize(String name) {
    // ".." counts as a character to replace, so it joins the run of replaced characters around it.
    String text = name.replaceAll("\\.{2,}", "/");
    StringBuilder out = new StringBuilder();
    boolean replaced = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      boolean ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')
          || ch == '.' || ch == '_' || ch == '-';
      if (ok) {
        out.append(ch);
        replaced = false;
      } else if (!replaced) {
        out.append('_');
        replaced = true;
      }
    }
    String s = out.toString();
    if (s.startsWith(".")) {
      s = "_" + s.substring(1);
    }
    if (s.length() > MAX_LENGTH) {
      s = s.substring(0, MAX_LENGTH);
    }
    return s.isEmpty() ? "_" : s;
  }

  /**
   * Returns {@code sanitize(name)}, made unique among the names this allocator returned before by
   * a {@code -2}, {@code -3}, ... before the extension (two names can sanitize alike: {@code a/b}
   * and {@code a_b}); the comparison ignores case, for case-insensitive file systems.
   */
  public String unique(String name) {
    String base = sanitize(name);
    int dot = base.lastIndexOf('.');
    String stem = dot > 0 ? base.substring(0, dot) : base;
    String extension = dot > 0 ? base.substring(dot) : "";
    String candidate = base;
    for (int n = 2; isUsed(candidate); n++) {
      candidate = stem + "-" + n + extension;
    }
    used.add(candidate);
    return candidate;
  }

  private boolean isUsed(String candidate) {
    for (String name : used) {
      if (name.equalsIgnoreCase(candidate)) {
        return true;
      }
    }
    return false;
  }
}
