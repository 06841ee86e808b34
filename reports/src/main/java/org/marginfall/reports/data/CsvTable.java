package org.marginfall.reports.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A CSV file of a sweep directory as text cells: a header and rows of the same width. Cells are
 * parsed to numbers where they are used, so an empty cell (an undefined statistic, a failed run)
 * stays distinguishable from zero.
 *
 * <p>Instances are immutable and thread-safe.
 */
public record CsvTable(String file, List<String> header, List<List<String>> rows) {

  public CsvTable {
    Objects.requireNonNull(file, "file");
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /**
   * @throws ReportException if the file is missing, empty, or has a row of the wrong width
   */
  public static CsvTable read(Path path) throws IOException {
    String name = String.valueOf(path.getFileName());
    if (!Files.isRegularFile(path)) {
      throw new ReportException(name, "file not found");
    }
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<String[]> lines = new ArrayList<>();
    try (MappingIterator<String[]> it =
        mapper.readerFor(String[].class).readValues(path.toFile())) {
      while (it.hasNext()) {
        lines.add(it.next());
      }
    } catch (NoSuchFileException e) {
      throw new ReportException(name, "file not found", e);
    } catch (RuntimeException e) {
      throw new ReportException(name, "not valid CSV: " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new ReportException(name, "empty file, expected a header row");
    }
    List<String> header = List.of(lines.get(0));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cells = lines.get(i);
      if (cells.length == 1 && cells[0].isEmpty()) {
        continue;
      }
      if (cells.length != header.size()) {
        throw new ReportException(
            name,
            "line " + (i + 1) + " has " + cells.length + " cells, the header has " + header.size());
      }
      rows.add(List.of(cells));
    }
    return new CsvTable(name, header, rows);
  }

  /** Index of {@code column}. */
  public int index(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new ReportException(file, "no column " + column);
    }
    return i;
  }

  /** Whether the header has {@code column}. */
  public boolean has(String column) {
    return header.contains(column);
  }

  /** The cell parsed as a double; NaN when empty or not a number. */
  public static double number(String cell) {
    if (cell.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
