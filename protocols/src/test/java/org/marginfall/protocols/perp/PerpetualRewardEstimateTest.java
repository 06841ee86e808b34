package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.VenueId;

/**
 * {@link PerpetualExchange#expectedLiquidatorReward}: the liquidator's share of the fee a close
 * would pay, by hand on the states of PerpetualExchangeTest's liquidation cases (no price impact,
 * so the estimate is exactly what the liquidation then pays), and nothing moves when it is asked.
 */
class PerpetualRewardEstimateTest {

  private static final double TOL = 1e-9;

  private static PerpetualVenueSpec spec() {
    // IMF 10%, MMF 5%, ETH collateral haircut 10%, fee 1%, half the fee to the liquidator
    return new PerpetualVenueSpec(
        VenueId.of("perp"),
        ORACLE,
        MarginMode.CROSS,
        List.of(new PerpMarket(ETH, 0.10, 0.05), new PerpMarket(BTC, 0.10, 0.05)),
        List.of(new CollateralTerms(ETH, 0.10)),
        0.01,
        0.5,
        600,
        1_000_000);
  }

  private static AccountId crossAccount(
      VenueHarness h, PerpetualExchange venue, String owner, double usd, double eth) {
    AccountId o = h.fund(owner, usd, eth);
    AccountId a = venue.marginAccount(o, BTC);
    venue.deposit(o, a, USD, Precision.MICRO.atoms(usd));
    if (eth > 0) {
      venue.deposit(o, a, ETH, Precision.MICRO.atoms(eth));
    }
    return a;
  }

  private static LiquidationCandidate candidate(PerpetualExchange venue, AccountId a) {
    return new LiquidationCandidate(venue.id(), a, venue.marginState(a));
  }

  @Test
  void test_expectedLiquidatorReward_halfTheFeeOnTheClosedNotional() {
    VenueHarness h = new VenueHarness(2999.5, 60_000);
    PerpetualExchange venue = h.venue(spec());
    AccountId a = crossAccount(h, venue, "alice", 500, 1);
    venue.open(a, BTC, 0.5);
    AccountId liquidator = h.fund("liquidator", 5000, 0);
    h.setPrice(BTC, 56_000);
    // Notional 0.5 * 56000 = 28000, fee 1% = 280; what is left: 500 + 1 * 2999.5 - 2000 = 1499.5
    // >= 280, so the fee is 280 and the liquidator's half 140.
    long[][] before = h.balances();
    assertEquals(140, venue.expectedLiquidatorReward(candidate(venue, a)), TOL);
    assertArrayEquals(before, h.balances(), "asking moves nothing");
    LiquidationOutcome out = venue.liquidate(a, liquidator).orElseThrow();
    assertEquals(140, out.feeToLiquidator(), TOL);
  }

  @Test
  void test_expectedLiquidatorReward_feeCappedAtWhatIsLeft() {
    VenueHarness h = new VenueHarness(3000, 60_000);
    PerpetualExchange venue = h.venue(spec());
    AccountId a = crossAccount(h, venue, "alice", 3100, 0);
    venue.open(a, BTC, 0.5);
    h.setPrice(BTC, 54_100);
    // PnL 0.5 * (54100 - 60000) = -2950, left 3100 - 2950 = 150 < fee 0.01 * 27050 = 270.5:
    // the fee is 150, the liquidator's half 75.
    assertEquals(75, venue.expectedLiquidatorReward(candidate(venue, a)), TOL);
    AccountId liquidator = h.fund("liquidator", 0, 0);
    assertEquals(75, venue.liquidate(a, liquidator).orElseThrow().feeToLiquidator(), TOL);
  }

  @Test
  void test_expectedLiquidatorReward_zeroForHealthyOrBankruptAccounts() {
    VenueHarness h = new VenueHarness(3000, 60_000);
    PerpetualExchange venue = h.venue(spec());
    AccountId a = crossAccount(h, venue, "alice", 3100, 0);
    venue.open(a, BTC, 0.5);
    // healthy: equity 3100 >= MMR 1500
    assertEquals(0, venue.expectedLiquidatorReward(candidate(venue, a)), 0);
    h.setPrice(BTC, 50_000);
    // PnL -5000: 3100 - 5000 < 0, nothing left to pay a fee from
    assertEquals(0, venue.expectedLiquidatorReward(candidate(venue, a)), 0);
    assertEquals(
        0,
        venue.expectedLiquidatorReward(
            new LiquidationCandidate(venue.id(), AccountId.of("perp/accounts/nobody"), null)),
        0);
  }
}
