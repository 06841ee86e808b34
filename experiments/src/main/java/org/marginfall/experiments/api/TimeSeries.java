package org.marginfall.experiments.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.marginfall.experiments.internal.run.WideColumn;

/**
 * A run's {@code timeseries.csv} as numbers: one row per step, one column per metric and entity
 * ({@code bad_debt.perp-isolated}; docs/outputs.md), readable as wide columns or as the tidy long
 * rows of {@code timeseries-long.parquet}. An empty CSV cell (a health percentile with no account
 * at risk) is NaN. Immutable and thread-safe.
 */
public final class TimeSeries {

  /**
   * One value of the long form: a row of {@code timeseries-long.parquet}.
   *
   * @param step the tick
   * @param time seconds since the start ({@code time_s})
   * @param entity the asset, venue or {@code <oracle>.<asset>} measured
   * @param metric what is measured, e.g. {@code liquidations}
   * @param value the value, NaN where the CSV cell is empty
   */
  public record Value(long step, double time, String entity, String metric, double value) {}

  private final List<String> columns;
  private final Map<String, double[]> values;
  private final long[] steps;
  private final double[] times;

  private TimeSeries(
      List<String> columns, Map<String, double[]> values, long[] steps, double[] times) {
    this.columns = List.copyOf(columns);
    this.values = values;
    this.steps = steps;
    this.times = times;
  }

  /** Reads the text of a {@code timeseries.csv}. */
  static TimeSeries parse(String csv) {
    String[] lines = csv.isEmpty() ? new String[0] : csv.split("\n");
    if (lines.length == 0) {
      return new TimeSeries(List.of(), Map.of(), new long[0], new double[0]);
    }
    List<String> header = Arrays.asList(lines[0].split(",", -1));
    List<String> names = header.subList(WideColumn.KEYS.size(), header.size());
    int rows = lines.length - 1;
    long[] steps = new long[rows];
    double[] times = new double[rows];
    double[][] cols = new double[names.size()][rows];
    for (int r = 0; r < rows; r++) {
      String[] cells = lines[r + 1].split(",", -1);
      steps[r] = Long.parseLong(cells[0]);
      times[r] = Double.parseDouble(cells[1]);
      for (int c = 0; c < names.size(); c++) {
        String v = cells[c + 2];
        cols[c][r] = v.isEmpty() ? Double.NaN : Double.parseDouble(v);
      }
    }
    Map<String, double[]> values = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      values.put(names.get(c), cols[c]);
    }
    return new TimeSeries(names, values, steps, times);
  }

  /**
   * The value columns' names in file order ({@code step} and {@code time_s} are not among them).
   *
   * @return the names, {@code metric.entity}
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * The number of rows (steps, including step 0, the state after set-up).
   *
   * @return the row count
   */
  public int size() {
    return steps.length;
  }

  /**
   * The step of each row.
   *
   * @return a copy, one entry per row
   */
  public long[] steps() {
    return steps.clone();
  }

  /**
   * The time of each row, in seconds ({@code time_s}).
   *
   * @return a copy, one entry per row
   */
  public double[] times() {
    return times.clone();
  }

  /**
   * The column {@code name}, e.g. {@code market_price.ETH}.
   *
   * @param name the column's name
   * @return a copy of its values, one per row
   * @throws IllegalArgumentException naming the columns there are, when there is no such column
   */
  public double[] column(String name) {
    double[] c = values.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "no column '" + name + "' in the time series (columns: " + columns + ")");
    }
    return c.clone();
  }

  /**
   * The column of {@code metric} for {@code entity}, e.g. {@code ("bad_debt", "perp-isolated")}.
   *
   * @param metric the metric, the part of the column's name before the first dot
   * @param entity the venue, asset or population, the part after it
   * @return a copy of its values, one per row
   * @throws IllegalArgumentException naming the columns there are, when there is no such column
   */
  public double[] column(String metric, String entity) {
    return column(metric + "." + Objects.requireNonNull(entity, "entity"));
  }

  /**
   * The value of {@code column} at row {@code row}.
   *
   * @param column the column's name
   * @param row the row, from 0
   * @return the value
   * @throws IllegalArgumentException naming the columns there are, when there is no such column
   */
  public double get(String column, int row) {
    double[] c = values.get(column);
    if (c == null) {
      throw new IllegalArgumentException(
          "no column '" + column + "' in the time series (columns: " + columns + ")");
    }
    return c[row];
  }

  /**
   * The long (tidy) form, in the row order of {@code timeseries-long.parquet}: by step, then by
   * column in file order.
   *
   * @return one value per row and column
   */
  public List<Value> longForm() {
    List<WideColumn> split = columns.stream().map(WideColumn::of).toList();
    List<Value> out = new ArrayList<>(steps.length * columns.size());
    for (int r = 0; r < steps.length; r++) {
      for (int c = 0; c < columns.size(); c++) {
        WideColumn w = split.get(c);
        out.add(
            new Value(steps[r], times[r], w.entity(), w.metric(), values.get(columns.get(c))[r]));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "TimeSeries[" + steps.length + " rows, columns " + columns + "]";
  }
}
