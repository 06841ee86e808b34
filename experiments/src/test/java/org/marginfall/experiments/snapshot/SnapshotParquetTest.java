package org.marginfall.experiments.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.engine.ScenarioFailure;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.engine.World;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.spec.InvalidSpecException;
import org.marginfall.core.spec.Problem;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.VaultVenue;

/**
 * The CSV layouts read from Parquet ({@code format: parquet}) with the same column names, from
 * fixtures written here with parquet-hadoop's example writer; problems name the file and data row.
 */
class SnapshotParquetTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId USD = AssetId.of("USD");

  private static final MessageType LENDING =
      MessageTypeParser.parseMessageType(
          """
      message lending {
        required binary account (STRING);
        required binary asset (STRING);
        required double supplied;
        optional double borrowed;
      }""");

  @TempDir Path dir;

  /** Writes rows {account, asset, supplied, borrowed or null} to {@code name}. */
  private void lending(String name, Object[]... rows) throws IOException {
    SimpleGroupFactory groups = new SimpleGroupFactory(LENDING);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve(name)))
            .withType(LENDING)
            .build()) {
      for (Object[] r : rows) {
        Group g =
            groups
                .newGroup()
                .append("account", (String) r[0])
                .append("asset", (String) r[1])
                .append("supplied", (double) r[2]);
        if (r[3] != null) {
          g.append("borrowed", (double) r[3]);
        }
        w.write(g);
      }
    }
  }

  @Test
  void test_lendingParquet_loadsLikeTheCsv() throws IOException {
    lending(
        "l.parquet",
        new Object[] {"bob", "ETH", 10.0, 0.0},
        new Object[] {"bob", "USD", 0.0, 12000.0},
        new Object[] {"pool", "USD", 100000.0, 0.0});
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    "- {id: lu, type: lending-snapshot, venue: lend, file: l.parquet, format: parquet}\n")));
    LendingVenue lend = (LendingVenue) SnapshotWorlds.venue(world, "lend");
    AccountId bob = lend.account(AccountId.of("lu", "bob"));
    // As the CSV test: HF = 10 x 2,000 x 0.85 / 12,000.
    assertEquals(17000.0 / 12000.0, lend.healthFactor(bob), 1e-12);
    assertEquals(12000, lend.debt(bob, USD), 1e-9);
    assertEquals(88000, world.agents().precision(USD).units(lend.availableLiquidity(USD)), 1e-9);
  }

  @Test
  void test_vaultParquet_decimalArt() throws IOException {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            """
        message vaults {
          required binary vault (STRING);
          required binary ilk (STRING);
          required double collateral;
          required int64 art (DECIMAL(18,2));
        }""");
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve("v.parquet")))
            .withType(schema)
            .build()) {
      // art 8,000.25 as the unscaled decimal 800025 at scale 2.
      w.write(
          new SimpleGroupFactory(schema)
              .newGroup()
              .append("vault", "carol")
              .append("ilk", "ETH")
              .append("collateral", 10.0)
              .append("art", 800025L));
    }
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    "- {id: mk, type: cdp-snapshot, venue: cdp, file: v.parquet, format: parquet}\n")));
    VaultVenue cdp = (VaultVenue) SnapshotWorlds.venue(world, "cdp");
    AccountId vault = cdp.openVault(AccountId.of("mk", "carol"), ETH);
    assertEquals(10, world.agents().precision(ETH).units(cdp.collateral(vault)), 1e-12);
    assertEquals(8000.25, world.agents().precision(USD).units(cdp.debt(vault)), 1e-9);
  }

  @Test
  void test_badRows_namedByFileAndRow() throws IOException {
    lending(
        "l.parquet",
        new Object[] {"pool", "USD", 100000.0, 0.0},
        new Object[] {"x", "LINK", 1.0, 0.0},
        new Object[] {"y", "USD", Double.NaN, null},
        new Object[] {"z", "USD", -5.0, 0.0});
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () ->
                SnapshotWorlds.read(
                    SnapshotWorlds.write(
                        dir,
                        "- {id: lu, type: lending-snapshot, venue: lend, file: l.parquet, format: parquet}\n")));
    List<String> messages = e.problems().stream().map(Problem::message).toList();
    assertTrue(
        messages.contains(
            "l.parquet row 2: venue lend has no reserve for 'LINK' (reserves: [ETH, USD]; "
                + "map a symbol with names) (unknown-asset)"),
        messages.toString());
    // A missing borrowed is 0, as an empty CSV cell; a NaN is refused like any non-number.
    assertTrue(
        messages.contains("l.parquet row 3: supplied 'NaN' is not a finite number (malformed)"),
        messages.toString());
    assertTrue(
        messages.stream()
            .anyMatch(m -> m.startsWith("l.parquet row 4: ") && m.endsWith("(negative-amount)")),
        messages.toString());
  }

  @Test
  void test_liquidatableAccount_refusedAtItsRows() throws IOException {
    // HF = 0.98 x 2,000 x 0.85 / 1,700 = 0.98: refused at set-up, both rows named.
    lending(
        "l.parquet",
        new Object[] {"pool", "USD", 100000.0, 0.0},
        new Object[] {"under", "ETH", 0.98, 0.0},
        new Object[] {"under", "USD", 0.0, 1700.0});
    ScenarioFailure f =
        assertThrows(
            ScenarioFailure.class,
            () ->
                Simulation.check(
                    SnapshotWorlds.read(
                            SnapshotWorlds.write(
                                dir,
                                "- {id: lu, type: lending-snapshot, venue: lend, file: l.parquet, format: parquet}\n"))
                        .model(),
                    11));
    assertTrue(
        f.detail().contains("l.parquet row 2: account under: lend: health factor 0.98"),
        f.detail());
    assertTrue(f.detail().contains("l.parquet row 3: account under"), f.detail());
  }

  @Test
  void test_fileProblems_missingColumnAndNotParquet() throws IOException {
    MessageType schema =
        MessageTypeParser.parseMessageType(
            "message l { required binary account (STRING); required binary asset (STRING); required double supplied; }");
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve("short.parquet")))
            .withType(schema)
            .build()) {
      w.write(
          new SimpleGroupFactory(schema)
              .newGroup()
              .append("account", "a")
              .append("asset", "USD")
              .append("supplied", 1.0));
    }
    Files.writeString(
        dir.resolve("text.parquet"), "account,asset,supplied,borrowed\n", StandardCharsets.UTF_8);
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () ->
                SnapshotWorlds.read(
                    SnapshotWorlds.write(
                        dir,
                        """
        - {id: a, type: lending-snapshot, venue: lend, file: short.parquet, format: parquet}
        - {id: b, type: lending-snapshot, venue: lend, file: text.parquet, format: parquet}
        """)));
    List<String> messages = e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    assertEquals(
        "agents[0].file: short.parquet schema: the header lacks column 'borrowed' (it has: "
            + "account,asset,supplied; needs: account,asset,supplied,borrowed)",
        messages.get(0));
    assertTrue(
        messages
            .get(1)
            .startsWith("agents[1].file: cannot read text.parquet: not a readable Parquet file"),
        messages.get(1));
  }

  @Test
  void test_makerUrnsParquet_wadsAsDecimalAndString_loadLikeTheCsv() throws IOException {
    // ink as a DECIMAL(38,0) (10 ETH = 10^19 wad, beyond a 64-bit integer), art as an integer
    // string.
    MessageType schema =
        MessageTypeParser.parseMessageType(
            """
        message urns {
          required binary ilk (STRING);
          required binary urn (STRING);
          required binary ink (DECIMAL(38,0));
          required binary art (STRING);
        }""");
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve("u.parquet")))
            .withType(schema)
            .build()) {
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      w.write(
          groups
              .newGroup()
              .append("ilk", "ETH-A")
              .append("urn", "0xabc")
              .append("ink", wad("10"))
              .append("art", "8000000000000000000000"));
      w.write(
          groups
              .newGroup()
              .append("ilk", "ETH-A")
              .append("urn", "0xdef")
              .append("ink", wad("1"))
              .append("art", "8.5e21"));
    }
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    "- {id: mk, type: cdp-snapshot,"
                        + " venue: cdp, file: u.parquet, format: maker-urns, names: {ETH-A: ETH}, rates: {ETH-A: 1.02},"
                        + " onInvalidRow: skip}\n")));
    VaultVenue cdp = (VaultVenue) SnapshotWorlds.venue(world, "cdp");
    AccountId vault = cdp.openVault(AccountId.of("mk", "0xabc"), ETH);
    // debt = art x rate = 8,000 x 1.02.
    assertEquals(10, world.agents().precision(ETH).units(cdp.collateral(vault)), 1e-12);
    assertEquals(8160, world.agents().precision(USD).units(cdp.debt(vault)), 1e-9);
    InvalidSpecException e =
        assertThrows(
            InvalidSpecException.class,
            () ->
                SnapshotWorlds.read(
                    SnapshotWorlds.write(
                        dir,
                        "- {id: mk, type: cdp-snapshot, venue: cdp, file: u.parquet, format: maker-urns, names: {ETH-A: ETH}}\n")));
    assertEquals(
        "agents[0].file: u.parquet row 2: art '8.5e21' is not an integer count of 10^-18 (a wad) (malformed)",
        e.problems().get(0).path() + ": " + e.problems().get(0).message());
  }

  private static org.apache.parquet.io.api.Binary wad(String units) {
    return org.apache.parquet.io.api.Binary.fromConstantByteArray(
        new java.math.BigDecimal(units).movePointRight(18).toBigIntegerExact().toByteArray());
  }
}
