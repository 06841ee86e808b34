package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;
import org.marginfall.protocols.perp.portfolio.ScenarioGrid;
import org.marginfall.protocols.perp.portfolio.SpanGrid;

/**
 * The perpetual venue under {@code marginMode: portfolio}: equity as always, requirements from a
 * SPAN-style scenario grid over the whole account (CME SPAN; docs/sources.md).
 */
class PortfolioMarginVenueTest {

  private static final double TOL = 1e-6;

  /** Price scan ranges 15% (ETH) and 10% (BTC), CME grid with extremes at 3 x PSR covered 35%. */
  private static final SpanGrid SPAN =
      new SpanGrid(Map.of(ETH, 0.15, BTC, 0.10), ScenarioGrid.cme(3, 0.35), List.of(), 1.1);

  private static PerpetualVenueSpec spec() {
    return new PerpetualVenueSpec(
        VenueId.of("pm"),
        ORACLE,
        MarginMode.PORTFOLIO,
        List.of(new PerpMarket(ETH, 0.10, 0.05), new PerpMarket(BTC, 0.10, 0.05)),
        List.of(),
        0.01,
        0.5,
        0,
        1.0e9,
        LiquidationTerms.FULL,
        Optional.empty(),
        DeleveragingTerms.NONE,
        PricingTerms.DEFAULT,
        Optional.of(SPAN));
  }

  private static AccountId account(VenueHarness h, PerpetualExchange venue, double usd) {
    AccountId owner = h.fund("alice", usd, 0);
    AccountId a = venue.marginAccount(owner, ETH);
    venue.deposit(owner, a, USD, Precision.MICRO.atoms(usd));
    return a;
  }

  @Test
  void test_marginState_takesRequirementsFromTheScenarioGrid() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = h.venue(spec());
    AccountId a = account(h, venue, 10_000);
    // Portfolio margin groups like cross: one account for both markets.
    assertEquals(a, venue.marginAccount(AccountId.of("alice"), BTC));
    venue.open(a, ETH, 10);
    venue.open(a, BTC, -0.5);
    // ETH long 30,000: worst is the extreme down move, 30,000 * 0.45 * 0.35 = 4,725.
    // BTC short 30,000: worst is the extreme up move, 30,000 * 0.30 * 0.35 = 3,150.
    // No inter-commodity credit: MM = 7,875; IM = 1.1 * 7,875 = 8,662.5. (Fractions would give
    // 3,000 / 6,000.)
    MarginState s = venue.marginState(a);
    assertEquals(10_000, s.equity(), TOL);
    assertEquals(7_875, s.maintenanceRequirement(), TOL);
    assertEquals(8_662.5, s.initialRequirement(), TOL);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_open_refusesWhatThePortfolioInitialMarginDoesNotCover() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = h.venue(spec());
    AccountId a = account(h, venue, 8_000);
    venue.open(a, ETH, 10); // IM 1.1 * 4,725 = 5,197.5 <= 8,000
    // With the BTC short the IM would be 8,662.5 > 8,000: refused, and nothing changes.
    assertThrows(IllegalStateException.class, () -> venue.open(a, BTC, -0.5));
    assertEquals(5_197.5, venue.marginState(a).initialRequirement(), TOL);
  }

  @Test
  void test_markToMarket_liquidatesBelowThePortfolioMaintenance() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = h.venue(spec());
    AccountId a = account(h, venue, 10_000);
    venue.open(a, ETH, 10);
    venue.open(a, BTC, -0.5);
    h.setPrice(ETH, 2800);
    venue.markToMarket();
    // Equity 10,000 - 10 * 200 = 8,000; MM = 28,000 * 0.1575 + 3,150 = 7,560: healthy.
    assertEquals(7_560, venue.marginState(a).maintenanceRequirement(), TOL);
    assertFalse(venue.marginState(a).liquidatable());
    h.setPrice(ETH, 2700);
    venue.markToMarket();
    // Equity 7,000; MM = 27,000 * 0.1575 + 3,150 = 7,402.5: liquidatable, where fractions
    // (MM 0.05 * 57,000 = 2,850) would not be.
    MarginState s = venue.marginState(a);
    assertEquals(7_000, s.equity(), TOL);
    assertEquals(7_402.5, s.maintenanceRequirement(), TOL);
    assertTrue(s.liquidatable());
    assertEquals(List.of(a), venue.liquidatable().stream().map(c -> c.account()).toList());
  }

  @Test
  void test_spec_portfolioModelGoesWithPortfolioModeOnly() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PerpetualVenueSpec(
                VenueId.of("pm"),
                ORACLE,
                MarginMode.CROSS,
                List.of(new PerpMarket(ETH, 0.10, 0.05)),
                List.of(),
                0.01,
                0.5,
                0,
                1.0e9,
                LiquidationTerms.FULL,
                Optional.empty(),
                DeleveragingTerms.NONE,
                PricingTerms.DEFAULT,
                Optional.of(SPAN)));
  }

  @Test
  void test_maxOpenSize_isWhatThePortfolioInitialMarginAllows() {
    VenueHarness h = new VenueHarness(3000, 60000);
    PerpetualExchange venue = h.venue(spec());
    AccountId a = account(h, venue, 10_000);
    // ETH alone: IM = 1.1 * 0.45 * 0.35 * N = 0.17325 N <= 10,000  =>  N <= 57,720.7792...,
    // i.e. 19.2402597... ETH at 3000 (fractional margin would allow 10,000 / 0.1 / 3000 = 33.3
    // ETH).
    double max = venue.maxOpenSize(a, ETH, 1);
    assertEquals(10_000 / 0.17325 / 3000, max, 1e-6);
    venue.open(a, ETH, max * (1 - 1e-9));
    assertThrows(IllegalStateException.class, () -> venue.open(a, ETH, 1e-3));
  }
}
