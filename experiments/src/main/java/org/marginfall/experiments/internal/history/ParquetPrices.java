package org.marginfall.experiments.internal.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginfall.agents.data.ParquetRows;

/**
 * Reads a Parquet price file through {@link ParquetRows}, turning each row into the text cells that
 * {@link PriceFile.Builder} reads as a CSV row with a header. A time column with a timestamp
 * logical type is converted by its unit; a plain integer time is read by magnitude like a CSV cell.
 * Stateless.
 */
final class ParquetPrices {

  private ParquetPrices() {}

  static PriceTable read(byte[] bytes, String name, Optional<String> column)
      throws DataFileException {
    List<String> problems = new ArrayList<>();
    List<PriceFile.Builder> builder = new ArrayList<>(1);
    try {
      ParquetRows.read(
          bytes,
          TimeParser::show,
          new ParquetRows.Sink<DataFileException>() {
            @Override
            public void header(List<String> names) throws DataFileException {
              PriceFile.Builder b =
                  PriceFile.Builder.forHeader(
                      names.toArray(String[]::new), name, name + " schema", column, problems);
              if (b == null) {
                throw new DataFileException(problems);
              }
              builder.add(b);
            }

            @Override
            public void row(String[] cells, long row) {
              builder.get(0).row(cells, name + " row " + row);
            }
          });
    } catch (IOException e) {
      throw new DataFileException(List.of(name + ": " + e.getMessage()));
    }
    return builder.get(0).build();
  }
}
