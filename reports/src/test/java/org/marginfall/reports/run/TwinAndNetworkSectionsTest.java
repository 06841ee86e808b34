package org.marginfall.reports.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.reports.RunFixtures;
import org.marginfall.reports.RunReportWriter;
import org.marginfall.reports.data.ReportException;
import org.marginfall.reports.doc.Block;
import org.marginfall.reports.doc.Table;

/**
 * The twin and network sections: absent without their files, tables from the files when present.
 */
class TwinAndNetworkSectionsTest {

  private static final String COMPARISON =
      """
            {
              "baseCurrency": "USD",
              "seed": 7,
              "twins": [
                {
                  "twin": "no-channel:commonMarket",
                  "directory": "twin/no-channel-commonMarket",
                  "venues": [
                    {
                      "venue": "perp-cross",
                      "base": {"liquidations": 5, "liquidatedNotional": 1000.0, "badDebt": 10.0, "insurancePaid": 2.0},
                      "twin": {"liquidations": 3, "liquidatedNotional": 600.0, "badDebt": 0.0, "insurancePaid": 0.0},
                      "difference": {"liquidations": -2, "liquidatedNotional": -400.0, "badDebt": -10.0, "insurancePaid": -2.0},
                      "liquidatedOnlyInBase": {"accounts": 2, "notional": 400.0},
                      "liquidatedOnlyInTwin": {"accounts": 0, "notional": 0.0},
                      "liquidationLoss": {"base": 22.0, "twin": 6.0},
                      "capitalSavedBySharing": -16.0
                    }
                  ]
                }
              ]
            }
            """;

  private static final String EXPOSURES =
      """
            {
              "venues": [
                {"venue": "A", "capital": 100.0, "holdings": 4145.0},
                {"venue": "B", "capital": 0.0, "holdings": 2271.0}
              ],
              "claims": [ {"holder": "B", "issuer": "A", "asset": "rA", "units": 210.0, "value": 231.0} ],
              "commonAssets": [ {"first": "A", "second": "B", "asset": "ETH", "firstValue": 4000.0, "secondValue": 2000.0, "value": 2000.0} ],
              "debtRank": {"variant": "bardoscia2015", "computed": false, "reason": "venue B holds claims on other venues but has no capital buffer"}
            }
            """;

  @TempDir Path dir;

  @Test
  void test_blocks_noFilesNoSections() throws IOException {
    assertEquals(List.of(), TwinSection.blocks(dir));
    assertEquals(List.of(), NetworkSection.blocks(dir));
  }

  @Test
  void test_twinBlocks_figuresAndOwnersTables() throws IOException {
    RunFixtures.write(dir.resolve(TwinSection.COMPARISON), COMPARISON);
    List<Block> blocks = TwinSection.blocks(dir);
    List<Table> tables = tables(blocks);
    assertEquals(
        List.of("twin-no-channel-commonMarket-figures", "twin-no-channel-commonMarket-owners"),
        tables.stream().map(Table::id).toList());
    // A file written before accounts were counted: a dash for them, and "sharing" as what was
    // removed.
    assertEquals(
        List.of(
            "perp-cross",
            "5",
            "3",
            "-2",
            "\u2014",
            "\u2014",
            "\u2014",
            "1,000",
            "600",
            "-400",
            "10",
            "0",
            "-10",
            "2",
            "0",
            "-2"),
        tables.get(0).rows().get(0));
    assertEquals(
        List.of("perp-cross", "2", "400", "0", "0", "22", "6", "-16"), tables.get(1).rows().get(0));
    assertEquals("capital saved by sharing", tables.get(1).columns().get(7));
  }

