package org.marginfall.experiments.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 lines for the sweep tables: a cell is quoted when it holds a comma, a quote or a line
 * break; every record is written on one line (line breaks inside cells are replaced by spaces
 * before writing, see {@link #cell(String)}), so a table can be read and repaired line by line.
 * Stateless and thread-safe.
 */
public final class Csv {

  private Csv() {}

  /** Text made safe for a one-line record: line breaks become spaces. */
  public static String cell(String text) {
    return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  /** One record, without its line end. */
  public static String line(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * The cells of one record written by {@link #line(List)}.
   *
   * @throws IllegalArgumentException when a quoted cell is not closed (a torn last line)
   */
  public static List<String> parse(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder c = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          c.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          c.append(ch);
        }
      } else if (ch == '"' && c.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (ch == ',') {
        out.add(c.toString());
        c.setLength(0);
        wasQuoted = false;
      } else {
        c.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quoted cell");
    }
    out.add(c.toString());
    return out;
  }
}
