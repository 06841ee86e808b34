package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.oracle.StalenessGuard;
import org.marginfall.core.venue.DebtLot;

/**
 * Debt auctions by hand (vow.sol flop, flop.sol dent/deal/tick with sump 1,000, dump 250 MKR, beg
 * 3%, pad 20%, ttl 6 hours, tau 3 days; steps of 60 s): a zero-bid flip auction leaves 6,249.999999
 * of unbacked debt, which the Vow puts on six debt auctions of 1,000 each.
 */
class FlopAuctionTest {

  private static final FlopTerms FLOP =
      new FlopTerms(CdpHarness.MKR, 1_000, 250, 1.03, 1.2, 21_600, 259_200);

  private final CdpHarness h = CdpHarness.withMkr(200);
  private final CdpVenue venue = h.venue(spec());
  private final AccountId owner = h.fund("owner", 0, 120);
  private final AccountId vault = h.vault(venue, owner, 120, 15_000);
  private final AccountId alice = h.fund("alice", 10_000, 0);
  private final AccountId bob = h.fund("bob", 10_000, 0);
  private final AccountId cat = h.fund("kicker", 0, 0);
  private final AccountId bot = h.fund("bot", 1, 0);

  private static CdpVenueSpec spec() {
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
        0,
        List.of(ilk),
        StalenessGuard.OFF,
        new FlipTerms(1.03, 600, 259_200, 50),
        FLOP);
  }

  private long usd(double units) {
    return h.atoms(CdpHarness.USD, units);
  }

  private long mkr(double units) {
    return h.atoms(CdpHarness.MKR, units);
  }

  private double extra(String key) {
    return venue.snapshot().extras().get(key);
  }

  /**
   * Bites 50 ETH for a due of 6,250 at ETH 150; the bot's one-atom bid wins at step 11 and the Vow
   * heals that atom, leaving 6,249.999999 unbacked: six auctions of 1,000, 249.999999 left over.
   */
  private void zeroBidDeficit() {
    h.setPrice(150);
    venue.markToMarket();
    assertTrue(venue.liquidate(vault, cat).isPresent());
    long flip = h.eventsOf(AuctionStarted.class).get(0).lotId();
    assertTrue(venue.tend(flip, bot, 1));
    h.clock.at(11, 0);
    venue.settle();
    assertEquals(6_250 - 0.000001, venue.snapshot().badDebt(), 1e-9);
    assertEquals(6, h.eventsOf(FlopKicked.class).size());
    assertEquals(6_250 - 0.000001, extra("debtUnbacked"), 1e-9);
    assertEquals(6_000, extra("debtOnFlop"));
    assertEquals(0, h.ledger.balance(AccountId.of("maker", "vow"), CdpHarness.USD));
  }

  @Test
  void test_dentsLowerTheLotByBeg_theFirstPaysTheVowAndTheWinnerIsMintedItsLot() {
    zeroBidDeficit();
    DebtLot first = venue.debtLots(alice).get(0);
    assertEquals(mkr(250), first.atoms());
    assertEquals(usd(1_000), first.bid());
    assertFalse(venue.dentDebt(1, alice, mkr(243)), "243 x 1.03 = 250.29 > 250");
    assertTrue(venue.dentDebt(1, alice, mkr(240)), "240 x 1.03 = 247.2 <= 250");
    assertEquals(usd(9_000), h.ledger.balance(alice, CdpHarness.USD));
    assertEquals(1_000, extra("flopCovered"), "the first bid healed 1,000 of the debt");
    assertEquals(5_000, extra("debtOnFlop"));
    assertEquals(5_250 - 0.000001, extra("debtUnbacked"), 1e-9);
    h.assertBooksBalance(venue);

    assertFalse(venue.dentDebt(1, bob, mkr(233.1)), "233.1 x 1.03 = 240.093 > 240");
    assertTrue(venue.dentDebt(1, bob, mkr(233)), "233 x 1.03 = 239.99 <= 240");
    assertEquals(usd(10_000), h.ledger.balance(alice, CdpHarness.USD), "bob paid alice back");
    assertEquals(usd(9_000), h.ledger.balance(bob, CdpHarness.USD));
    assertEquals(1_000, extra("flopCovered"), "a later bid pays the outbid bidder, not the Vow");
    assertTrue(venue.debtLots(bob).get(0).highBidder());

    // Bob's bid at step 11 wins once 6 hours (360 steps) pass: at step 372, not at 371 (= tic).
    h.clock.at(371, 0);
    venue.settle();
    assertEquals(0, h.ledger.balance(bob, CdpHarness.MKR));
    h.clock.at(372, 0);
    venue.settle();
    assertEquals(mkr(233), h.ledger.balance(bob, CdpHarness.MKR));
    assertEquals(233, extra("gemMinted"));
    assertEquals(1.0, extra("flopsDealt"));
    FlopDealt deal = h.eventsOf(FlopDealt.class).get(0);
    assertEquals("bob", deal.winner());
    assertEquals(233, deal.lot());
    assertEquals(5, venue.debtLots(bob).size());
    h.assertBooksBalance(venue);
  }

  @Test
  void test_anAuctionNobodyBidsOnRestartsAfterTauWithItsLotRaisedByPad() {
    zeroBidDeficit();
    // Kicked at 660 s, it ends at 660 + 259,200 = 259,860 s, step 4,331; it restarts at 4,332.
    h.clock.at(4_331, 0);
    venue.settle();
    assertEquals(0, extra("flopRestarts"));
    h.clock.at(4_332, 0);
    venue.settle();
    assertEquals(6, extra("flopRestarts"));
    assertEquals(mkr(300), venue.debtLots(alice).get(0).atoms(), "250 x 1.2");
    assertEquals(300, h.eventsOf(FlopRestarted.class).get(0).lot());
    assertEquals(6_000, extra("debtOnFlop"), "still the same debt on auction");
    assertTrue(venue.dentDebt(1, alice, mkr(291)), "291 x 1.03 = 299.73 <= 300");
    h.assertBooksBalance(venue);
  }

  @Test
  void test_surplusThatArrivesLaterHealsTheUnbackedDebtBeforeAnyNewAuction() {
    zeroBidDeficit();
    AccountId vow = AccountId.of("maker", "vow");
    h.ledger.transfer(Ledger.EXTERNAL, vow, CdpHarness.USD, usd(100));
    h.clock.at(12, 0);
    venue.settle();
    assertEquals(100, extra("healedLater"));
    assertEquals(6_150 - 0.000001, extra("debtUnbacked"), 1e-9);
    assertEquals(6.0, extra("flopKicks"), "149.999999 not on auction is less than sump");
    assertEquals(0, h.ledger.balance(vow, CdpHarness.USD));
    // 900 more heals the 149.999999 not on auction; the rest stays surplus, so no new auction.
    h.ledger.transfer(Ledger.EXTERNAL, vow, CdpHarness.USD, usd(900));
    h.clock.at(13, 0);
    venue.settle();
    assertEquals(250 - 0.000001, extra("healedLater"), 1e-9);
    assertEquals(usd(750) + 1, h.ledger.balance(vow, CdpHarness.USD));
    assertEquals(6.0, extra("flopKicks"));
    assertTrue(venue.dentDebt(1, alice, mkr(200)));
    Map<String, Double> x = venue.snapshot().extras();
    assertEquals(
        x.get("debtUnbacked") + x.get("healedLater") + x.get("flopCovered"),
        venue.snapshot().badDebt(),
        1e-9,
        "every unit of bad debt is unbacked, healed later or covered by a debt auction");
    h.assertBooksBalance(venue);
  }

  @Test
  void test_withoutFlopTermsTheVenueRunsNoDebtAuctions_andTheGemCannotBeCollateral() {
    assertNull(
        new CdpVenueSpec(
                CdpHarness.VENUE, CdpHarness.ORACLE, 60, 1, 0, List.of(CdpHarness.ethIlk()))
            .flop());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CdpVenueSpec(
                CdpHarness.VENUE,
                CdpHarness.ORACLE,
                60,
                1.0e8,
                0,
                List.of(CdpHarness.ethIlk()),
                StalenessGuard.OFF,
                null,
                new FlopTerms(CdpHarness.ETH, 1_000, 250, 1.03, 1.2, 21_600, 259_200)));
  }
}
