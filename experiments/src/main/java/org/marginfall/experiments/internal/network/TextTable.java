package org.marginfall.experiments.internal.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text tables for the {@code network} command's standard output. Stateless and thread-safe.
 */
public final class TextTable {

  private TextTable() {}

  /**
   * The lines of a table whose first row is the header: each column as wide as its widest cell and
   * two spaces from the next, the first column left-aligned and the others right-aligned, so that a
   * long node id or a large amount never runs into the next column.
   */
  public static List<String> lines(List<List<String>> rows) {
    int[] width = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    List<String> lines = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < width.length; c++) {
        String cell = row.get(c);
        String pad = " ".repeat(width[c] - cell.length());
        if (c == 0) {
          line.append(cell).append(pad);
        } else {
          line.append("  ").append(pad).append(cell);
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
