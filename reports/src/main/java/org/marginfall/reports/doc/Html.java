package org.marginfall.reports.doc;

/**
 * HTML escaping for text and attribute values, for every HTML page the reports write. Everything a
 * page shows from the input files (scenario names, ids, field names, strings) passes through here:
 * a scenario called {@code <script>} must show up as text, not run.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class Html {

  private Html() {}

  /**
   * Escapes {@code & < > " '}, which makes the result safe both as text and in quoted attributes.
   */
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
}
