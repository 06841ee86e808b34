package org.marginfall.agents.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads a lending snapshot into {@link LendingRow}s: the Marginfall CSV layout ({@code csv}) or an
 * Aave v3 subgraph export of users and their reserves ({@code aave-subgraph}). docs/scenarios.md
 * ("Position snapshots") gives both layouts. Mutable; one per file.
 */
final class LendingSnapshotReader {

  /** The formats, the default first. */
  static final List<String> FORMATS = List.of("csv", "aave-subgraph", SnapshotReading.PARQUET);

  private final VenueSpec venue;
  private final Map<String, AssetId> names;
  private final Set<AssetId> reserves = new LinkedHashSet<>();
  private final Set<AssetId> lent;
  private final SnapshotReading.Ids ids = new SnapshotReading.Ids();
  private final List<LendingRow> rows = new ArrayList<>();
  private final Set<SnapshotReading.Key> seen = new HashSet<>();

  /**
   * {@code names} maps a symbol in the file to a scenario asset (unmapped symbols are taken as
   * ids); without a venue (null) every asset is taken as a reserve that lends.
   */
  LendingSnapshotReader(VenueSpec venue, Map<String, AssetId> names) {
    this.venue = venue;
    this.names = names;
    if (venue != null) {
      reserves.addAll(venue.tradableAssets());
      reserves.addAll(venue.collateralAssets());
    }
    lent = venue == null ? null : Set.copyOf(venue.tradableAssets());
  }

  List<LendingRow> rows() {
    return rows;
  }

  SnapshotReading.Parser parser(String format) {
    return format.equals("aave-subgraph") ? this::aave : this::csv;
  }

  private void csv(InputStream in, SnapshotReading reading)
      throws IOException, SnapshotFormatException {
    CsvRows.read(
        in,
        reading.parquet(),
        List.of("account", "asset", "supplied", "borrowed"),
        row -> {
          reading.counted();
          if (row.size() != row.header.size()) {
            reading.invalid(
                row.line,
                InvalidRow.Reason.MALFORMED,
                "has " + row.size() + " cells, the header " + row.header.size());
            return;
          }
          double supplied = orZero(reading, row.line, "supplied", row.get("supplied"));
          double borrowed = orZero(reading, row.line, "borrowed", row.get("borrowed"));
          if (!Double.isNaN(supplied) && !Double.isNaN(borrowed)) {
            add(reading, row.line, row.get("account"), row.get("asset"), supplied, borrowed, true);
          }
        });
  }

  private static double orZero(SnapshotReading reading, long line, String column, String cell) {
    return cell.isEmpty() ? 0 : reading.number(line, column, cell);
  }

  /**
   * A subgraph response {@code {"data": {"users": [{"id", "reserves": [{"currentATokenBalance",
   * "currentVariableDebt", "currentStableDebt", "usageAsCollateralEnabledOnUser", "reserve":
   * {"symbol", "decimals"}}]}]}}}: balances are integers in the token's smallest unit, divided by
   * 10^decimals; stable debt is added to variable debt, as the venue has one debt per reserve (Aave
   * protocol-subgraphs, schema.graphql, UserReserve).
   */
  private void aave(InputStream in, SnapshotReading reading)
      throws IOException, SnapshotFormatException {
    JsonRecords.each(
        in,
        "users",
        (line, user) -> {
          reading.counted();
          String id = user.path("id").asText("");
          JsonNode list = user.path("reserves");
          if (!list.isArray()) {
            reading.invalid(
                line,
                InvalidRow.Reason.MALFORMED,
                "user " + SnapshotReading.shorten(id) + ": reserves is not a list");
            return;
          }
          for (JsonNode r : list) {
            String symbol = r.path("reserve").path("symbol").asText("");
            int decimals = r.path("reserve").path("decimals").asInt(-1);
            if (decimals < 0 || decimals > 36) {
              reading.invalid(
                  line,
                  InvalidRow.Reason.MALFORMED,
                  "user " + id + ", " + symbol + ": reserve.decimals is missing");
              return;
            }
            double supplied =
                base(
                    reading,
                    line,
                    symbol + " currentATokenBalance",
                    r.path("currentATokenBalance"),
                    decimals);
            double variable =
                base(
                    reading,
                    line,
                    symbol + " currentVariableDebt",
                    r.path("currentVariableDebt"),
                    decimals);
            double stable =
                r.has("currentStableDebt")
                    ? base(
                        reading,
                        line,
                        symbol + " currentStableDebt",
                        r.path("currentStableDebt"),
                        decimals)
                    : 0;
            if (Double.isNaN(supplied) || Double.isNaN(variable) || Double.isNaN(stable)) {
              return;
            }
            if (supplied != 0 || variable + stable != 0) {
              boolean collateral = r.path("usageAsCollateralEnabledOnUser").asBoolean(true);
              add(reading, line, id, symbol, supplied, variable + stable, collateral);
            }
          }
        });
  }

  /**
   * An integer amount in the token's smallest unit, as units; NaN after recording a malformed row.
   */
  private static double base(
      SnapshotReading reading, long line, String field, JsonNode value, int decimals) {
    String text = value.isTextual() || value.isIntegralNumber() ? value.asText() : "";
    if (!SnapshotReading.integerText(text)) {
      reading.invalid(
          line,
          InvalidRow.Reason.MALFORMED,
          field + " '" + SnapshotReading.shorten(text) + "' is not an integer amount");
      return Double.NaN;
    }
    return new BigDecimal(text).movePointLeft(decimals).doubleValue();
  }

  private void add(
      SnapshotReading reading,
      long line,
      String account,
      String symbol,
      double supplied,
      double borrowed,
      boolean collateral) {
    if (!SnapshotReading.isId(account)) {
      reading.invalid(
          line,
          InvalidRow.Reason.MALFORMED,
          "account '"
              + SnapshotReading.shorten(account)
              + "' must be 1 to 64 letters, digits, _ or -");
      return;
    }
    AssetId asset = names.get(symbol);
    if (asset == null) {
      asset = ids.of(symbol);
    }
    if (asset == null || (venue != null && !reserves.contains(asset))) {
      reading.invalid(
          line,
          InvalidRow.Reason.UNKNOWN_ASSET,
          venue == null
              ? "'"
                  + SnapshotReading.shorten(symbol)
                  + "' is not an asset id (map a symbol with names)"
              : "venue "
                  + venue.id()
                  + " has no reserve for '"
                  + SnapshotReading.shorten(symbol)
                  + "' (reserves: "
                  + reserves
                  + "; map a symbol with names)");
      return;
    }
    if (borrowed > 0 && lent != null && !lent.contains(asset)) {
      reading.invalid(
          line, InvalidRow.Reason.UNKNOWN_ASSET, "venue " + venue.id() + " does not lend " + asset);
      return;
    }
    if (supplied < 0 || borrowed < 0) {
      reading.invalid(
          line,
          InvalidRow.Reason.NEGATIVE_AMOUNT,
          "supplied "
              + supplied
              + " and borrowed "
              + borrowed
              + " "
              + asset
              + " must not be negative");
      return;
    }
    if (!seen.add(new SnapshotReading.Key(account, asset))) {
      reading.invalid(
          line,
          InvalidRow.Reason.DUPLICATE_ACCOUNT,
          "account " + account + " has " + asset + " on an earlier line");
      return;
    }
    rows.add(new LendingRow(line, account, asset, supplied, borrowed, collateral));
  }
}
