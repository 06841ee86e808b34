package org.marginfall.experiments.internal.calibrate.depth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.marginfall.experiments.internal.history.TimeParser;

/**
 * Reads a trades file (docs/data.md, "Trades files"), streaming it one line at a time: a CSV with a
 * header naming a time column, {@code price}, and {@code size} signed or with {@code side}
 * (buy/sell) or {@code is_buyer_maker}; or, when the first cell is a number, Binance's aggTrades
 * layout without a header (aggregate trade id, price, quantity, first trade id, last trade id,
 * time, was the buyer the maker, ...). Every row that breaks a rule is one problem {@code
 * file:line:column: ...}; at most {@link #MAX_LISTED} are kept, then a count. Mutable; one per
 * file.
 */
public final class TradesFile {

  /** Most problems listed one per line. */
  static final int MAX_LISTED = 20;

  private static final List<String> TIME_COLUMNS =
      List.of("time", "timestamp", "transact_time", "date", "datetime");

  private final String name;
  private final List<String> problems = new ArrayList<>();
  private int more;
  private long[] times = new long[1024];
  private double[] prices = new double[1024];
  private double[] sizes = new double[1024];
  private int n;

  /** Column indices (0-based) of the layout found. */
  private int timeColumn;

  private int priceColumn;
  private int sizeColumn;
  private int sideColumn = -1;
  private int makerColumn = -1;
  private int width;

  private TradesFile(String name) {
    this.name = name;
  }

  /**
   * Reads {@code in}; {@code name} names the file in problems.
   *
   * @throws TradesFileException listing every problem, one per line
   */
  public static Trades read(InputStream in, String name) throws IOException {
    TradesFile f = new TradesFile(name);
    String layout = f.parse(in);
    if (!f.problems.isEmpty()) {
      List<String> all = new ArrayList<>(f.problems);
      if (f.more > 0) {
        all.add(name + ": and " + f.more + " more problems");
      }
      throw new TradesFileException(all);
    }
    return new Trades(
        layout,
        Arrays.copyOf(f.times, f.n),
        Arrays.copyOf(f.prices, f.n),
        Arrays.copyOf(f.sizes, f.n));
  }

