package org.marginfall.agents.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.agents.testkit.FakeAgentContext;
import org.marginfall.agents.testkit.FakePerpetualVenue;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.random.Distribution;
import org.marginfall.core.random.RandomStream;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.venue.VenueId;

/**
 * Vault owners opening vaults at set-up against a fake vault venue: ETH at 2,000, mat 1.5, dust
 * 1,000.
 */
class VaultOwnersTest {

  private static final AssetId USD = AssetId.of("USD");
  private static final AssetId ETH = AssetId.of("ETH");
  private static final long SEED = 11L;

  private static FakeAgentContext context() {
    return new FakeAgentContext(List.of(USD, ETH)).addMarket(ETH, 2000, 1.0e9);
  }

  private static FakeVaultVenue venue(FakeAgentContext ctx) {
    return ctx.addVenue(new FakeVaultVenue("maker", ctx.ledger(), USD, ETH, 2000, 1.5, 1000));
  }

  private static VaultOwners owners(int count, Distribution collateral, Distribution ratio) {
    return (VaultOwners)
        new VaultOwnersSpec("owners", VenueId.of("maker"), count, ETH, collateral, ratio)
            .resolve(new RandomStreams(SEED, 0));
  }

  @Test
  void test_setUp_drawsDebtToTargetRatio() {
    FakeAgentContext ctx = context();
    FakeVaultVenue venue = venue(ctx);
    owners(1, new Distribution.Constant(10), new Distribution.Constant(2.0)).setUp(ctx);
    // 10 ETH at 2,000 = 20,000 of collateral at ratio 2.0: debt 10,000.
    AccountId vault = AccountId.of("maker", "vaults", "owners", "000");
    assertEquals(Precision.MICRO.atoms(10), venue.collateral(vault));
    assertEquals(Precision.MICRO.atoms(10_000), venue.debt(vault));
    assertEquals(
        Precision.MICRO.atoms(10_000), ctx.ledger().balance(AccountId.of("owners", "000"), USD));
  }

  @Test
  void test_setUp_ratioBelowLiquidationRatioIsRaisedToIt() {
    FakeAgentContext ctx = context();
    FakeVaultVenue venue = venue(ctx);
    owners(1, new Distribution.Constant(3), new Distribution.Constant(1.2)).setUp(ctx);
    // 3 ETH = 6,000 at ratio max(1.2, 1.5) = 1.5: debt 4,000, exactly at the liquidation ratio.
    assertEquals(
        Precision.MICRO.atoms(4_000), venue.debt(AccountId.of("maker", "vaults", "owners", "000")));
  }

  @Test
  void test_setUp_debtBelowDustIsNotDrawn() {
    FakeAgentContext ctx = context();
    FakeVaultVenue venue = venue(ctx);
    VaultOwners p = owners(1, new Distribution.Constant(1), new Distribution.Constant(5));
    p.setUp(ctx);
    // 1 ETH = 2,000 at ratio 5: 400 < dust 1,000, so the vault holds collateral and no debt.
    assertEquals(0, venue.debt(AccountId.of("maker", "vaults", "owners", "000")));
    assertEquals(
        Precision.MICRO.atoms(1),
        venue.collateral(AccountId.of("maker", "vaults", "owners", "000")));
    assertEquals(0, p.vaultsWithDebt());
  }

  @Test
  void test_setUp_drawsCollateralThenRatioPerOwnerFromItsStream() {
    FakeAgentContext ctx = context();
    FakeVaultVenue venue = venue(ctx);
    Distribution collateral = new Distribution.Uniform(5, 15);
    Distribution ratio = new Distribution.Uniform(1.6, 3);
    owners(3, collateral, ratio).setUp(ctx);
    RandomStream expected = new RandomStreams(SEED, 0).stream("agents/owners");
    for (int k = 0; k < 3; k++) {
      long ink = Precision.MICRO.floorAtoms(expected.next(collateral));
      double r = expected.next(ratio);
      AccountId vault = AccountId.of("maker", "vaults", "owners", "00" + k);
      assertEquals(ink, venue.collateral(vault));
      assertEquals(
          Precision.MICRO.floorAtoms(Precision.MICRO.units(ink) * 2000 / r), venue.debt(vault));
    }
  }

  @Test
  void test_setUp_refusesVenueWithoutVaults() {
    FakeAgentContext ctx = context();
    ctx.addVenue(new FakePerpetualVenue("maker", false, ctx.ledger(), USD));
    VaultOwners p = owners(1, new Distribution.Constant(1), new Distribution.Constant(2));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.setUp(ctx));
    assertEquals(
        "population owners: venue maker is a "
            + ctx.venue(VenueId.of("maker")).type()
            + " venue, not a vault venue",
        e.getMessage());
  }
}
