package org.marginfall.agents.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads a perpetual snapshot into {@link PerpRow}s: the Marginfall CSV layout ({@code csv}) or a
 * set of Hyperliquid info-API {@code clearinghouseState} responses ({@code hyperliquid}).
 * docs/scenarios.md ("Position snapshots") gives both layouts. Mutable; one per file.
 */
final class PerpSnapshotReader {

  /** The formats, the default first. */
  static final List<String> FORMATS = List.of("csv", "hyperliquid", SnapshotReading.PARQUET);

  private static final String COLLATERAL = "collateral.";

  private final VenueSpec venue;
  private final Set<AssetId> markets;
  private final Set<AssetId> collateralAssets;
  private final SnapshotReading.Ids ids = new SnapshotReading.Ids();
  private final AssetId base;
  private final List<PerpRow> rows = new ArrayList<>();
  private final Set<SnapshotReading.Key> seen = new HashSet<>();

  /** The header whose {@code collateral.<asset>} columns are {@link #collateralColumns}. */
  private List<String> collateralHeader;

  private List<String> collateralColumns = List.of();

  /**
   * A reader checking rows against {@code venue}; without one (null) any market and asset is taken.
   */
  PerpSnapshotReader(VenueSpec venue, AssetId base) {
    this.venue = venue;
    this.markets = venue == null ? null : Set.copyOf(venue.tradableAssets());
    this.collateralAssets = venue == null ? null : Set.copyOf(venue.collateralAssets());
    this.base = base;
  }

  List<PerpRow> rows() {
    return rows;
  }

  /** The parser of {@code format}. */
  SnapshotReading.Parser parser(String format) {
    return format.equals("hyperliquid") ? this::hyperliquid : this::csv;
  }

  private void csv(InputStream in, SnapshotReading reading)
      throws IOException, SnapshotFormatException {
    CsvRows.read(
        in,
        reading.parquet(),
        List.of("account", "market", "size", "entryPrice"),
        row -> {
          reading.counted();
          csvRow(row, reading);
        });
  }

  private void csvRow(CsvRows.Row row, SnapshotReading reading) {
    long line = row.line;
    List<String> header = row.header;
    if (row.size() != header.size()) {
      reading.invalid(
          line,
          InvalidRow.Reason.MALFORMED,
          "has " + row.size() + " cells, the header " + header.size());
      return;
    }
    if (header != collateralHeader) {
      collateralHeader = header;
      collateralColumns = header.stream().filter(c -> c.startsWith(COLLATERAL)).toList();
    }
    Map<AssetId, Double> collateral = new LinkedHashMap<>(4);
    for (String column : collateralColumns) {
      if (!row.get(column).isEmpty()) {
        double units = reading.number(line, column, row.get(column));
        if (Double.isNaN(units)) {
          return;
        }
        AssetId asset = ids.of(column.substring(COLLATERAL.length()));
        if (asset == null) {
          reading.invalid(
              line,
              InvalidRow.Reason.UNKNOWN_ASSET,
              "column " + SnapshotReading.shorten(column) + " does not name an asset");
          return;
        }
        collateral.merge(asset, units, Double::sum);
      }
    }
    String market = row.get("market");
    String size = row.get("size");
    double s = size.isEmpty() ? 0 : reading.number(line, "size", size);
    double entry = s == 0 ? Double.NaN : reading.number(line, "entryPrice", row.get("entryPrice"));
    if (Double.isNaN(s) || (s != 0 && Double.isNaN(entry))) {
      return;
    }
    add(reading, line, row.get("account"), market, s, entry, row.get("marginMode"), collateral);
  }

  /** Checks a row against the venue and keeps it, or records why it does not fit. */
  void add(
      SnapshotReading reading,
      long line,
      String account,
      String market,
      double size,
      double entry,
      String mode,
      Map<AssetId, Double> collateral) {
    if (!SnapshotReading.isId(account)) {
      reading.invalid(
          line,
          InvalidRow.Reason.MALFORMED,
          "account '"
              + SnapshotReading.shorten(account)
              + "' must be 1 to 64 letters, digits, _ or -");
      return;
    }
    AssetId m = null;
    if (!market.isEmpty()) {
      m = ids.of(market);
      if (m == null || (markets != null && !markets.contains(m))) {
        reading.invalid(
            line,
            InvalidRow.Reason.UNKNOWN_MARKET,
            "market '"
                + SnapshotReading.shorten(market)
                + (venue == null
                    ? "' is not an asset id"
                    : "' is not listed by venue "
                        + venue.id()
                        + " (lists: "
                        + venue.tradableAssets()
                        + ")"));
        return;
      }
    } else if (size != 0) {
      reading.invalid(
          line, InvalidRow.Reason.MALFORMED, "market is empty for a position of size " + size);
      return;
    }
    if (size != 0 && !(entry > 0)) {
      reading.invalid(
          line, InvalidRow.Reason.MALFORMED, "entryPrice must be positive, was " + entry);
      return;
    }
    for (Map.Entry<AssetId, Double> c : collateral.entrySet()) {
      if (collateralAssets != null
          && !c.getKey().equals(base)
          && !collateralAssets.contains(c.getKey())) {
        reading.invalid(
            line,
            InvalidRow.Reason.UNKNOWN_ASSET,
            "venue " + venue.id() + " does not take " + c.getKey() + " as collateral");
        return;
      }
      if (c.getValue() < 0) {
        reading.invalid(
            line,
            InvalidRow.Reason.NEGATIVE_AMOUNT,
            "collateral " + c.getKey() + " is negative: " + c.getValue());
        return;
      }
    }
    if (m != null && !seen.add(new SnapshotReading.Key(account, m))) {
      reading.invalid(
          line,
          InvalidRow.Reason.DUPLICATE_ACCOUNT,
          "account " + SnapshotReading.shorten(account) + " holds " + m + " on an earlier line");
      return;
    }
    rows.add(new PerpRow(line, account, m, size, entry, mode, collateral));
  }

