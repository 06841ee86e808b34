package org.marginfall.experiments.internal.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.experiments.internal.parquet.ParquetTable;

/** The price file layouts, good and bad. */
class PriceFileTest {

  private static PriceTable csv(String text, Optional<String> column) throws DataFileException {
    return PriceFile.read(
        text.getBytes(StandardCharsets.UTF_8), "p.csv", PriceFile.Format.CSV, column);
  }

  private static List<String> problems(String text, Optional<String> column) {
    return assertThrows(DataFileException.class, () -> csv(text, column)).problems();
  }

  @Test
  void test_headerless_klines_areCandles_andExtraColumnsAreIgnored() throws Exception {
    PriceTable t =
        csv(
            "1583798400000,202.81,204.1,200.7,203.38,57317.11,1583801999999\n"
                + "1583802000000,203.38,204.9,200.78,201.38,40655.8,1583805599999\n",
            Optional.empty());
    PriceTable.Candles c = assertInstanceOf(PriceTable.Candles.class, t);
    assertEquals(3_600_000, c.intervalMillis());
    assertArrayEquals(new double[] {203.38, 201.38}, c.close());
  }

  @Test
  void test_header_withTimeAndPrice_isPoints_inIsoOrEpochTime() throws Exception {
    PriceTable t =
        csv(
            "time,price\n2020-03-12T00:00:00Z,194.61\n1584000000,169.54\n2020-03-12 09:00:00,167.97\n",
            Optional.empty());
    PriceTable.Points p = assertInstanceOf(PriceTable.Points.class, t);
    assertArrayEquals(
        new long[] {1_583_971_200_000L, 1_584_000_000_000L, 1_584_003_600_000L}, p.times());
    assertArrayEquals(new double[] {194.61, 169.54, 167.97}, p.prices());
  }

  @Test
  void test_column_picksAPriceColumn() throws Exception {
    PriceTable t =
        csv(
            "timestamp,ETH,BTC\n1583971200000,194.61,7932.8\n1583974800000,193.31,7900\n",
            Optional.of("btc"));
    assertArrayEquals(
        new double[] {7932.8, 7900}, assertInstanceOf(PriceTable.Points.class, t).prices());
  }

  @Test
  void test_badLines_eachGetOneProblemNamingFileAndLine() {
    List<String> p =
        problems(
            "time,open,high,low,close\n"
                + "2020-03-12T00:00:00Z,100,110,95,105\n"
                + "2020-03-12T01:00:00Z,105,106,90,abc\n"
                + "2020-03-12T02:00:00Z,105,106,90,0\n"
                + "yesterday,105,106,90,92\n"
                + "2020-03-12T02:00:00Z,105,106,90,92\n"
                + "2020-03-12T05:00:00Z,92,93,91,92\n"
                + "2020-03-12T06:00:00Z,92,91,90,92\n"
                + "2020-03-12T07:00:00Z,92\n",
            Optional.empty());
    assertEquals(
        List.of(
            "p.csv line 3: unreadable close 'abc'",
            "p.csv line 4: close must be a positive finite price, was 0",
            "p.csv line 5: unreadable time 'yesterday' (expected epoch seconds, milliseconds or microseconds, or ISO-8601"
                + " such as 2020-03-12T00:00:00Z)",
            "p.csv line 6: time 2020-03-12T02:00:00Z is not after the previous row's 2020-03-12T02:00:00Z (line 4); rows"
                + " must be in strictly increasing time",
            "p.csv line 7: gap: candle opens at 2020-03-12T05:00:00Z, expected 2020-03-12T03:00:00Z (candles of 3600 s,"
                + " set by the first two rows)",
            "p.csv line 8: high 91.0 and low 90.0 must enclose open 92.0 and close 92.0",
            "p.csv line 9: 2 columns, expected at least 5"),
        p);
  }

  @Test
  void test_missingColumns_andEmptyFiles_areNamed() {
    assertEquals(
        List.of(
            "p.csv line 1: no time column (name one time, timestamp, open_time, date or datetime);"
                + " columns: when, price"),
        problems("when,price\n1,2\n", Optional.empty()));
    assertEquals(
        List.of("p.csv line 1: no column 'close'; columns: time, price"),
        problems("time,price\n1,2\n", Optional.of("close")));
    assertEquals(List.of("p.csv: the file holds no rows"), problems("\n\n", Optional.empty()));
    assertEquals(
        List.of("p.csv: 1 rows of prices; a history needs at least two"),
        problems("time,price\n2020-03-12T00:00:00Z,1\n", Optional.empty()));
  }

  @Test
  void test_manyBadLines_areCappedWithACount() {
    StringBuilder s = new StringBuilder("time,price\n");
    for (int i = 0; i < 30; i++) {
      s.append(1_600_000_000 + i).append(",-1\n");
    }
    List<String> p = problems(s.toString(), Optional.empty());
    assertEquals(PriceFile.MAX_PROBLEMS + 1, p.size());
    assertEquals("p.csv: and 10 more problems", p.get(p.size() - 1));
  }

  @Test
  void test_parquet_isReadByColumnName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("p.parquet");
    try (ParquetTable t =
        new ParquetTable(
            file,
            "prices",
            List.of(
                new ParquetTable.Column("time", ParquetTable.Type.LONG),
                new ParquetTable.Column("price", ParquetTable.Type.DOUBLE)))) {
      t.write(List.of("1583971200000", "194.61"));
      t.write(List.of("1583974800000", "193.31"));
    }
    PriceTable table =
        PriceFile.read(
            Files.readAllBytes(file), "p.parquet", PriceFile.Format.PARQUET, Optional.empty());
    PriceTable.Points p = assertInstanceOf(PriceTable.Points.class, table);
    assertArrayEquals(new long[] {1_583_971_200_000L, 1_583_974_800_000L}, p.times());
    assertArrayEquals(new double[] {194.61, 193.31}, p.prices());
    var bad =
        assertThrows(
            DataFileException.class,
            () ->
                PriceFile.read(
                    "not parquet".getBytes(StandardCharsets.UTF_8),
                    "x.parquet",
                    PriceFile.Format.PARQUET,
                    Optional.empty()));
    assertEquals(1, bad.problems().size());
    assertEquals(
        true,
        bad.problems().get(0).startsWith("x.parquet: not a readable Parquet file"),
        bad.problems().get(0));
  }
}
