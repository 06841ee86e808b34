package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.EnglishLot;

/**
 * Liquidations 1.0 by hand (cat.sol bite, flip.sol tend/dent/deal with beg 3%, ttl 10 minutes, lump
 * 50): a 120 ETH vault with 15,000 of debt at ETH 150 is bitten 50 ETH at a time.
 */
class FlipAuctionTest {

  private static final FlipTerms TERMS = new FlipTerms(1.03, 600, 259_200, 50);

  private final CdpHarness h = new CdpHarness(200);
  private final CdpVenue venue = h.venue(spec(0));
  private final AccountId owner = h.fund("owner", 0, 120);
  private final AccountId vault = h.vault(venue, owner, 120, 15_000);
  private final AccountId alice = h.fund("alice", 10_000, 0);
  private final AccountId bob = h.fund("bob", 10_000, 0);
  private final AccountId cat = h.fund("kicker", 0, 0);

  private static CdpVenueSpec spec(double surplus) {
    CdpIlk ilk =
        new CdpIlk(
            CdpHarness.ETH,
            1.50,
            0,
            20,
            1.13,
            5.0e6,
            1.30,
            8400,
            0.40,
            0,
            0,
            new Abacus.StairstepExponentialDecrease(90, 0.99));
    return new CdpVenueSpec(
        CdpHarness.VENUE,
        CdpHarness.ORACLE,
        60,
        1.0e8,
        surplus,
        List.of(ilk),
        org.marginfall.core.oracle.StalenessGuard.OFF,
        TERMS);
  }

  private long usd(double units) {
    return h.atoms(CdpHarness.USD, units);
  }

  private long eth(double units) {
    return h.atoms(CdpHarness.ETH, units);
  }

  /**
   * Bites at ETH 150 (collateral 18,000 over debt 15,000 = 1.2 < 1.5): lot 50, art 6,250, tab
   * 7,062.5.
   */
  private long bite() {
    h.setPrice(150);
    venue.markToMarket();
    assertTrue(venue.liquidatesNow(vault));
    assertTrue(venue.liquidate(vault, cat).isPresent());
    AuctionStarted s = h.eventsOf(AuctionStarted.class).get(0);
    assertEquals(50, s.lot());
    assertEquals(6_250, s.due());
    assertEquals(7_062.5, s.tab());
    assertTrue(s.partial());
    assertEquals(usd(8_750), venue.debt(vault));
    assertEquals(eth(70), venue.collateral(vault));
    assertEquals(
        0,
        venue.expectedLiquidatorReward(venue.liquidatable().get(0)),
        "no keeper incentive in 2020");
    return s.lotId();
  }

  @Test
  void test_tendThenDent_refundsTheOutbidAndReturnsCollateralToTheVault() {
    long id = bite();
    assertTrue(venue.tend(id, alice, usd(5_000)));
    assertFalse(venue.tend(id, bob, usd(5_100)), "below 5,000 x 1.03 = 5,150");
    assertTrue(venue.tend(id, bob, usd(5_150)));
    assertEquals(usd(10_000), h.ledger.balance(alice, CdpHarness.USD), "alice refunded by bob");
    assertFalse(venue.tend(id, alice, usd(7_100)), "above the tab");
    assertTrue(venue.tend(id, alice, usd(7_062.5)), "the tab itself, which ends the tend phase");
    EnglishLot lot = venue.englishLots(bob).get(0);
    assertTrue(lot.dentPhase());
    assertFalse(venue.dent(id, bob, eth(48.6)), "48.6 x 1.03 = 50.058 > 50");
    assertTrue(venue.dent(id, bob, eth(48.5)), "48.5 x 1.03 = 49.955 <= 50");
    assertEquals(eth(71.5), venue.collateral(vault), "1.5 ETH back to the vault");

    h.clock.at(
        10, 0); // now = tic: bidding is closed (tic > now fails) but deal waits for tic < now
    venue.settle();
    assertEquals(List.of(), venue.englishLots(bob));
    assertEquals(1.0, venue.snapshot().extras().get("activeAuctions"));
    h.clock.at(11, 0);
    venue.settle();
    assertEquals(List.of(), venue.auctions());
    assertEquals(eth(48.5), h.ledger.balance(bob, CdpHarness.ETH));
    assertEquals(usd(10_000 - 7_062.5), h.ledger.balance(bob, CdpHarness.USD));
    assertEquals(usd(10_000), h.ledger.balance(alice, CdpHarness.USD));
    AuctionEnded end = h.eventsOf(AuctionEnded.class).get(0);
    assertEquals(7_062.5, end.raised());
    assertEquals(0, end.deficit());
    assertEquals(812.5, end.penalty());
    assertEquals(1.5, end.returned());
    assertEquals(812.5, venue.snapshot().insuranceFund(), "the penalty stays in the Vow");
    h.assertBooksBalance(venue);
  }

  @Test
  void test_aZeroBidNobodyBeatsWinsTheLotAndTheVowWritesOffTheDebt() {
    long id = bite();
    AccountId bot = h.fund("bot", 1, 0);
    assertTrue(venue.tend(id, bot, 1), "one atom beats no bid");
    h.clock.at(11, 0);
    venue.settle();
    assertEquals(eth(50), h.ledger.balance(bot, CdpHarness.ETH));
    var snap = venue.snapshot();
    assertEquals(
        6_250 - 0.000001, snap.badDebt(), 1e-9, "the debt taken over less the one atom raised");
    assertEquals(1.0, snap.extras().get("zeroBidLots"));
    assertEquals(
        50 * 150.0, snap.extras().get("zeroBidValue"), 1e-9, "50 ETH at the market price of 150");
    h.assertBooksBalance(venue);
  }

  @Test
  void test_aLateBidStillOutbidsTheZeroBidWithinTtl() {
    long id = bite();
    AccountId bot = h.fund("bot", 1, 0);
    assertTrue(venue.tend(id, bot, 1));
    h.clock.at(9, 0);
    venue.settle();
    assertTrue(
        venue.tend(id, alice, usd(6_000)), "nine minutes later the auction still takes bids");
    h.clock.at(19, 0); // 9 + 10 minutes = the new tic: not yet dealt
    venue.settle();
    assertEquals(1.0, venue.snapshot().extras().get("activeAuctions"));
    h.clock.at(20, 0);
    venue.settle();
    assertEquals(eth(50), h.ledger.balance(alice, CdpHarness.ETH));
    assertEquals(usd(1), h.ledger.balance(bot, CdpHarness.USD), "the bot got its atom back");
    assertEquals(7_062.5 - 6_000, h.eventsOf(AuctionEnded.class).get(0).deficit(), 1e-9);
    h.assertBooksBalance(venue);
  }
}
