package org.marginfall.reports.data;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The column naming scheme of {@code timeseries.csv} ({@code <metric>.<id>} and {@code
 * oracle_price.<oracle>.<asset>}) and the ids found in a table. Ids are checked against the
 * contract's {@code [A-Za-z0-9_-]+} here because they become file names ({@code
 * prices-<asset>.png}) and must never be able to name a path outside {@code charts/}.
 *
 * <p>This class has no state: it is immutable and thread-safe.
 */
public final class RunColumns {

  public static final String FUNDAMENTAL_PRICE = "fundamental_price";
  public static final String MARKET_PRICE = "market_price";
  public static final String ORACLE_PRICE = "oracle_price";
  public static final String LIQUIDATED_NOTIONAL = "liquidated_notional";

  /** Accounts of a venue that carry risk, per step. */
  public static final String HEALTH_COUNT = "health_count";

  /** The median of their health. */
  public static final String HEALTH_P50 = "health_p50";

  /** The five health quantile metrics, ascending (p05, p25, p50, p75, p95). */
  public static final List<String> HEALTH_QUANTILES =
      List.of("health_p05", "health_p25", HEALTH_P50, "health_p75", "health_p95");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

  private RunColumns() {}

  /** The column name {@code <metric>.<id>}. */
  public static String column(String metric, String id) {
    return metric + "." + id;
  }

  /** The column name of an oracle's price of an asset. */
  public static String oracleColumn(String oracle, String asset) {
    return ORACLE_PRICE + "." + oracle + "." + asset;
  }

  /**
   * @return the ids of the columns {@code <metric>.<id>}, in header order
   * @throws ReportException if such a column's id is not a valid identifier
   */
  public static List<String> ids(TimeSeries table, String metric) {
    List<String> ids = new ArrayList<>();
    String prefix = metric + ".";
    for (String name : table.columnNames()) {
      if (name.startsWith(prefix)) {
        ids.add(checkedId(name, name.substring(prefix.length())));
      }
    }
    return ids;
  }

  /**
   * @return the oracles that have a price column for {@code asset}, in header order
   * @throws ReportException if such a column's oracle id is not a valid identifier
   */
  public static List<String> oracles(TimeSeries table, String asset) {
    List<String> oracles = new ArrayList<>();
    String prefix = ORACLE_PRICE + ".";
    String suffix = "." + asset;
    for (String name : table.columnNames()) {
      if (name.startsWith(prefix)
          && name.endsWith(suffix)
          && name.length() > prefix.length() + suffix.length()) {
        String oracle = name.substring(prefix.length(), name.length() - suffix.length());
        oracles.add(checkedId(name, oracle));
      }
    }
    return oracles;
  }

  private static String checkedId(String column, String id) {
    if (!ID.matcher(id).matches()) {
      throw new ReportException(
          RunFiles.TIMESERIES,
          "column '"
              + column
              + "' has an invalid id '"
              + id
              + "' (ids match "
              + ID.pattern()
              + ")");
    }
    return id;
  }
}
