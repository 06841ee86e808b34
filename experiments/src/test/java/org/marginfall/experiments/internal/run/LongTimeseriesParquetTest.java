package org.marginfall.experiments.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.Fixtures;
import org.marginfall.experiments.Fixtures.CliResult;
import org.marginfall.experiments.Fixtures.Csv;

/**
 * {@code timeseries-long.parquet} of the bundled flash-crash example, read back with
 * parquet-hadoop: its schema is the documented one (docs/outputs.md) and every value equals its
 * cell of {@code timeseries.csv}.
 */
class LongTimeseriesParquetTest {

  @TempDir static Path tmp;

  private static Path run;
  private static MessageType schema;
  private static List<Group> rows;

  @BeforeAll
  static void runTheExample() throws IOException {
    run = tmp.resolve("run");
    CliResult r =
        Fixtures.cli("run", Fixtures.example().toString(), "--out", run.toString(), "--no-report");
    assertEquals(0, r.exit(), r.err());
    rows = new ArrayList<>();
    try (ParquetFileReader reader =
        ParquetFileReader.open(new LocalInputFile(run.resolve(LongTimeseriesWriter.FILE)))) {
      schema = reader.getFooter().getFileMetaData().getSchema();
      for (PageReadStore pages = reader.readNextRowGroup();
          pages != null;
          pages = reader.readNextRowGroup()) {
        RecordReader<Group> records =
            new ColumnIOFactory()
                .getColumnIO(schema)
                .getRecordReader(pages, new GroupRecordConverter(schema));
        for (long i = 0; i < pages.getRowCount(); i++) {
          rows.add(records.read());
        }
      }
    }
  }

  @Test
  void test_schema_isStepTimeEntityMetricValue() {
    assertEquals(
        List.of("step", "time", "entity", "metric", "value"),
        schema.getFields().stream().map(Type::getName).toList());
    assertEquals(
        PrimitiveTypeName.INT64, schema.getType("step").asPrimitiveType().getPrimitiveTypeName());
    assertEquals(
        PrimitiveTypeName.DOUBLE, schema.getType("time").asPrimitiveType().getPrimitiveTypeName());
    assertEquals(
        PrimitiveTypeName.DOUBLE, schema.getType("value").asPrimitiveType().getPrimitiveTypeName());
    for (String text : List.of("entity", "metric")) {
      assertEquals(
          LogicalTypeAnnotation.stringType(),
          schema.getType(text).getLogicalTypeAnnotation(),
          text);
    }
  }

  @Test
  void test_everyValue_equalsItsCsvCell() {
    Csv csv = Fixtures.csv(run.resolve("timeseries.csv"));
    List<String> columns = csv.header().subList(2, csv.header().size());
    assertEquals(121, csv.rows().size());
    assertEquals(
        csv.rows().size() * columns.size(), rows.size(), "one row per step and value column");
    int i = 0;
    int nulls = 0;
    for (String[] cells : csv.rows()) {
      for (int c = 0; c < columns.size(); c++) {
        Group g = rows.get(i++);
        assertEquals(Long.parseLong(cells[0]), g.getLong("step", 0));
        assertEquals(Double.parseDouble(cells[1]), g.getDouble("time", 0));
        assertEquals(columns.get(c), g.getString("metric", 0) + "." + g.getString("entity", 0));
        String cell = cells[c + 2];
        if (cell.isEmpty()) {
          assertEquals(0, g.getFieldRepetitionCount("value"), "an empty cell is a null value");
          nulls++;
        } else {
          assertEquals(
              Double.parseDouble(cell),
              g.getDouble("value", 0),
              columns.get(c) + " at step " + cells[0]);
        }
      }
    }
    long empty =
        csv.rows().stream()
            .flatMap(r -> java.util.Arrays.stream(r))
            .filter(String::isEmpty)
            .count();
    assertEquals(empty, nulls);
  }

  @Test
  void test_entitiesAndMetrics_followTheWideColumnNames() {
    Group first = rows.get(0);
    assertEquals("fundamental_price", first.getString("metric", 0));
    assertEquals("ETH", first.getString("entity", 0));
    assertTrue(
        rows.stream()
            .anyMatch(
                g ->
                    g.getString("metric", 0).equals("oracle_price")
                        && g.getString("entity", 0).equals("lagged-feed.ETH")));
    assertTrue(
        rows.stream()
            .anyMatch(
                g ->
                    g.getString("metric", 0).equals("bad_debt")
                        && g.getString("entity", 0).equals("perp-isolated")));
  }
}
