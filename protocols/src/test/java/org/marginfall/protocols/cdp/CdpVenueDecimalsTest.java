package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.marginfall.protocols.cdp.CdpHarness.ETH;
import static org.marginfall.protocols.cdp.CdpHarness.USD;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The CDP venue counts the collateral and the base currency each at its own precision: the same
 * scenario run on a ledger with USD and ETH at six decimals and on one with USD at 6 and ETH at 12
 * gives the same results in units, to within a relative 1e-9 or the atoms of the coarser count that
 * the six-decimal run rounds away.
 */
class CdpVenueDecimalsTest {

  /** USD, ETH. */
  private static final List<Integer> MIXED = List.of(6, 12);

  /** One atom of the coarser count of ETH (six decimals in the first run). */
  private static final double ETH_ATOM = 1e-6;

  /** What one coarse ETH atom is worth at the auction's starting price, 1,950. */
  private static final double ETH_ATOM_VALUE = ETH_ATOM * 1_950;

  /** One value of a run, in units, and how far the other run may put it beyond a relative 1e-9. */
  private record Figure(String name, double value, double atoms) {}

  /**
   * The ETH ilk of the other tests with a stability fee of 0.01% a step and an ilk hole of 20,000,
   * so that the second bark is partial.
   */
  private static CdpIlk ilk() {
    CdpIlk e = CdpHarness.ethIlk();
    return new CdpIlk(
        ETH,
        e.mat(),
        1e-4,
        e.dust(),
        e.chop(),
        20_000,
        e.buf(),
        e.tail(),
        e.cusp(),
        e.chip(),
        e.tip(),
        e.abacus());
  }

