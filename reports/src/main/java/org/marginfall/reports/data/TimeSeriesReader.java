package org.marginfall.reports.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code timeseries.csv} into a {@link TimeSeries}. Cells are parsed with {@link
 * Double#parseDouble} (the inverse of the engine's {@code Double.toString}, independent of the
 * default locale); an empty cell is {@link Double#NaN}. The header must name {@code step}, and
 * every row must have as many cells as the header, because a ragged row means a truncated or
 * damaged file and guessing which column a value belongs to would put it on the wrong chart.
 *
 * <p>This class has no mutable state (the CSV reader is configured once): it is immutable and
 * thread-safe.
 */
public final class TimeSeriesReader {

  /** The one column every chart is plotted against. */
  public static final String STEP = "step";

  /** Plain rows of strings: the header is read as data so its names can be checked here. */
  private static final ObjectReader ROWS =
      new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY);

  private TimeSeriesReader() {}

  /**
   * @param file path of a {@code timeseries.csv}
   * @return its columns
   * @throws ReportException if the file is missing or does not follow the contract
   * @throws IOException if the file exists but cannot be read
   */
  public static TimeSeries read(Path file) throws IOException {
    String name = String.valueOf(file.getFileName());
    if (!Files.exists(file)) {
      throw new ReportException(name, "file not found in " + file.toAbsolutePath().getParent());
    }
    if (!Files.isRegularFile(file)) {
      throw new ReportException(name, "not a regular file");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<List<String>> rows = ROWS.readValues(reader)) {
      return parse(name, rows);
    } catch (CharacterCodingException e) {
      throw new ReportException(name, "not valid UTF-8", e);
    } catch (JsonProcessingException e) {
      throw new ReportException(name, "not valid CSV: " + e.getOriginalMessage(), e);
    }
  }

  private static TimeSeries parse(String name, MappingIterator<List<String>> rows)
      throws IOException {
    if (!rows.hasNextValue()) {
      throw new ReportException(name, "empty file (no header row)");
    }
    List<String> header = stripBom(rows.nextValue());
    checkHeader(name, header);

    int stepIndex = header.indexOf(STEP);
    List<double[]> data = new ArrayList<>();
    // Line numbers assume one line per row, which holds for the engine's output (no quoted
    // line breaks); they only serve to point a user at the bad row.
    int line = 1;
    while (rows.hasNextValue()) {
      List<String> cells = rows.nextValue();
      line++;
      if (cells.size() == 1 && cells.get(0).isBlank()) {
        continue; // a blank line, e.g. an editor's extra newline at the end
      }
      if (cells.size() != header.size()) {
        throw new ReportException(
            name,
            "line " + line + " has " + cells.size() + " cells, the header has " + header.size());
      }
      double[] row = new double[cells.size()];
      for (int c = 0; c < row.length; c++) {
        row[c] = parseCell(name, line, header.get(c), cells.get(c));
      }
      if (Double.isNaN(row[stepIndex])) {
        throw new ReportException(name, "line " + line + ": empty cell in column '" + STEP + "'");
      }
      data.add(row);
    }
    return TimeSeries.of(transpose(header, data));
  }

  private static void checkHeader(String name, List<String> header) {
    Set<String> seen = new HashSet<>();
    for (String column : header) {
      if (column.isBlank()) {
        throw new ReportException(name, "header has an empty column name");
      }
      if (!seen.add(column)) {
        throw new ReportException(name, "duplicate column '" + column + "'");
      }
    }
    if (!seen.contains(STEP)) {
      throw new ReportException(name, "missing column '" + STEP + "'");
    }
  }

  private static double parseCell(String name, int line, String column, String cell) {
    String text = cell.strip();
    if (text.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new ReportException(
          name, "line " + line + ", column '" + column + "': not a number: '" + cell + "'", e);
    }
  }

  private static Map<String, double[]> transpose(List<String> header, List<double[]> rows) {
    Map<String, double[]> columns = new LinkedHashMap<>();
    for (int c = 0; c < header.size(); c++) {
      double[] column = new double[rows.size()];
      for (int r = 0; r < column.length; r++) {
        column[r] = rows.get(r)[c];
      }
      columns.put(header.get(c), column);
    }
    return columns;
  }

  /** A BOM is invisible in editors; without this the first column would silently not be 'step'. */
  private static List<String> stripBom(List<String> header) {
    if (header.isEmpty() || !header.get(0).startsWith("\uFEFF")) {
      return header;
    }
    List<String> copy = new ArrayList<>(header);
    copy.set(0, copy.get(0).substring(1));
    return copy;
  }
}