  /**
   * An object of {@code clearinghouseState} responses by user address. Per user the collateral
   * (USDC, counted as the base currency) of the cross account is {@code
   * crossMarginSummary.accountValue} less the unrealised PnL of its cross positions, and an
   * isolated position's is its {@code marginUsed} less its unrealised PnL: the venue adds back
   * unrealised PnL from the entry price at its own marks (Hyperliquid docs, info endpoint,
   * perpetuals: "Retrieve user's perpetuals account summary").
   */
  private void hyperliquid(InputStream in, SnapshotReading reading)
      throws IOException, SnapshotFormatException {
    ObjectMapper mapper = JsonRecords.MAPPER;
    try (JsonParser p = mapper.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SnapshotFormatException(
            line(p), "expected an object of clearinghouseState responses by user address");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String user = p.currentName();
        long line = line(p);
        p.nextToken();
        JsonNode state = mapper.readTree(p);
        reading.counted();
        hyperliquidUser(reading, line, user, state);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SnapshotFormatException(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid JSON: " + JsonRecords.brief(e));
    }
  }

  private static long line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private void hyperliquidUser(SnapshotReading reading, long line, String user, JsonNode state) {
    JsonNode positions = state.path("assetPositions");
    JsonNode summary =
        state.has("crossMarginSummary")
            ? state.path("crossMarginSummary")
            : state.path("marginSummary");
    double cross =
        decimal(reading, line, "crossMarginSummary.accountValue", summary.path("accountValue"));
    if (Double.isNaN(cross) || !positions.isArray()) {
      if (!positions.isArray()) {
        reading.invalid(
            line, InvalidRow.Reason.MALFORMED, "user " + user + ": assetPositions is not a list");
      }
      return;
    }
    List<HlPosition> held = new ArrayList<>();
    for (JsonNode ap : positions) {
      JsonNode pos = ap.path("position");
      String coin = pos.path("coin").asText("");
      double szi = decimal(reading, line, coin + " szi", pos.path("szi"));
      double entry = decimal(reading, line, coin + " entryPx", pos.path("entryPx"));
      double upnl = decimal(reading, line, coin + " unrealizedPnl", pos.path("unrealizedPnl"));
      if (Double.isNaN(szi) || Double.isNaN(entry) || Double.isNaN(upnl)) {
        return;
      }
      String mode = pos.path("leverage").path("type").asText("");
      double isolatedMargin = Double.NaN;
      if (mode.equals("isolated")) {
        isolatedMargin = decimal(reading, line, coin + " marginUsed", pos.path("marginUsed"));
        if (Double.isNaN(isolatedMargin)) {
          return;
        }
        isolatedMargin -= upnl;
      } else {
        cross -= upnl;
      }
      held.add(new HlPosition(coin, szi, entry, mode, isolatedMargin));
    }
    boolean crossCollateralPlaced = false;
    for (HlPosition h : held) {
      boolean isolated = h.mode().equals("isolated");
      double collateral = isolated ? h.isolatedMargin() : (crossCollateralPlaced ? 0 : cross);
      crossCollateralPlaced |= !isolated;
      add(reading, line, user, h.coin(), h.size(), h.entry(), h.mode(), Map.of(base, collateral));
    }
    if (!crossCollateralPlaced && cross != 0) {
      add(reading, line, user, "", 0, Double.NaN, "cross", Map.of(base, cross));
    }
  }

  /**
   * One position of a clearinghouseState response; {@code isolatedMargin} is NaN under cross
   * margin.
   */
  private record HlPosition(
      String coin, double size, double entry, String mode, double isolatedMargin) {}

  /**
   * A number the API sends as a decimal string (or a number); NaN after recording a malformed row.
   */
  private static double decimal(SnapshotReading reading, long line, String field, JsonNode value) {
    if (value.isNumber()) {
      return value.asDouble();
    }
    return reading.number(line, field, value.isTextual() ? value.asText() : "");
  }
}
