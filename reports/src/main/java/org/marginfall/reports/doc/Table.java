package org.marginfall.reports.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table of a report: {@code id} names its files ({@code tables/<id>.csv}, {@code
 * tables/<id>.tex}), {@code title} is its caption, {@code columns} its header, {@code rows} its
 * cells as the page, the PDF and the LaTeX copy show them (numbers rounded and grouped, see {@link
 * Numbers#format}), and {@code exact} the same cells as the CSV copy holds them (numbers with every
 * digit, see {@link Numbers#exact}); for a table of text the two are the same. Build tables with
 * numbers from {@link Cell}s ({@link #of}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public record Table(
    String id,
    String title,
    List<String> columns,
    List<List<String>> rows,
    List<List<String>> exact) {

  public Table {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    if (!id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("table id must match [A-Za-z0-9_-]+, was " + id);
    }
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    exact = exact.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "table "
                + id
                + ": a row has "
                + row.size()
                + " cells for "
                + columns.size()
                + " columns");
      }
    }
    if (exact.size() != rows.size()) {
      throw new IllegalArgumentException(
          "table " + id + ": " + exact.size() + " exact rows for " + rows.size() + " rows");
    }
    for (int r = 0; r < rows.size(); r++) {
      if (exact.get(r).size() != columns.size()) {
        throw new IllegalArgumentException(
            "table "
                + id
                + ": exact row "
                + r
                + " has "
                + exact.get(r).size()
                + " cells for "
                + columns.size()
                + " columns");
      }
    }
  }

  /** A table of text, the same in every copy. */
  public Table(String id, String title, List<String> columns, List<List<String>> rows) {
    this(id, title, columns, rows, rows);
  }

  /** A table of cells, each with its shown and its exact text. */
  public static Table of(String id, String title, List<String> columns, List<List<Cell>> cells) {
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> exact = new ArrayList<>();
    for (List<Cell> row : cells) {
      rows.add(row.stream().map(Cell::text).toList());
      exact.add(row.stream().map(Cell::exact).toList());
    }
    return new Table(id, title, columns, rows, exact);
  }
}
