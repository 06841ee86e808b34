package org.marginfall.agents.snapshot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.agents.data.ParquetRows;

/**
 * Streams a CSV file (RFC 4180: comma-separated, a cell may be double-quoted with {@code ""} for a
 * quote, no line breaks inside cells) row by row, one line held at a time. Lines starting with
 * {@code #} and blank lines are skipped; the first other line is the header. Mutable and not
 * thread-safe: one per file.
 */
final class CsvRows {

  /** One data row: its line and its cells by column. */
  static final class Row {
    private final Map<String, Integer> columns;
    private final List<String> cells;
    final List<String> header;
    final long line;

    Row(Map<String, Integer> columns, List<String> header, List<String> cells, long line) {
      this.columns = columns;
      this.header = header;
      this.cells = cells;
      this.line = line;
    }

    /** The cell of {@code column}, trimmed; empty when the column is absent or the cell blank. */
    String get(String column) {
      Integer i = columns.get(column);
      return i == null || i >= cells.size() ? "" : cells.get(i).trim();
    }

    int size() {
      return cells.size();
    }
  }

  /** Receives the rows in file order. */
  interface Sink {
    void row(Row row) throws SnapshotFormatException;
  }

  private CsvRows() {}

  /**
   * As {@link #read(InputStream, List, Sink)}; when {@code parquet}, the same columns are read from
   * a Parquet file ({@link ParquetRows}: the schema's field names are the header, rows are numbered
   * from 1, the header is at row 0).
   */
  static void read(InputStream in, boolean parquet, List<String> required, Sink sink)
      throws IOException, SnapshotFormatException {
    if (!parquet) {
      read(in, required, sink);
      return;
    }
    Map<String, Integer> columns = new HashMap<>();
    List<List<String>> header = new ArrayList<>(1);
    ParquetRows.read(
        in.readAllBytes(),
        Long::toString,
        new ParquetRows.Sink<SnapshotFormatException>() {
          @Override
          public void header(List<String> names) throws SnapshotFormatException {
            header.add(List.copyOf(names));
            columns(names, required, columns, 0);
          }

          @Override
          public void row(String[] cells, long row) throws SnapshotFormatException {
            sink.row(new Row(columns, header.get(0), Arrays.asList(cells), row));
          }
        });
  }

  /**
   * Indexes {@code header} into {@code columns}, checking it names every column of {@code
   * required}.
   */
  private static void columns(
      List<String> header, List<String> required, Map<String, Integer> columns, long line)
      throws SnapshotFormatException {
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(header.get(i), i);
    }
    for (String column : required) {
      if (!columns.containsKey(column)) {
        throw new SnapshotFormatException(
            line,
            "the header lacks column '"
                + column
                + "' (it has: "
                + String.join(",", header)
                + "; needs: "
                + String.join(",", required)
                + ")");
      }
    }
  }

  /**
   * Reads the header, checks it names every column of {@code required}, and passes every data row
   * to {@code sink}.
   *
   * @throws SnapshotFormatException when there is no header or it lacks a required column
   */
  static void read(InputStream in, List<String> required, Sink sink)
      throws IOException, SnapshotFormatException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Map<String, Integer> columns = null;
    List<String> header = List.of();
    long line = 0;
    for (String text = reader.readLine(); text != null; text = reader.readLine()) {
      line++;
      if (line == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.isBlank() || text.startsWith("#")) {
        continue;
      }
      List<String> cells = split(text);
      if (columns == null) {
        header = cells.stream().map(String::trim).toList();
        columns = new HashMap<>();
        columns(header, required, columns, line);
        continue;
      }
      sink.row(new Row(columns, header, cells, line));
    }
    if (columns == null) {
      throw new SnapshotFormatException(
          line, "no header line (needs: " + String.join(",", required) + ")");
    }
  }

  /** Splits one line into cells; a quoted cell keeps its commas. */
  static List<String> split(String text) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
