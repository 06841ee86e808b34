package org.marginfall.agents.snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.spec.DataFiles;
import org.marginfall.core.spec.Problems;
import org.marginfall.core.spec.SpecContext;
import org.marginfall.core.spec.SpecNode;
import org.marginfall.core.spec.VenueSpec;

/**
 * Reads the snapshot file a population entry names, per venue family, checking every row against
 * the venue it loads into. Stateless and thread-safe.
 */
public final class Snapshots {

  /**
   * A snapshot read: the file and its rows that fit, in file order.
   *
   * @param file the file as read
   * @param rows the rows that fit what the scenario declares
   * @param <R> the family's row type
   */
  public record Loaded<R>(SnapshotFile file, List<R> rows) {

    /** Copies the rows. */
    public Loaded {
      rows = List.copyOf(rows);
    }
  }

  /**
   * The fields every snapshot population reads: {@code file}, {@code format}, {@code onInvalidRow}.
   */
  public static final List<String> FIELDS = List.of("file", "format", "onInvalidRow");

  private Snapshots() {}

  /**
   * Reads a perpetual snapshot ({@code csv} or {@code hyperliquid}) for {@code venue}.
   *
   * @return the snapshot, or null after a reported failure
   */
  public static Loaded<PerpRow> perpetual(SpecNode node, SpecContext context, VenueSpec venue) {
    SnapshotReading reading = SnapshotReading.start(node, PerpSnapshotReader.FORMATS);
    if (reading == null || venue == null) {
      return null;
    }
    PerpSnapshotReader reader = new PerpSnapshotReader(venue, context.baseCurrency());
    SnapshotFile file = reading.read(context.dataFiles(), reader.parser(reading.format()));
    return file == null ? null : new Loaded<>(file, reader.rows());
  }

  /**
   * Reads a lending snapshot ({@code csv} or {@code aave-subgraph}) for {@code venue}; {@code
   * names} maps the file's symbols to scenario assets.
   *
   * @return the snapshot, or null after a reported failure
   */
  public static Loaded<LendingRow> lending(
      SpecNode node, SpecContext context, VenueSpec venue, Map<String, AssetId> names) {
    SnapshotReading reading = SnapshotReading.start(node, LendingSnapshotReader.FORMATS);
    if (reading == null || venue == null || names == null) {
      return null;
    }
    LendingSnapshotReader reader = new LendingSnapshotReader(venue, names);
    SnapshotFile file = reading.read(context.dataFiles(), reader.parser(reading.format()));
    return file == null ? null : new Loaded<>(file, reader.rows());
  }

  /**
   * Reads a CDP snapshot ({@code csv} or {@code maker-urns}) for {@code venue}; {@code names} maps
   * the file's ilk names to the venue's collateral assets, {@code rates} gives each name's rate.
   *
   * @return the snapshot, or null after a reported failure
   */
  public static Loaded<VaultRow> vaults(
      SpecNode node,
      SpecContext context,
      VenueSpec venue,
      Map<String, AssetId> names,
      Map<String, Double> rates) {
    SnapshotReading reading = SnapshotReading.start(node, VaultSnapshotReader.FORMATS);
    if (reading == null || venue == null || names == null || rates == null) {
      return null;
    }
    VaultSnapshotReader reader = new VaultSnapshotReader(venue, names, rates);
    SnapshotFile file = reading.read(context.dataFiles(), reader.parser(reading.format()));
    return file == null ? null : new Loaded<>(file, reader.rows());
  }

  /**
   * Reads a perpetual snapshot with no venue to check it against (any market and collateral asset
   * is taken), as {@code calibrate} does: the node holds {@code file}, {@code format} and {@code
   * onInvalidRow}; {@code files} opens the file; collateral in the file's base currency is {@code
   * base}.
   *
   * @return the snapshot, or null after a reported failure
   */
  public static Loaded<PerpRow> perpetual(SpecNode node, DataFiles files, AssetId base) {
    SnapshotReading reading = SnapshotReading.start(node, PerpSnapshotReader.FORMATS);
    if (reading == null) {
      return null;
    }
    PerpSnapshotReader reader = new PerpSnapshotReader(null, base);
    SnapshotFile file = reading.read(files, reader.parser(reading.format()));
    return file == null ? null : new Loaded<>(file, reader.rows());
  }

  /**
   * Reads a lending snapshot with no venue to check it against (any asset is a reserve that lends).
   *
   * @return the snapshot, or null after a reported failure
   */
  public static Loaded<LendingRow> lending(
      SpecNode node, DataFiles files, Map<String, AssetId> names) {
    SnapshotReading reading = SnapshotReading.start(node, LendingSnapshotReader.FORMATS);
    if (reading == null) {
      return null;
    }
    LendingSnapshotReader reader = new LendingSnapshotReader(null, names);
    SnapshotFile file = reading.read(files, reader.parser(reading.format()));
    return file == null ? null : new Loaded<>(file, reader.rows());
  }

  /**
   * Reads a CDP snapshot with no venue to check it against (any ilk that is, or maps to, an asset
   * id).
   *
   * @return the snapshot, or null after a reported failure
   */
  public static Loaded<VaultRow> vaults(
      SpecNode node, DataFiles files, Map<String, AssetId> names, Map<String, Double> rates) {
    SnapshotReading reading = SnapshotReading.start(node, VaultSnapshotReader.FORMATS);
    if (reading == null) {
      return null;
    }
    VaultSnapshotReader reader = new VaultSnapshotReader(null, names, rates);
    SnapshotFile file = reading.read(files, reader.parser(reading.format()));
    return file == null ? null : new Loaded<>(file, reader.rows());
  }

  /**
   * The formats of each family, the default first: {@code perpetual}, {@code lending}, {@code cdp}.
   */
  public static List<String> formats(String family) {
    return switch (family) {
      case "perpetual" -> PerpSnapshotReader.FORMATS;
      case "lending" -> LendingSnapshotReader.FORMATS;
      case "cdp" -> VaultSnapshotReader.FORMATS;
      default -> throw new IllegalArgumentException("unknown family " + family);
    };
  }

  /**
   * Reads the optional {@code names} mapping, {@code {name in the file: scenario asset}}.
   *
   * @return the mapping (empty when absent), or null after a reported failure
   */
  public static Map<String, AssetId> names(SpecNode node, SpecContext context) {
    Map<String, AssetId> out = new LinkedHashMap<>();
    if (!node.has("names")) {
      return out;
    }
    SpecNode names = node.get("names");
    if (!names.requireObject()) {
      return null;
    }
    Problems.Mark mark = node.mark();
    for (String name : names.fieldNames()) {
      AssetId a = context.assetRef(names, name);
      if (a != null) {
        out.put(name, a);
      }
    }
    return mark.failed() ? null : out;
  }

  /**
   * Reads the optional {@code rates} mapping, {@code {ilk name: rate}}, each rate at least 1.
   *
   * @return the mapping (empty when absent), or null after a reported failure
   */
  public static Map<String, Double> rates(SpecNode node) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!node.has("rates")) {
      return out;
    }
    SpecNode rates = node.get("rates");
    if (!rates.requireObject()) {
      return null;
    }
    Problems.Mark mark = node.mark();
    for (String name : rates.fieldNames()) {
      double r = rates.between(name, 1, 1e6);
      if (!Double.isNaN(r)) {
        out.put(name, r);
      }
    }
    return mark.failed() ? null : out;
  }
}
