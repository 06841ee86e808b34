package org.marginfall.reports.doc;

import java.util.List;
import java.util.Objects;

/**
 * A table of a report: {@code id} names its files ({@code tables/<id>.csv}, {@code tables/<id>.tex}),
 * {@code title} is its caption, {@code columns} its header and {@code rows} its cells as text (already
 * formatted, so the HTML, PDF, CSV and LaTeX copies show the same digits).
 *
 * <p>Instances are immutable and thread-safe.
 */
public record Table(String id, String title, List<String> columns, List<List<String>> rows) {

    public Table {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!id.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("table id must match [A-Za-z0-9_-]+, was " + id);
        }
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + row.size()
                        + " cells for " + columns.size() + " columns");
            }
        }
    }
}
