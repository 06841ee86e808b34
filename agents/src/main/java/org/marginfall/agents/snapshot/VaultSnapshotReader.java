package org.marginfall.agents.snapshot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads a CDP snapshot into {@link VaultRow}s: the Marginfall CSV layout ({@code csv}: units) or
 * Maker urns ({@code maker-urns}: the Vat's integers). docs/scenarios.md ("Position snapshots")
 * gives both layouts. Mutable; one per file.
 */
final class VaultSnapshotReader {

  /** The formats, the default first. */
  static final List<String> FORMATS = List.of("csv", "maker-urns", SnapshotReading.PARQUET);

  /** Maker's wad: ink and art are integers of 10^-18 (makerdao/dss, vat.sol). */
  private static final int WAD = 18;

  /** 10^18, an exact double (5^18 < 2^53). */
  private static final double WAD_SCALE = 1e18;

  /** The first bytes of every Parquet file (Apache Parquet format specification, "File format"). */
  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

  private final VenueSpec venue;
  private final Map<String, AssetId> names;
  private final Map<String, Double> rates;
  private final List<VaultRow> rows = new ArrayList<>();
  private final Set<AssetId> ilks;
  private final SnapshotReading.Ids ids = new SnapshotReading.Ids();
  private final Set<SnapshotReading.Key> seen = new HashSet<>();

  /**
   * @param names maps an ilk name in the file to the venue's collateral asset (unmapped names are
   *     taken as ids)
   * @param rates each ilk name's accumulated rate (Vat {@code ilks(ilk).rate} / 10^27); 1 when
   *     absent
   * @param venue the venue whose ilks rows must name, or null to take any ilk
   */
  VaultSnapshotReader(VenueSpec venue, Map<String, AssetId> names, Map<String, Double> rates) {
    this.venue = venue;
    this.names = names;
    this.rates = rates;
    this.ilks = venue == null ? null : Set.copyOf(venue.collateralAssets());
  }

  List<VaultRow> rows() {
    return rows;
  }

  SnapshotReading.Parser parser(String format) {
    return format.equals("maker-urns") ? this::urns : this::csv;
  }

  private void csv(InputStream in, SnapshotReading reading)
      throws IOException, SnapshotFormatException {
    CsvRows.read(
        in,
        reading.parquet(),
        List.of("vault", "ilk", "collateral", "art"),
        row -> {
          reading.counted();
          if (row.size() != row.header.size()) {
            reading.invalid(
                row.line,
                InvalidRow.Reason.MALFORMED,
                "has " + row.size() + " cells, the header " + row.header.size());
            return;
          }
          double ink = reading.number(row.line, "collateral", row.get("collateral"));
          double art = reading.number(row.line, "art", row.get("art"));
          if (!Double.isNaN(ink) && !Double.isNaN(art)) {
            add(reading, row.line, row.get("vault"), row.get("ilk"), ink, art);
          }
        });
  }

  /**
   * Rows {@code ilk,urn,ink,art} as the Vat's {@code urns(ilk, urn)} returns them: the ilk's name
   * (e.g. {@code ETH-A}), the urn's address, and ink and art as integers of 10^-18; from CSV, or
   * from Parquet when the file starts with Parquet's magic {@code PAR1} (ink and art as integer
   * strings, integers or {@code DECIMAL}s of scale 0, as a wad exceeds a 64-bit integer above 9.2
   * units).
   */
  private void urns(InputStream raw, SnapshotReading reading)
      throws IOException, SnapshotFormatException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(PARQUET_MAGIC.length);
    boolean parquet = Arrays.equals(in.readNBytes(PARQUET_MAGIC.length), PARQUET_MAGIC);
    in.reset();
    if (parquet) {
      reading.foundParquet();
    }
    CsvRows.read(
        in,
        parquet,
        List.of("ilk", "urn", "ink", "art"),
        row -> {
          reading.counted();
          if (row.size() != row.header.size()) {
            reading.invalid(
                row.line,
                InvalidRow.Reason.MALFORMED,
                "has " + row.size() + " cells, the header " + row.header.size());
            return;
          }
          double ink = wad(reading, row.line, "ink", row.get("ink"));
          double art = wad(reading, row.line, "art", row.get("art"));
          if (!Double.isNaN(ink) && !Double.isNaN(art)) {
            add(reading, row.line, row.get("urn"), row.get("ilk"), ink, art);
          }
        });
  }

  private static double wad(SnapshotReading reading, long line, String column, String cell) {
    if (!SnapshotReading.integerText(cell)) {
      reading.invalid(
          line,
          InvalidRow.Reason.MALFORMED,
          column
              + " '"
              + SnapshotReading.shorten(cell)
              + "' is not an integer count of 10^-18 (a wad)");
      return Double.NaN;
    }
    return wadUnits(cell);
  }

  /**
   * The units of a wad, {@code cell / 10^18} correctly rounded, as {@code new
   * BigDecimal(cell).movePointLeft(18).doubleValue()} gives them, without building a BigDecimal per
   * cell: below 2^53 the integer and 10^18 are exact doubles and one division rounds once; a longer
   * one goes to {@link Double#parseDouble}, which rounds the exact decimal value too.
   */
  static double wadUnits(String cell) {
    int digits = cell.length() - (cell.startsWith("-") ? 1 : 0);
    if (digits <= 15) {
      return Long.parseLong(cell) / WAD_SCALE;
    }
    return Double.parseDouble(cell + "E-" + WAD);
  }

  private void add(
      SnapshotReading reading, long line, String vault, String ilkName, double ink, double art) {
    if (!SnapshotReading.isId(vault)) {
      reading.invalid(
          line,
          InvalidRow.Reason.MALFORMED,
          "vault '" + SnapshotReading.shorten(vault) + "' must be 1 to 64 letters, digits, _ or -");
      return;
    }
    AssetId ilk = names.get(ilkName);
    if (ilk == null) {
      ilk = ids.of(ilkName);
    }
    if (ilk == null || (ilks != null && !ilks.contains(ilk))) {
      reading.invalid(
          line,
          InvalidRow.Reason.UNKNOWN_ILK,
          venue == null
              ? "ilk '"
                  + SnapshotReading.shorten(ilkName)
                  + "' is not an asset id (map a name with names)"
              : "venue "
                  + venue.id()
                  + " has no collateral type '"
                  + SnapshotReading.shorten(ilkName)
                  + "' (has: "
                  + venue.collateralAssets()
                  + "; map a name with names)");
      return;
    }
    if (ink < 0 || art < 0) {
      reading.invalid(
          line,
          InvalidRow.Reason.NEGATIVE_AMOUNT,
          "collateral " + ink + " and art " + art + " must not be negative");
      return;
    }
    if (!seen.add(new SnapshotReading.Key(vault, ilk))) {
      reading.invalid(
          line,
          InvalidRow.Reason.DUPLICATE_ACCOUNT,
          "vault " + vault + " of " + ilk + " is on an earlier line");
      return;
    }
    rows.add(new VaultRow(line, vault, ilk, ink, art * rates.getOrDefault(ilkName, 1.0)));
  }
}
