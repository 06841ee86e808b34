package org.marginfall.experiments.internal.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * RFC 4180 lines for the sweep tables, written and read by Jackson's CSV format (the reader the
 * reports use for the same files): a cell is quoted only when it holds a comma or a quote (strict
 * quoting check); every record is written on one line, because line breaks inside cells are
 * replaced by spaces before writing ({@link #cell(String)}), so a table can be read and repaired
 * line by line. Stateless and thread-safe.
 */
public final class Csv {

  private static final CsvMapper MAPPER =
      CsvMapper.builder()
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .build();
  private static final ObjectWriter WRITER =
      MAPPER.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\n"));
  private static final ObjectReader READER =
      MAPPER.readerFor(String[].class).with(CsvSchema.emptySchema());

  private Csv() {}

  /** Text made safe for a one-line record: line breaks become spaces. */
  public static String cell(String text) {
    return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }

  /** One record of {@code cells} (each made one-line by {@link #cell}), without its line end. */
  public static String line(List<String> cells) {
    String[] row = cells.stream().map(Csv::cell).toArray(String[]::new);
    try {
      String record = WRITER.writeValueAsString(row);
      return record.substring(0, record.length() - 1);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The cells of one record written by {@link #line(List)}; an empty line is one empty cell.
   *
   * @throws IllegalArgumentException when a quoted cell is not closed (a torn last line)
   */
  public static List<String> parse(String line) {
    try (MappingIterator<String[]> it = READER.readValues(line)) {
      if (!it.hasNext()) {
        return List.of("");
      }
      return List.of(it.next());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not one CSV record: " + e.getMessage(), e);
    }
  }
}
