package org.marginfall.experiments.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.engine.ScenarioFailure;
import org.marginfall.core.engine.Simulation;
import org.marginfall.core.engine.World;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.VaultVenue;

/**
 * A snapshot holds accounts between their borrow limit and their liquidation threshold: they load,
 * and only accounts already liquidatable by the venue's own liquidation test are refused.
 */
class SnapshotNearLiquidationTest {

  private static final AssetId ETH = AssetId.of("ETH");
  private static final AssetId USD = AssetId.of("USD");

  /**
   * ETH at 2,000, LTV 0.80, liquidation threshold 0.85. near: 1.05 ETH against 1,700 USD, LTV 1,700
   * / 2,100 = 0.8095 (above 0.80), HF = 1.05 x 2,000 x 0.85 / 1,700 = 1.05. under: 0.98 ETH against
   * 1,700, HF = 0.98 x 2,000 x 0.85 / 1,700 = 0.98. Lines: near 3-4, under 5-6.
   */
  private static final String LENDING =
      """
      account,asset,supplied,borrowed
      pool,USD,100000,0
      near,ETH,1.05,0
      near,USD,0,1700
      under,ETH,0.98,0
      under,USD,0,1700
      """;

  @TempDir Path dir;

  private Path lending(String policy) throws IOException {
    return SnapshotWorlds.write(
        dir,
        "- {id: lu, type: lending-snapshot, venue: lend, file: l.csv" + policy + "}\n",
        "l.csv",
        LENDING);
  }

  @Test
  void test_lending_liquidatableAccountRefused_withItsLines() throws IOException {
    ScenarioFailure f =
        assertThrows(
            ScenarioFailure.class,
            () -> Simulation.check(SnapshotWorlds.read(lending("")).model(), 11));
    assertEquals("agents[0]", f.field());
    assertTrue(f.detail().contains("l.csv:5: account under: lend: health factor 0.98"), f.detail());
    assertTrue(f.detail().contains("is below 1: liquidatable at the start"), f.detail());
    assertTrue(f.detail().contains("l.csv:6: account under"), f.detail());
    assertFalse(f.detail().contains("account near"), f.detail());
  }

  @Test
  void test_lending_aboveLtvBelowThreshold_loaded_ledgerConserved() throws IOException {
    World world = SnapshotWorlds.setUp(SnapshotWorlds.read(lending(", onInvalidRow: skip")));
    LendingVenue lend = (LendingVenue) SnapshotWorlds.venue(world, "lend");
    AccountId near = lend.account(AccountId.of("lu", "near"));
    assertEquals(1.05, lend.healthFactor(near), 1e-12);
    assertEquals(1700, lend.debt(near, USD), 1e-9);
    // Above the borrow limit: a new borrow of one more USD is refused by the LTV test.
    assertThrows(
        IllegalStateException.class,
        () -> lend.borrow(near, USD, 1_000_000, AccountId.of("lu", "near")));
    // under was undone: its ETH left the reserve and the model, its wallet is empty, no debt.
    AccountId under = AccountId.of("lu", "under");
    assertEquals(0, world.agents().balance(under, ETH));
    assertEquals(0, world.agents().balance(under, USD));
    assertEquals(0, lend.debt(lend.account(under), USD), 0);
    assertEquals(1.05, world.agents().precision(ETH).units(lend.availableLiquidity(ETH)), 1e-12);
    assertEquals(
        100000 - 1700, world.agents().precision(USD).units(lend.availableLiquidity(USD)), 1e-9);
    assertEquals(
        1700,
        world
            .agents()
            .precision(USD)
            .units(world.agents().balance(AccountId.of("lu", "near"), USD)),
        1e-9);
    assertTrue(lend.audit().isEmpty(), lend.audit().toString());
  }

  /**
   * The CDP test is the venue's mat (1.45 for maker-liq2-like), the same for drawing and for
   * liquidation (dss: spot = price / mat in both frob and bark). safe: 0.76125 ETH x 2,000 / 1,000
   * = 1.5225 = 1.05 x mat. unsafe: 0.7105 ETH x 2,000 / 1,000 = 1.421 = 0.98 x mat.
   */
  @Test
  void test_cdp_onlyVaultsUnsafeByMatRefused() throws IOException {
    String vaults =
        """
        vault,ilk,collateral,art
        safe,ETH,0.76125,1000
        unsafe,ETH,0.7105,1000
        """;
    Path refuse =
        SnapshotWorlds.write(
            dir, "- {id: mk, type: cdp-snapshot, venue: cdp, file: v.csv}\n", "v.csv", vaults);
    ScenarioFailure f =
        assertThrows(
            ScenarioFailure.class, () -> Simulation.check(SnapshotWorlds.read(refuse).model(), 11));
    assertTrue(f.detail().contains("v.csv:3: vault unsafe: unsafe at the start"), f.detail());
    assertFalse(f.detail().contains("vault safe"), f.detail());
    Path skip =
        SnapshotWorlds.write(
            dir,
            "- {id: mk, type: cdp-snapshot, venue: cdp, file: v.csv, onInvalidRow: skip}\n",
            "v.csv",
            vaults);
    World world = SnapshotWorlds.setUp(SnapshotWorlds.read(skip));
    VaultVenue cdp = (VaultVenue) SnapshotWorlds.venue(world, "cdp");
    assertEquals(1.45, cdp.liquidationRatio(ETH), 1e-12);
    AccountId safe = cdp.openVault(AccountId.of("mk", "safe"), ETH);
    double ratio =
        world.agents().precision(ETH).units(cdp.collateral(safe))
            * cdp.collateralPrice(ETH)
            / world.agents().precision(USD).units(cdp.debt(safe));
    assertEquals(1.05 * 1.45, ratio, 1e-12);
    assertTrue(cdp.audit().isEmpty(), cdp.audit().toString());
  }
}