  /**
   * Alice locks 10 ETH and draws 13,000, bob locks 10.5 ETH and draws 13,500; two steps of
   * stability fees; ETH falls from 2,000 to 1,500 and a keeper barks both (alice's vault whole,
   * bob's in part, the ilk hole binding); a bidder takes 4 ETH of alice's lot at the top price and
   * then the rest of its tab, the rest of the lot going back to her vault; bob's lot is taken whole
   * 54 steps later, for less than its debt, leaving a deficit the Vow's surplus covers.
   */
  private static List<Figure> run(List<Integer> decimals) {
    CdpHarness h = decimals == null ? new CdpHarness(2_000) : new CdpHarness(decimals, 2_000);
    Precision eth = h.ledger.precision(ETH);
    Precision usd = h.ledger.precision(USD);
    CdpVenue venue = h.venue(CdpHarness.spec(ilk(), 1.0e8, 0));
    List<Figure> out = new ArrayList<>();
    AccountId alice = h.fund("alice", 0, 10);
    AccountId aliceVault = h.vault(venue, alice, 10, 13_000);
    AccountId bob = h.fund("bob", 0, 10.5);
    AccountId bobVault = h.vault(venue, bob, 10.5, 13_500);
    AccountId keeper = h.fund("keeper", 0, 0);
    AccountId bidder = h.fund("bidder", 100_000, 0);
    for (int step = 1; step <= 2; step++) {
      h.clock.at(step, 0);
      venue.settle();
    }
    out.add(new Figure("alice debt", usd.units(venue.debt(aliceVault)), 0));
    out.add(new Figure("bob debt", usd.units(venue.debt(bobVault)), 0));

    h.setPrice(1_500);
    venue.markToMarket();
    assertEquals(
        List.of(aliceVault, bobVault),
        venue.liquidatable().stream().map(LiquidationCandidate::account).toList());
    double[] health = venue.healthValues();
    out.add(new Figure("health 0", health[0], 0));
    out.add(new Figure("health 1", health[1], 0));
    out.add(new Figure("reward", venue.expectedLiquidatorReward(venue.liquidatable().get(0)), 0));
    for (AccountId vault : List.of(aliceVault, bobVault)) {
      LiquidationOutcome o = venue.liquidate(vault, keeper).orElseThrow();
      out.add(new Figure("notional", o.closedNotional(), 0));
      out.add(new Figure("incentive", o.feeToLiquidator(), 0));
    }
    for (AuctionStarted e : h.eventsOf(AuctionStarted.class)) {
      out.add(new Figure("lot", e.lot(), ETH_ATOM));
      out.add(new Figure("due", e.due(), 0));
      out.add(new Figure("tab", e.tab(), 0));
      out.add(new Figure("top", e.top(), 0));
      out.add(new Figure("partial", e.partial() ? 1 : 0, 0));
    }
    out.add(new Figure("bob collateral left", eth.units(venue.collateral(bobVault)), ETH_ATOM));
    out.add(new Figure("bob debt left", usd.units(venue.debt(bobVault)), 0));
    List<AuctionLot> lots = venue.auctions();
    assertEquals(2, lots.size());
    for (AuctionLot lot : lots) {
      out.add(new Figure("lot " + lot.id() + " ETH", eth.units(lot.atoms()), ETH_ATOM));
      out.add(new Figure("lot " + lot.id() + " price", lot.price(), 0));
      out.add(new Figure("lot " + lot.id() + " tab", lot.debt(), 0));
    }
    h.assertBooksBalance(venue);

    // Alice's lot: 4 ETH at the top price, then the rest of the tab.
    AuctionTake first = venue.take(1, bidder, h.atoms(ETH, 4), 1_950).orElseThrow();
    AuctionTake second = venue.take(1, bidder, h.atoms(ETH, 10), 1_950).orElseThrow();
    for (AuctionTake t : List.of(first, second)) {
      out.add(new Figure("take ETH", eth.units(t.atoms()), ETH_ATOM));
      out.add(new Figure("take paid", t.paid(), 0));
    }
    out.add(new Figure("alice collateral back", eth.units(venue.collateral(aliceVault)), ETH_ATOM));
    h.assertBooksBalance(venue);

    // Bob's lot 54 steps (36 stairs) later: 1,950 * 0.99^36 = 1,358.7 a unit, so that the lot
    // raises less than the debt and incentive it took over, and the Vow's surplus pays the rest.
    h.clock.at(56, 0);
    AuctionLot bobLot = venue.auction(2).orElseThrow();
    out.add(new Figure("bob lot price", bobLot.price(), 0));
    AuctionTake last = venue.take(2, bidder, bobLot.atoms(), bobLot.price()).orElseThrow();
    assertEquals(1, h.eventsOf(InsurancePayout.class).size());
    out.add(new Figure("last take ETH", eth.units(last.atoms()), ETH_ATOM));
    out.add(new Figure("last take paid", last.paid(), ETH_ATOM_VALUE));
    assertEquals(List.of(), venue.auctions());
    for (AuctionTaken e : h.eventsOf(AuctionTaken.class)) {
      out.add(new Figure("taken slice", e.slice(), ETH_ATOM));
      out.add(new Figure("taken owe", e.owe(), ETH_ATOM_VALUE));
      out.add(new Figure("taken tab left", e.tabLeft(), ETH_ATOM_VALUE));
      out.add(new Figure("taken lot left", e.lotLeft(), ETH_ATOM));
    }
    for (AuctionEnded e : h.eventsOf(AuctionEnded.class)) {
      out.add(new Figure("ended due", e.due(), 0));
      out.add(new Figure("ended raised", e.raised(), ETH_ATOM_VALUE));
      out.add(new Figure("ended deficit", e.deficit(), ETH_ATOM_VALUE));
      out.add(new Figure("ended returned", e.returned(), ETH_ATOM));
      out.add(new Figure("ended penalty", e.penalty(), ETH_ATOM_VALUE));
    }
    h.clock.at(57, 0);
    venue.settle();
    VenueSnapshot s = venue.snapshot();
    out.add(new Figure("barks", s.liquidations(), 0));
    out.add(new Figure("tab started", s.liquidatedNotional(), 0));
    out.add(new Figure("penalty income", s.liquidationFees(), ETH_ATOM_VALUE));
    out.add(new Figure("surplus used", s.insurancePaid(), ETH_ATOM_VALUE));
    out.add(new Figure("bad debt", s.badDebt(), ETH_ATOM_VALUE));
    out.add(new Figure("vow", s.insuranceFund(), ETH_ATOM_VALUE));
    out.add(new Figure("vault debt", s.openInterest(), 0));
    for (String key :
        List.of(
            "collateralInAuction",
            "keeperIncentives",
            "auctionDeficit",
            "systemDebt",
            "stabilityFees")) {
      out.add(new Figure(key, s.extras().get(key), ETH_ATOM_VALUE));
    }
    out.add(new Figure("bidder USD", h.ledger.units(bidder, USD), ETH_ATOM_VALUE));
    out.add(new Figure("bidder ETH", h.ledger.units(bidder, ETH), 2 * ETH_ATOM));
    out.add(new Figure("keeper USD", h.ledger.units(keeper, USD), 0));
    out.add(new Figure("bob collateral", eth.units(venue.collateral(bobVault)), ETH_ATOM));
    h.assertBooksBalance(venue);
    assertEquals(List.of(), h.ledger.audit());
    return out;
  }

  @Test
  void test_barkAndTake_sameUnitsWhenCollateralHasOtherDecimalsThanBase() {
    List<Figure> six = run(null);
    List<Figure> mixed = run(MIXED);
    assertEquals(
        six.stream().map(Figure::name).toList(), mixed.stream().map(Figure::name).toList());
    for (int i = 0; i < six.size(); i++) {
      Figure a = six.get(i);
      Figure b = mixed.get(i);
      assertEquals(a.value(), b.value(), Math.max(1e-9 * Math.abs(a.value()), a.atoms()), a.name());
    }
    // The mixed run really counts ETH at 12 decimals.
    CdpHarness h = new CdpHarness(MIXED, 2_000);
    assertEquals(10_000_000_000_000L, h.atoms(ETH, 10));
    assertEquals(1_000_000L, h.ledger.precision(USD).atomsPerUnit());
  }
}
