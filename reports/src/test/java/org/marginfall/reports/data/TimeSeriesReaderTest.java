package org.marginfall.reports.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.RunFixtures;

class TimeSeriesReaderTest {

  @TempDir Path dir;

  private TimeSeries read(String csv) throws IOException {
    Path file = dir.resolve("timeseries.csv");
    RunFixtures.write(file, csv);
    return TimeSeriesReader.read(file);
  }

  private ReportException failure(String csv) {
    return assertThrows(ReportException.class, () -> read(csv));
  }

  @Test
  void keepsHeaderOrderAndReadsEmptyCellsAsNaN() throws IOException {
    TimeSeries table = read("step,b,a\n0,1.5,\n1,-2.0E-3,7\n");
    assertEquals(List.of("step", "b", "a"), table.columnNames());
    assertEquals(2, table.rowCount());
    assertArrayEquals(new double[] {0, 1}, table.column("step"));
    assertArrayEquals(new double[] {1.5, -0.002}, table.column("b"));
    assertTrue(Double.isNaN(table.column("a")[0]));
    assertEquals(7.0, table.column("a")[1]);
  }

  @Test
  void readsTheFixtureWithAllColumns() throws IOException {
    TimeSeries table = read(RunFixtures.timeseriesCsv());
    assertEquals(RunFixtures.STEPS + 1, table.rowCount());
    assertEquals(5 + 6 * RunFixtures.VENUES.size(), table.columnNames().size());
    assertEquals(List.of("ETH"), RunColumns.ids(table, RunColumns.FUNDAMENTAL_PRICE));
    assertEquals(List.of("chainlink"), RunColumns.oracles(table, "ETH"));
    assertEquals(RunFixtures.VENUES, RunColumns.ids(table, RunColumns.LIQUIDATED_NOTIONAL));
  }

  @Test
  void numbersDoNotDependOnTheDefaultLocale() throws IOException {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertArrayEquals(new double[] {1234.5}, read("step,x\n0,1234.5\n").column("x"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void toleratesCrLfBlankTrailingLineAndBom() throws IOException {
    TimeSeries table = read("\uFEFFstep,x\r\n0,1.0\r\n1,2.0\r\n\r\n");
    assertEquals(List.of("step", "x"), table.columnNames());
    assertArrayEquals(new double[] {1.0, 2.0}, table.column("x"));
  }

  @Test
  void headerOnlyGivesAnEmptyTable() throws IOException {
    assertEquals(0, read("step,x\n").rowCount());
  }

  @Test
  void columnsAreCopiedOut() throws IOException {
    TimeSeries table = read("step,x\n0,1.0\n");
    table.column("x")[0] = 99.0;
    assertEquals(1.0, table.column("x")[0]);
  }

  @Test
  void missingFileNamesTheFile() {
    ReportException e =
        assertThrows(
            ReportException.class, () -> TimeSeriesReader.read(dir.resolve("timeseries.csv")));
    assertTrue(e.getMessage().startsWith("timeseries.csv: file not found"), e.getMessage());
  }

  @Test
  void missingStepColumnIsNamed() {
    assertEquals("timeseries.csv: missing column 'step'", failure("time_s,x\n0,1\n").getMessage());
  }

  @Test
  void emptyFileIsReported() {
    assertEquals("timeseries.csv: empty file (no header row)", failure("").getMessage());
  }

  @Test
  void duplicateColumnIsNamed() {
    assertEquals("timeseries.csv: duplicate column 'x'", failure("step,x,x\n0,1,2\n").getMessage());
  }

  @Test
  void raggedRowNamesItsLine() {
    assertEquals(
        "timeseries.csv: line 3 has 2 cells, the header has 3",
        failure("step,x,y\n0,1,2\n1,2\n").getMessage());
  }

  @Test
  void badNumberNamesLineAndColumn() {
    assertEquals(
        "timeseries.csv: line 2, column 'x': not a number: '1,5'",
        failure("step,x\n0,\"1,5\"\n").getMessage());
  }

  @Test
  void emptyStepIsRejected() {
    assertEquals(
        "timeseries.csv: line 2: empty cell in column 'step'",
        failure("step,x\n,1\n").getMessage());
  }

  @Test
  void idsThatCouldEscapeTheChartsDirectoryAreRejected() throws IOException {
    TimeSeries table = read("step,fundamental_price.../x\n0,1\n");
    ReportException e =
        assertThrows(
            ReportException.class, () -> RunColumns.ids(table, RunColumns.FUNDAMENTAL_PRICE));
    assertTrue(e.getMessage().contains("invalid id '../x'"), e.getMessage());
  }

  @Test
  void invalidUtf8IsReported() throws IOException {
    Path file = dir.resolve("timeseries.csv");
    Files.write(file, new byte[] {'s', 't', 'e', 'p', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    ReportException e = assertThrows(ReportException.class, () -> TimeSeriesReader.read(file));
    assertEquals("timeseries.csv: not valid UTF-8", e.getMessage());
  }
}
