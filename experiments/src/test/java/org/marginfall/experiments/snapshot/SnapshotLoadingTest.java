package org.marginfall.experiments.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.engine.World;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.PerpetualVenue;
import org.marginfall.core.venue.VaultVenue;
import org.marginfall.experiments.internal.run.RunDirectoryWriter;
import org.marginfall.experiments.internal.run.RunRequest;
import org.marginfall.experiments.internal.scenario.Scenario;
import org.marginfall.protocols.perp.PerpMarginCalculator;

/**
 * Loaded accounts hold what their rows say, as the venue's own formulas value them: hand-computed
 * from the rows at the set-up prices (ETH 2,000, BTC 40,000).
 */
class SnapshotLoadingTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId USD = AssetId.of("USD");

  @TempDir Path dir;

  private static final String PERP_CSV =
      """
      # hand-made rows
      account,market,size,entryPrice,marginMode,collateral.USD
      alice,ETH,10,1900,cross,3000
      hedged,ETH,10,2200,cross,1500
      hedged,BTC,-1,44000,,0
      """;

  @Test
  void test_perpRow_marginAndLiquidationPrice_matchVenueFormula() throws IOException {
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    """
        - {id: pt, type: perpetual-snapshot, venue: perp, file: positions.csv}
        """,
                    "positions.csv",
                    PERP_CSV)));
    PerpetualVenue perp = (PerpetualVenue) SnapshotWorlds.venue(world, "perp");
    MarginState alice = perp.marginState(perp.marginAccount(AccountId.of("pt", "alice"), ETH));
    // equity = 3,000 + 10 (2,000 - 1,900) = 4,000; MMR = 10 x 2,000 x 0.05 = 1,000; IMR = 2,000.
    assertEquals(4000, alice.equity(), 1e-9);
    assertEquals(1000, alice.maintenanceRequirement(), 1e-9);
    assertEquals(2000, alice.initialRequirement(), 1e-9);
    // Liquidation price: 3,000 + 10 (P - 1,900) = 10 P 0.05  =>  P = 16,000 / 9.5 = 1,684.21...
    double p = PerpMarginCalculator.DEFAULT.liquidationPrice(10, 1900, 3000, 0.05);
    assertEquals(16000 / 9.5, p, 1e-9);
    assertEquals(10 * p * 0.05, 3000 + 10 * (p - 1900), 1e-9);
  }

  @Test
  void test_perpHedge_isTestedWithEveryPositionInPlace() throws IOException {
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    """
        - {id: pt, type: perpetual-snapshot, venue: perp, file: positions.csv}
        """,
                    "positions.csv",
                    PERP_CSV)));
    PerpetualVenue perp = (PerpetualVenue) SnapshotWorlds.venue(world, "perp");
    MarginState hedged = perp.marginState(perp.marginAccount(AccountId.of("pt", "hedged"), ETH));
    // Alone, the ETH leg would be liquidatable (1,500 - 2,000 < 1,000); with the BTC short's
    // +4,000 the account has equity 3,500 against MMR 1,000 + 2,000 = 3,000.
    assertEquals(3500, hedged.equity(), 1e-9);
    assertEquals(3000, hedged.maintenanceRequirement(), 1e-9);
    assertFalse(hedged.liquidatable());
  }

  @Test
  void test_hyperliquidUser_loadsAtAccountValue() throws IOException {
    // Shaped like the info API's clearinghouseState response (Hyperliquid docs, info endpoint,
    // perpetuals): numbers as decimal strings; accountValue = cash + sum of unrealised PnL.
    String json =
        """
        {
          "0x0000000000000000000000000000000000000001": {
            "marginSummary": {"accountValue": "9000.0", "totalNtlPos": "60000.0", "totalRawUsd": "-51000.0", "totalMarginUsed": "6000.0"},
            "crossMarginSummary": {"accountValue": "9000.0", "totalNtlPos": "60000.0", "totalRawUsd": "-51000.0", "totalMarginUsed": "6000.0"},
            "crossMaintenanceMarginUsed": "3000.0",
            "withdrawable": "3000.0",
            "assetPositions": [
              {"type": "oneWay", "position": {"coin": "ETH", "szi": "10.0", "leverage": {"type": "cross", "value": 10},
               "entryPx": "2100.0", "positionValue": "20000.0", "unrealizedPnl": "-1000.0", "returnOnEquity": "-0.47",
               "liquidationPx": "1300.0", "marginUsed": "2000.0", "maxLeverage": 25,
               "cumFunding": {"allTime": "0.0", "sinceOpen": "0.0", "sinceChange": "0.0"}}},
              {"type": "oneWay", "position": {"coin": "BTC", "szi": "-1.0", "leverage": {"type": "cross", "value": 10},
               "entryPx": "40000.0", "positionValue": "40000.0", "unrealizedPnl": "0.0", "returnOnEquity": "0.0",
               "liquidationPx": null, "marginUsed": "4000.0", "maxLeverage": 25,
               "cumFunding": {"allTime": "0.0", "sinceOpen": "0.0", "sinceChange": "0.0"}}}
            ],
            "time": 1767225600000
          }
        }
        """;
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    """
        - {id: hl, type: perpetual-snapshot, venue: perp, file: users.json, format: hyperliquid}
        """,
                    "users.json",
                    json)));
    PerpetualVenue perp = (PerpetualVenue) SnapshotWorlds.venue(world, "perp");
    AccountId account =
        perp.marginAccount(AccountId.of("hl", "0x0000000000000000000000000000000000000001"), ETH);
    // Collateral = 9,000 - (-1,000 + 0) = 10,000 USD; at the same marks the venue's equity is the
    // API's accountValue again, and its MMR is 5% of 60,000.
    assertEquals(
        10_000, world.agents().precision(USD).units(world.agents().balance(account, USD)), 1e-9);
    assertEquals(9000, perp.marginState(account).equity(), 1e-9);
    assertEquals(3000, perp.marginState(account).maintenanceRequirement(), 1e-9);
  }

  @Test
  void test_stopLoss_actsOnLoadedPosition_fromItsEntryPrice() throws IOException {
    // ETH falls 20% in step 2. alice (long 1 ETH from 2,000 on 1,000 USD: equity 600 > MMR 80 after
    // the fall) is not liquidated; her 10% stop-loss, measured from the row's entry price, closes
    // the position in step 2's trading phase at 1,600, realising -400.
    Scenario s =
        SnapshotWorlds.read(
            SnapshotWorlds.writeWith(
                dir,
                """
        shocks:
          - {asset: ETH, startStep: 2, steps: 1, change: -0.20}
        """,
                """
        - {id: pt, type: perpetual-snapshot, venue: perp, file: p.csv, stopLoss: 0.10}
        """,
                "p.csv",
                "account,market,size,entryPrice,collateral.USD\nalice,ETH,1,2000,1000\n"));
    Path out = dir.resolve("run");
    new RunDirectoryWriter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
        .write(new RunRequest(s, "scenario.yaml", out, OptionalLong.empty(), true, false, false));
    List<String> trades =
        Files.readAllLines(out.resolve("events.jsonl")).stream()
            .filter(l -> l.contains("\"type\":\"trade\""))
            .toList();
    assertEquals(1, trades.size(), trades.toString());
    assertTrue(trades.get(0).contains("\"account\":\"perp/accounts/pt/alice\""), trades.get(0));
    assertTrue(trades.get(0).contains("\"realizedPnl\":-400.0"), trades.get(0));
    assertTrue(trades.get(0).contains("\"size\":-1.0"), trades.get(0));
    assertTrue(trades.get(0).contains("\"step\":2"), trades.get(0));
  }

  @Test
  void test_lendingAccount_healthFactor() throws IOException {
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    """
        - {id: lu, type: lending-snapshot, venue: lend, file: lending.csv}
        """,
                    "lending.csv",
                    """
        account,asset,supplied,borrowed
        bob,ETH,10,0
        bob,USD,0,12000
        pool,USD,100000,0
        """)));
    LendingVenue lend = (LendingVenue) SnapshotWorlds.venue(world, "lend");
    AccountId bob = lend.account(AccountId.of("lu", "bob"));
    // HF = 10 x 2,000 x 0.85 / 12,000 = 1.41666... (bob borrows from pool, loaded first: no debt).
    assertEquals(17000.0 / 12000.0, lend.healthFactor(bob), 1e-12);
    assertEquals(12000, lend.debt(bob, USD), 1e-9);
    assertEquals(
        12000,
        world.agents().precision(USD).units(world.agents().balance(AccountId.of("lu", "bob"), USD)),
        1e-9);
  }

  @Test
  void test_aaveSubgraphUsers_scaledByDecimals() throws IOException {
    // Shaped like a response of the Aave v3 subgraph (aave/protocol-subgraphs, UserReserve):
    // balances are integers in the token's smallest unit.
    String json =
        """
        {"data": {"users": [
          {"id": "0x00000000000000000000000000000000000000aa", "reserves": [
            {"currentATokenBalance": "10000000000000000000", "currentVariableDebt": "0", "currentStableDebt": "0",
             "usageAsCollateralEnabledOnUser": true, "reserve": {"symbol": "WETH", "decimals": 18}},
            {"currentATokenBalance": "0", "currentVariableDebt": "10000000000", "currentStableDebt": "2000000000",
             "usageAsCollateralEnabledOnUser": false, "reserve": {"symbol": "USDC", "decimals": 6}}]},
          {"id": "0x00000000000000000000000000000000000000bb", "reserves": [
            {"currentATokenBalance": "50000000000", "currentVariableDebt": "0", "currentStableDebt": "0",
             "usageAsCollateralEnabledOnUser": true, "reserve": {"symbol": "USDC", "decimals": 6}}]}
        ]}}
        """;
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    """
        - {id: aave, type: lending-snapshot, venue: lend, file: users.json, format: aave-subgraph,
           names: {WETH: ETH, USDC: USD}}
        """,
                    "users.json",
                    json)));
    LendingVenue lend = (LendingVenue) SnapshotWorlds.venue(world, "lend");
    AccountId a = lend.account(AccountId.of("aave", "0x00000000000000000000000000000000000000aa"));
    // 10 WETH against 10,000 + 2,000 USDC (stable debt joins variable): HF = 17,000 / 12,000.
    assertEquals(12000, lend.debt(a, USD), 1e-9);
    assertEquals(17000.0 / 12000.0, lend.healthFactor(a), 1e-12);
    // The supplier's 50,000 USDC is in the reserve (less the 12,000 lent).
    assertEquals(38000, world.agents().precision(USD).units(lend.availableLiquidity(USD)), 1e-9);
  }

  @Test
  void test_cdpVault_collateralisation() throws IOException {
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    """
        - {id: mk, type: cdp-snapshot, venue: cdp, file: vaults.csv}
        """,
                    "vaults.csv",
                    """
        vault,ilk,collateral,art
        carol,ETH,10,8000
        """)));
    VaultVenue cdp = (VaultVenue) SnapshotWorlds.venue(world, "cdp");
    AccountId vault = cdp.openVault(AccountId.of("mk", "carol"), ETH);
    double ink = world.agents().precision(ETH).units(cdp.collateral(vault));
    double debt = world.agents().precision(USD).units(cdp.debt(vault));
    assertEquals(10, ink, 1e-12);
    assertEquals(8000, debt, 1e-9);
    // Collateralisation 10 x 2,000 / 8,000 = 2.5, above mat 1.45.
    assertEquals(2.5, ink * cdp.collateralPrice(ETH) / debt, 1e-12);
    assertTrue(ink * cdp.collateralPrice(ETH) / debt > cdp.liquidationRatio(ETH));
  }

  @Test
  void test_makerUrns_wadsTimesRate() throws IOException {
    World world =
        SnapshotWorlds.setUp(
            SnapshotWorlds.read(
                SnapshotWorlds.write(
                    dir,
                    """
        - {id: mk, type: cdp-snapshot, venue: cdp, file: urns.csv, format: maker-urns,
           names: {ETH-A: ETH}, rates: {ETH-A: 1.05}}
        """,
                    "urns.csv",
                    """
        ilk,urn,ink,art
        ETH-A,0x00000000000000000000000000000000000000cc,12500000000000000000,8000000000000000000000
        """)));
    VaultVenue cdp = (VaultVenue) SnapshotWorlds.venue(world, "cdp");
    AccountId vault =
        cdp.openVault(AccountId.of("mk", "0x00000000000000000000000000000000000000cc"), ETH);
    // ink 12.5 ETH; debt = art x rate = 8,000 x 1.05 = 8,400 USD.
    assertEquals(12.5, world.agents().precision(ETH).units(cdp.collateral(vault)), 1e-12);
    assertEquals(8400, world.agents().precision(USD).units(cdp.debt(vault)), 1e-9);
  }
}
