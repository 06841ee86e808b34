package org.marginfall.reports.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table of {@code double} columns as read from {@code timeseries.csv}: column names in header
 * order, one value per row, {@link Double#NaN} where a cell was empty (e.g. an oracle that has not
 * published yet). Columns are copied in and out, so callers can never change a table another thread
 * is reading.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TimeSeries {

  private final Map<String, double[]> columns;
  private final int rowCount;

  private TimeSeries(Map<String, double[]> columns, int rowCount) {
    this.columns = columns;
    this.rowCount = rowCount;
  }

  /**
   * @param columns column name to values, in header order; all columns must have the same length
   * @return an immutable copy
   * @throws IllegalArgumentException if the columns differ in length
   */
  public static TimeSeries of(Map<String, double[]> columns) {
    Map<String, double[]> copy = new LinkedHashMap<>();
    int rows = -1;
    for (Map.Entry<String, double[]> column : columns.entrySet()) {
      double[] values = Objects.requireNonNull(column.getValue(), column.getKey());
      if (rows >= 0 && values.length != rows) {
        throw new IllegalArgumentException(
            "column '"
                + column.getKey()
                + "' has "
                + values.length
                + " rows, the first column has "
                + rows);
      }
      rows = values.length;
      copy.put(Objects.requireNonNull(column.getKey()), values.clone());
    }
    return new TimeSeries(Collections.unmodifiableMap(copy), Math.max(rows, 0));
  }

  /** Column names in header order. */
  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /** Number of data rows (the header is not a row). */
  public int rowCount() {
    return rowCount;
  }

  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * @param name a column name
   * @return a copy of the column's values
   * @throws IllegalArgumentException if there is no such column
   */
  public double[] column(String name) {
    double[] values = columns.get(name);
    if (values == null) {
      throw new IllegalArgumentException("no column '" + name + "'");
    }
    return values.clone();
  }

  @Override
  public String toString() {
    return "TimeSeries" + columnNames() + " x " + rowCount + " rows";
  }
}