  @Test
  void test_twinBlocks_countAccountsNameWhatTheTwinRemovesAndOverlayTheRuns() throws IOException {
    // Five liquidation events of four accounts in the base run; the twin liquidates two accounts.
    RunFixtures.write(
        dir.resolve(TwinSection.COMPARISON),
        COMPARISON
            .replace(
                "\"directory\": \"twin/no-channel-commonMarket\",",
                "\"directory\": \"twin/no-channel-commonMarket\", \"capitalSavedBy\": \"the commonMarket channel\",")
            .replace(
                "\"liquidatedOnlyInBase\"",
                "\"accountsLiquidated\": {\"base\": 4, \"twin\": 2, \"difference\": -2},"
                    + " \"liquidatedOnlyInBase\""));
    RunFixtures.writeRunDir(dir);
    Path twin = Files.createDirectories(dir.resolve("twin/no-channel-commonMarket"));
    Files.copy(dir.resolve("timeseries.csv"), twin.resolve("timeseries.csv"));
    List<Block> blocks = TwinSection.blocks(dir);
    List<Table> tables = tables(blocks);
    assertEquals(
        List.of(
            "perp-cross",
            "5",
            "3",
            "-2",
            "4",
            "2",
            "-2",
            "1,000",
            "600",
            "-400",
            "10",
            "0",
            "-10",
            "2",
            "0",
            "-2"),
        tables.get(0).rows().get(0));
    assertEquals("liquidation events base", tables.get(0).columns().get(1));
    assertEquals("accounts liquidated base", tables.get(0).columns().get(4));
    assertEquals("capital saved by the commonMarket channel", tables.get(1).columns().get(7));
    List<String> charts =
        blocks.stream()
            .filter(b -> b instanceof Block.Figure)
            .map(b -> ((Block.Figure) b).chart().baseName())
            .toList();
    assertTrue(
        charts.containsAll(
            List.of(
                "twin-no-channel-commonMarket-liquidated",
                "twin-no-channel-commonMarket-bad-debt")),
        charts.toString());
    assertTrue(
        charts.stream().anyMatch(c -> c.startsWith("twin-no-channel-commonMarket-prices-")),
        charts.toString());
  }

  @Test
  void test_networkBlocks_venuesEdgesAndWhyDebtRankIsUndefined() throws IOException {
    RunFixtures.write(dir.resolve(NetworkSection.EXPOSURES), EXPOSURES);
    List<Block> blocks = NetworkSection.blocks(dir);
    List<Table> tables = tables(blocks);
    assertEquals(List.of("A", "100", "4,145", "\u2014", "\u2014"), tables.get(0).rows().get(0));
    assertEquals(List.of("A", "100", "4145", "\u2014", "\u2014"), tables.get(0).exact().get(0));
    assertEquals(List.of("claim", "B", "A", "rA", "231"), tables.get(1).rows().get(0));
    assertEquals(List.of("common asset", "A", "B", "ETH", "2,000"), tables.get(1).rows().get(1));
    assertTrue(
        blocks.stream()
            .anyMatch(
                b ->
                    b instanceof Block.Paragraph p
                        && p.text()
                            .equals(
                                "DebtRank is undefined for this network: venue B holds claims on other venues"
                                    + " but has no capital buffer.")));
  }

  @Test
  void test_twinBlocks_malformedFileNamesIt() throws IOException {
    RunFixtures.write(dir.resolve(TwinSection.COMPARISON), "{\"baseCurrency\": \"USD\"}");
    ReportException e = assertThrows(ReportException.class, () -> TwinSection.blocks(dir));
    assertTrue(
        e.getMessage().contains("twin-comparison.json")
            && e.getMessage().contains("twins is missing"),
        e.getMessage());
  }

  @Test
  void test_write_reportShowsBothSections() throws IOException {
    RunFixtures.writeRunDir(dir);
    RunFixtures.write(dir.resolve(TwinSection.COMPARISON), COMPARISON);
    RunFixtures.write(dir.resolve(NetworkSection.EXPOSURES), EXPOSURES);
    new RunReportWriter(java.time.Clock.systemUTC()).write(dir);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("Counterfactual twins"), "twin section missing");
    assertTrue(html.contains("Venue exposure network"), "network section missing");
    assertTrue(Files.isRegularFile(dir.resolve("tables/twin-no-channel-commonMarket-owners.csv")));
  }

  private static List<Table> tables(List<Block> blocks) {
    return blocks.stream()
        .filter(b -> b instanceof Block.TableBlock)
        .map(b -> ((Block.TableBlock) b).table())
        .toList();
  }
}