  private String parse(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String layout = null;
    long line = 0;
    for (String text = r.readLine(); text != null; text = r.readLine()) {
      line++;
      if (line == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      if (text.isBlank() || text.startsWith("#")) {
        continue;
      }
      String[] cells = text.split(",", -1);
      if (layout == null) {
        layout = startsWithNumber(cells[0]) ? aggTrades() : header(cells, line);
        if (layout == null) {
          return "header";
        }
        if (layout.equals("header")) {
          continue;
        }
      }
      row(cells, line);
    }
    if (layout == null) {
      problem(line == 0 ? 1 : line, 1, "no trades (an empty file)");
    } else if (n == 0 && problems.isEmpty()) {
      problem(line, 1, "no trades after the header");
    }
    return layout == null ? "header" : layout;
  }

  private static boolean startsWithNumber(String cell) {
    String s = cell.trim();
    return !s.isEmpty() && (Character.isDigit(s.charAt(0)));
  }

  /** Binance aggTrades without a header: price 2nd, quantity 3rd, time 6th, buyer-maker 7th. */
  private String aggTrades() {
    priceColumn = 1;
    sizeColumn = 2;
    timeColumn = 5;
    makerColumn = 6;
    width = 7;
    return "aggTrades";
  }

  /** Finds the columns by name; null (after a problem) when one is missing. */
  private String header(String[] cells, long line) {
    List<String> names = new ArrayList<>();
    for (String c : cells) {
      names.add(c.trim().toLowerCase(Locale.ROOT));
    }
    timeColumn = -1;
    for (String t : TIME_COLUMNS) {
      if (timeColumn < 0 && names.contains(t)) {
        timeColumn = names.indexOf(t);
      }
    }
    priceColumn = names.indexOf("price");
    sizeColumn = firstOf(names, "size", "quantity", "qty");
    sideColumn = names.indexOf("side");
    makerColumn = names.indexOf("is_buyer_maker");
    List<String> missing = new ArrayList<>();
    if (timeColumn < 0) {
      missing.add("a time column (" + String.join(", ", TIME_COLUMNS) + ")");
    }
    if (priceColumn < 0) {
      missing.add("price");
    }
    if (sizeColumn < 0) {
      missing.add("size (or quantity, qty)");
    }
    if (!missing.isEmpty()) {
      problem(
          line,
          1,
          "the header lacks "
              + String.join(" and ", missing)
              + "; it has: "
              + String.join(",", names));
      return null;
    }
    width = names.size();
    return "header";
  }

  private static int firstOf(List<String> names, String... wanted) {
    for (String w : wanted) {
      if (names.contains(w)) {
        return names.indexOf(w);
      }
    }
    return -1;
  }

  private void row(String[] cells, long line) {
    if (cells.length < width) {
      problem(line, cells.length + 1, "has " + cells.length + " cells, needs " + width);
      return;
    }
    long time;
    try {
      time = TimeParser.millis(cells[timeColumn]);
    } catch (IllegalArgumentException e) {
      problem(line, timeColumn + 1, e.getMessage());
      return;
    }
    double price = number(cells[priceColumn], line, priceColumn, "price");
    double size = number(cells[sizeColumn], line, sizeColumn, "size");
    if (Double.isNaN(price) || Double.isNaN(size)) {
      return;
    }
    if (!(price > 0)) {
      problem(line, priceColumn + 1, "price must be positive, was " + cells[priceColumn].trim());
      return;
    }
    double sign = sign(cells, line, size);
    if (Double.isNaN(sign)) {
      return;
    }
    if (n > 0 && time < times[n - 1]) {
      problem(
          line,
          timeColumn + 1,
          "time "
              + TimeParser.show(time)
              + " is before the previous trade's "
              + TimeParser.show(times[n - 1]));
      return;
    }
    add(time, price, sign * size);
  }

  /** The taker's side: +1 buy, -1 sell; NaN after a problem. */
  private double sign(String[] cells, long line, double size) {
    if (sideColumn >= 0 || makerColumn >= 0) {
      if (!(size > 0)) {
        problem(line, sizeColumn + 1, "size must be positive with a side column, was " + size);
        return Double.NaN;
      }
      int c = sideColumn >= 0 ? sideColumn : makerColumn;
      String v = cells[c].trim().toLowerCase(Locale.ROOT);
      if (sideColumn >= 0) {
        if (v.equals("buy") || v.equals("b")) {
          return 1;
        }
        if (v.equals("sell") || v.equals("s")) {
          return -1;
        }
        problem(line, c + 1, "side '" + v + "' is neither buy nor sell");
        return Double.NaN;
      }
      // The buyer was the maker: the taker sold into the bid.
      if (v.equals("true")) {
        return -1;
      }
      if (v.equals("false")) {
        return 1;
      }
      problem(line, c + 1, "is_buyer_maker '" + v + "' is neither true nor false");
      return Double.NaN;
    }
    if (size == 0) {
      problem(line, sizeColumn + 1, "size is 0 (a signed size: positive buys, negative sells)");
      return Double.NaN;
    }
    return 1;
  }

  private double number(String cell, long line, int column, String what) {
    String s = cell.trim();
    if (decimal(s)) {
      try {
        double v = Double.parseDouble(s);
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    problem(line, column + 1, what + " '" + shorten(s) + "' is not a finite number");
    return Double.NaN;
  }

  /** Only digits, sign, point and exponent: Java's other spellings (NaN, 0x1p3, 1d) are refused. */
  private static boolean decimal(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return true;
  }

  private void add(long time, double price, double size) {
    if (n == times.length) {
      times = Arrays.copyOf(times, 2 * n);
      prices = Arrays.copyOf(prices, 2 * n);
      sizes = Arrays.copyOf(sizes, 2 * n);
    }
    times[n] = time;
    prices[n] = price;
    sizes[n] = size;
    n++;
  }

  private void problem(long line, int column, String message) {
    if (problems.size() < MAX_LISTED) {
      problems.add(name + ":" + line + ":" + column + ": " + message);
    } else {
      more++;
    }
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
