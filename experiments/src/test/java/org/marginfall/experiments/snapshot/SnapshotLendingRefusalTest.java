package org.marginfall.experiments.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.engine.World;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.VenueSnapshot;
import org.marginfall.experiments.internal.run.Json;
import org.marginfall.experiments.internal.run.RunDirectoryWriter;
import org.marginfall.experiments.internal.run.RunRequest;
import org.marginfall.experiments.internal.scenario.Scenario;

/**
 * A lending account the pool refuses at the start (health factor below 1) leaves nothing behind
 * under {@code onInvalidRow: skip}: no venue account, receipt, debt or balance, and reserve totals
 * that are exactly the accepted rows' sums, so the run is the run of the file without its rows.
 */
class SnapshotLendingRefusalTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId USD = AssetId.of("USD");
  private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

  /**
   * ETH at 2,000, liquidation threshold 0.85. near: 1.05 ETH against 0.1 ETH and 1,500 USD, HF =
   * 1,785 / 1,700 = 1.05, loads. under (lines 6-7): 0.98 ETH; its 0.35 ETH borrow is opened (HF
   * 1,666 / 700), then its 1,000 USD borrow would make HF 1,666 / 1,700 = 0.98 < 1: refused, the
   * ETH debt repaid. other loads after it. 0.1 + 0.35 - 0.35 is not 0.1 in binary64, so a reserve
   * total put back by subtraction would differ from the accepted rows' sum.
   */
  private static final String ROWS =
      """
      account,asset,supplied,borrowed
      pool,USD,100000,0
      pool,ETH,10,0
      near,ETH,1.05,0.1
      near,USD,0,1500
      under,ETH,0.98,0.35
      under,USD,0,1000
      other,ETH,2.5,0
      other,USD,0,3000.75
      """;

  @TempDir Path dir;

  private Path scenario(Path in, String rows) throws IOException {
    Files.createDirectories(in);
    return SnapshotWorlds.write(
        in,
        "- {id: lu, type: lending-snapshot, venue: lend, file: l.csv, onInvalidRow: skip}\n",
        "l.csv",
        rows);
  }

  @Test
  void test_refusedAccount_leavesNoAccountReceiptOrDebt() throws IOException {
    World world = SnapshotWorlds.setUp(SnapshotWorlds.read(scenario(dir.resolve("a"), ROWS)));
    LendingVenue lend = (LendingVenue) SnapshotWorlds.venue(world, "lend");
    VenueSnapshot s = lend.snapshot();
    // pool, near and other hold venue accounts; under's was discarded with its refusal.
    assertEquals(3, s.accounts());
    // Open interest: (1,500 + 3,000.75) USD + 0.1 ETH x 2,000, the accepted debts exactly.
    assertEquals(4500.75 + 0.1 * 2000, s.openInterest(), 0.0);
    // Cash: 100,000 - 4,500.75 USD; 10 + 1.05 + 2.5 - 0.1 = 13.45 ETH (at 9 decimals).
    assertEquals(95_499_250_000L, lend.availableLiquidity(USD));
    assertEquals(13_450_000_000L, lend.availableLiquidity(ETH));
    AccountId wallet = AccountId.of("lu", "under");
    for (AssetId a : java.util.List.of(USD, ETH, AssetId.of("aETH"), AssetId.of("aUSD"))) {
      assertEquals(0, world.agents().balance(wallet, a), "under holds " + a);
    }
    assertEquals(0.1, lend.debt(lend.account(AccountId.of("lu", "near")), ETH), 0.0);
    // The ETH reserve owes exactly near's 0.1 (0.1 + 0.35 - 0.35 would be 0.09999999999999998,
    // and the utilisation 0.007380073800738006).
    assertEquals(0.1 / (13.45 + 0.1), lend.utilisation(ETH), 0.0);
  }

  @Test
  void test_refusedAccount_runIsTheRunOfTheFileWithoutIt_auditClean() throws IOException {
    Path with = run(scenario(dir.resolve("with"), ROWS), dir.resolve("with/run"));
    String without = ROWS.replace("under,ETH,0.98,0.35\n", "").replace("under,USD,0,1000\n", "");
    Path clean = run(scenario(dir.resolve("without"), without), dir.resolve("without/run"));
    JsonNode summary = Json.mapper().readTree(with.resolve("summary.json").toFile());
    assertEquals(0, summary.path("audit").path("violations").asInt());
    assertEquals(
        2, summary.path("snapshots").path("lu").path("skipped").path("rejected-at-start").asLong());
    assertEquals(
        Files.readString(clean.resolve("timeseries.csv")),
        Files.readString(with.resolve("timeseries.csv")));
  }

  private static Path run(Path scenario, Path out) throws IOException {
    Scenario s = SnapshotWorlds.read(scenario);
    new RunDirectoryWriter(CLOCK)
        .write(new RunRequest(s, "scenario.yaml", out, OptionalLong.empty(), true, false, false));
    return out;
  }
}
