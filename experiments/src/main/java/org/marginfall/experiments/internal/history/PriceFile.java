package org.marginfall.experiments.internal.history;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a price history file into a {@link PriceTable} (docs/data.md).
 *
 * <p>CSV comes in two layouts. With a header row, the time column is the first named {@code time},
 * {@code timestamp}, {@code open_time}, {@code date} or {@code datetime}; the prices are the column
 * named by {@code column}, else the candle columns {@code open,high,low,close} when all four are
 * there, else a column named {@code price}. Without a header (the first cell is a number), the file
 * is the exchange candle layout of Binance's klines: open time, open, high, low, close, then any
 * further columns (volume, close time, …), which are ignored. Parquet files are read by column name
 * as a CSV with a header. Every problem is reported with the file and its line (CSV) or row
 * (Parquet), at most {@value #MAX_PROBLEMS} of them. Stateless.
 */
public final class PriceFile {

  /** The most problems reported for one file; the rest are counted. */
  public static final int MAX_PROBLEMS = 20;

  private static final List<String> TIME_NAMES =
      List.of("time", "timestamp", "open_time", "date", "datetime");
  private static final List<String> CANDLE = List.of("open", "high", "low", "close");

  /** The file formats. */
  public enum Format {
    /** Comma-separated text, with or without a header. */
    CSV,
    /** Apache Parquet. */
    PARQUET;

    /** The format a file's name implies: Parquet by the {@code .parquet} extension, else CSV. */
    public static Format of(String fileName) {
      return fileName.toLowerCase(Locale.ROOT).endsWith(".parquet") ? PARQUET : CSV;
    }
  }

  private PriceFile() {}

  /**
   * Reads {@code bytes}, the content of the file named {@code name}.
   *
   * @param column the price column to read as timed points, if the user named one
   * @throws DataFileException with one line per problem
   */
  public static PriceTable read(byte[] bytes, String name, Format format, Optional<String> column)
      throws DataFileException {
    return format == Format.PARQUET
        ? ParquetPrices.read(bytes, name, column)
        : readCsv(bytes, name, column);
  }

  private static PriceTable readCsv(byte[] bytes, String name, Optional<String> column)
      throws DataFileException {
    Builder builder = null;
    List<String> problems = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = cells(line);
        String where = name + " line " + number;
        if (builder == null) {
          boolean header = !isNumber(cells[0]);
          builder =
              header
                  ? Builder.forHeader(cells, name, where, column, problems)
                  : Builder.forKlines(name, column, problems);
          if (builder == null) {
            throw new DataFileException(problems);
          }
          if (header) {
            continue;
          }
        }
        builder.row(cells, where);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (builder == null) {
      throw new DataFileException(List.of(name + ": the file holds no rows"));
    }
    return builder.build();
  }

  private static String[] cells(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i].trim();
      if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
        c = c.substring(1, c.length() - 1);
      }
      cells[i] = c;
    }
    return cells;
  }

  private static boolean isNumber(String cell) {
    try {
      Double.parseDouble(cell);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Collects rows of one layout into a table, noting each bad row. */
  static final class Builder {

    private final String name;
    private final int timeIndex;

    /** The price column of a point table, or -1 for candles. */
    private final int priceIndex;

    private final int[] candleIndex;
    private final String[] candleNames;
    private final List<String> problems;
    private final List<Long> times = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private int hidden;
    private long interval = -1;
    private long lastTime = Long.MIN_VALUE;
    private String lastWhere;

    private Builder(
        String name,
        int timeIndex,
        int priceIndex,
        int[] candleIndex,
        String[] candleNames,
        List<String> problems) {
      this.name = name;
      this.timeIndex = timeIndex;
      this.priceIndex = priceIndex;
      this.candleIndex = candleIndex;
      this.candleNames = candleNames;
      this.problems = problems;
    }

    static Builder forKlines(String name, Optional<String> column, List<String> problems) {
      if (column.isPresent()) {
        problems.add(
            name
                + ": a file without a header is read as candles (open time, open, high, low, close, …);"
                + " 'column' needs a header row naming the columns");
        return null;
      }
      return new Builder(
          name,
          0,
          -1,
          new int[] {1, 2, 3, 4},
          new String[] {"open", "high", "low", "close"},
          problems);
    }

    static Builder forHeader(
        String[] header,
        String name,
        String where,
        Optional<String> column,
        List<String> problems) {
      List<String> names = Arrays.stream(header).map(h -> h.toLowerCase(Locale.ROOT)).toList();
      int time = -1;
      for (String t : TIME_NAMES) {
        if (names.contains(t)) {
          time = names.indexOf(t);
          break;
        }
      }
      if (time < 0) {
        problems.add(
            where
                + ": no time column (name one time, timestamp, open_time, date or datetime); columns: "
                + String.join(", ", header));
        return null;
      }
      if (column.isPresent()) {
        int c = names.indexOf(column.get().toLowerCase(Locale.ROOT));
        if (c < 0) {
          problems.add(
              where + ": no column '" + column.get() + "'; columns: " + String.join(", ", header));
          return null;
        }
        return new Builder(name, time, c, null, null, problems);
      }
      if (names.containsAll(CANDLE)) {
        int[] idx = CANDLE.stream().mapToInt(names::indexOf).toArray();
        return new Builder(name, time, -1, idx, CANDLE.toArray(new String[0]), problems);
      }
      if (names.contains("price")) {
        return new Builder(name, time, names.indexOf("price"), null, null, problems);
      }
      problems.add(
          where
              + ": no price column (give open,high,low,close or price, or name one with 'column');"
              + " columns: "
              + String.join(", ", header));
      return null;
    }

    /** Adds one row; a bad row is noted and skipped. */
    void row(String[] cells, String where) {
      int needed =
          Math.max(
                  timeIndex,
                  priceIndex < 0 ? Arrays.stream(candleIndex).max().getAsInt() : priceIndex)
              + 1;
      if (cells.length < needed) {
        problem(where + ": " + cells.length + " columns, expected at least " + needed);
        return;
      }
      long t;
      try {
        t = TimeParser.millis(cells[timeIndex]);
      } catch (IllegalArgumentException e) {
        problem(where + ": " + e.getMessage());
        return;
      }
      // Order and gaps are judged on every readable time, so one bad price does not misplace the
      // rows after it.
      boolean ordered = lastTime == Long.MIN_VALUE || inOrder(t, where);
      if (t > lastTime) {
        lastTime = t;
        lastWhere = where;
      }
      double[] v = priceIndex >= 0 ? new double[1] : new double[4];
      for (int k = 0; k < v.length; k++) {
        int c = priceIndex >= 0 ? priceIndex : candleIndex[k];
        String label = priceIndex >= 0 ? "price" : candleNames[k];
        v[k] = price(cells[c], label, where);
        if (Double.isNaN(v[k])) {
          return;
        }
      }
      if (!ordered || v.length == 4 && !consistent(v, where)) {
        return;
      }
      times.add(t);
      values.add(v);
    }

    private double price(String cell, String label, String where) {
      double p;
      try {
        p = Double.parseDouble(cell);
      } catch (NumberFormatException e) {
        problem(where + ": unreadable " + label + " '" + cell + "'");
        return Double.NaN;
      }
      if (!(p > 0) || !Double.isFinite(p)) {
        problem(where + ": " + label + " must be a positive finite price, was " + cell);
        return Double.NaN;
      }
      return p;
    }

    private boolean consistent(double[] ohlc, String where) {
      double top = Math.max(ohlc[0], ohlc[3]);
      double bottom = Math.min(ohlc[0], ohlc[3]);
      if (ohlc[1] < top || ohlc[2] > bottom) {
        problem(
            where
                + ": high "
                + ohlc[1]
                + " and low "
                + ohlc[2]
                + " must enclose open "
                + ohlc[0]
                + " and close "
                + ohlc[3]);
        return false;
      }
      return true;
    }

    private boolean inOrder(long t, String where) {
      long previous = lastTime;
      if (t <= previous) {
        problem(
            where
                + ": time "
                + TimeParser.show(t)
                + " is not after the previous row's "
                + TimeParser.show(previous)
                + " ("
                + lastWhere.substring(name.length() + 1)
                + "); rows must be in strictly increasing time");
        return false;
      }
      if (priceIndex >= 0) {
        return true;
      }
      if (interval < 0) {
        interval = t - previous;
      } else if (t - previous != interval) {
        problem(
            where
                + ": gap: candle opens at "
                + TimeParser.show(t)
                + ", expected "
                + TimeParser.show(previous + interval)
                + " (candles of "
                + Resampler.SecondsText.of(interval / 1000.0)
                + ", set by the first two rows)");
        return false;
      }
      return true;
    }

    private void problem(String message) {
      if (problems.size() < MAX_PROBLEMS) {
        problems.add(message);
      } else {
        hidden++;
      }
    }

    PriceTable build() throws DataFileException {
      if (problems.isEmpty() && times.size() < 2) {
        problems.add(name + ": " + times.size() + " rows of prices; a history needs at least two");
      }
      if (!problems.isEmpty()) {
        List<String> all = new ArrayList<>(problems);
        if (hidden > 0) {
          all.add(name + ": and " + hidden + " more problems");
        }
        throw new DataFileException(all);
      }
      long[] t = times.stream().mapToLong(Long::longValue).toArray();
      if (priceIndex >= 0) {
        return new PriceTable.Points(t, values.stream().mapToDouble(v -> v[0]).toArray());
      }
      double[][] c = new double[4][t.length];
      for (int i = 0; i < t.length; i++) {
        for (int k = 0; k < 4; k++) {
          c[k][i] = values.get(i)[k];
        }
      }
      return new PriceTable.Candles(t, interval, c[0], c[1], c[2], c[3]);
    }
  }
}
