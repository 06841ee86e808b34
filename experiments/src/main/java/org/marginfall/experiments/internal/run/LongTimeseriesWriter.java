package org.marginfall.experiments.internal.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marginfall.experiments.internal.parquet.ParquetTable;

/**
 * Writes {@code timeseries-long.parquet}, the tidy long form of {@code timeseries.csv}: one row per
 * step and value column, with the columns {@code step, time, entity, metric, value}
 * (docs/outputs.md). It is made from the finished CSV, so each value is the CSV cell itself (an
 * empty cell is a null value) and the two files cannot disagree. Stateless and thread-safe.
 */
public final class LongTimeseriesWriter {

  /** The file's name in a run directory. */
  public static final String FILE = "timeseries-long.parquet";

  /** The columns, in order. */
  public static final List<ParquetTable.Column> COLUMNS =
      List.of(
          new ParquetTable.Column("step", ParquetTable.Type.LONG),
          new ParquetTable.Column("time", ParquetTable.Type.DOUBLE),
          new ParquetTable.Column("entity", ParquetTable.Type.STRING),
          new ParquetTable.Column("metric", ParquetTable.Type.STRING),
          new ParquetTable.Column("value", ParquetTable.Type.DOUBLE));

  private LongTimeseriesWriter() {}

  /** Writes the long form of the CSV file {@code csv} to {@code parquet}. */
  public static void write(Path csv, Path parquet) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        ParquetTable out = new ParquetTable(parquet, "timeseries", COLUMNS)) {
      String header = in.readLine();
      if (header == null) {
        return; // a run without a step writes no header, and so no row
      }
      List<String> names = Arrays.asList(header.split(",", -1));
      if (!names.subList(0, 2).equals(WideColumn.KEYS)) {
        throw new IOException(csv + " does not start with the columns " + WideColumn.KEYS);
      }
      List<WideColumn> columns = new ArrayList<>();
      for (String name : names.subList(2, names.size())) {
        columns.add(WideColumn.of(name));
      }
      String line;
      while ((line = in.readLine()) != null) {
        String[] cells = line.split(",", -1);
        if (cells.length != names.size()) {
          throw new IOException(
              csv + ": a row has " + cells.length + " cells, the header " + names.size());
        }
        for (int c = 0; c < columns.size(); c++) {
          WideColumn w = columns.get(c);
          out.write(List.of(cells[0], cells[1], w.entity(), w.metric(), cells[c + 2]));
        }
      }
    }
  }
}
