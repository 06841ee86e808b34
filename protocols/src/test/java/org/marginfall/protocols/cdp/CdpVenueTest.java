package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.cdp.CdpHarness.ETH;
import static org.marginfall.protocols.cdp.CdpHarness.USD;
import static org.marginfall.protocols.cdp.CdpHarness.atoms;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.venue.AuctionLot;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * The CDP venue on hand-computed examples. Unless a test says otherwise: ETH at 2,000, the ilk of
 * {@link CdpHarness#ethIlk()} (mat 1.45, chop 1.13, buf 1.3, stairstep 0.99 / 90 s, chip 0.1%, tip
 * 300, dust 1,000), 60-second steps, and alice's vault of 10 ETH with 13,000 drawn (collateral
 * ratio 20,000 / 13,000 = 1.538 >= 1.45). At ETH 1,800 the vault is unsafe: 18,000 < 13,000 * 1.45
 * = 18,850; barking it gives due 13,000, tab 13,000 * 1.13 = 14,690, top 1,800 * 1.3 = 2,340 and a
 * keeper incentive of 300 + 0.001 * 14,690 = 314.69.
 */
class CdpVenueTest {

  private static final double TOL = 1e-6;

  private CdpHarness h;
  private CdpVenue venue;
  private AccountId alice;
  private AccountId vault;
  private AccountId keeper;
  private AccountId bidder;

  @BeforeEach
  void setUp() {
    build(CdpHarness.ethIlk(), 0);
  }

  private void build(CdpIlk ilk, double surplus) {
    h = new CdpHarness(2000);
    venue = h.venue(CdpHarness.spec(ilk, 1.0e8, surplus));
    alice = h.fund("alice", 0, 10);
    vault = h.vault(venue, alice, 10, 13_000);
    keeper = h.fund("keeper", 0, 0);
    bidder = h.fund("bidder", 100_000, 0);
  }

  private static CdpIlk linearIlk(double cusp) {
    CdpIlk e = CdpHarness.ethIlk();
    return new CdpIlk(
        ETH,
        e.mat(),
        0,
        e.dust(),
        e.chop(),
        e.hole(),
        e.buf(),
        e.tail(),
        cusp,
        e.chip(),
        e.tip(),
        new Abacus.LinearDecrease(600));
  }

  private LiquidationOutcome barkAt1800() {
    h.setPrice(1800);
    venue.markToMarket();
    return venue.liquidate(vault, keeper).orElseThrow();
  }

  @Test
  void test_healthValues_collateralValueOverDebtTimesMat() {
    venue.markToMarket();
    // 10 × 2,000 / (13,000 × 1.45) = 20,000 / 18,850 = 1.0610080
    assertArrayEquals(new double[] {20_000 / 18_850.0}, venue.healthValues(), 1e-12);
    h.setPrice(1800);
    venue.markToMarket();
    // 18,000 / 18,850 = 0.9549072: below 1, the vault is unsafe.
    assertArrayEquals(new double[] {18_000 / 18_850.0}, venue.healthValues(), 1e-12);
    // Into the caller's buffer: one slot per vault, here one.
    assertEquals(1, venue.healthCapacity());
    double[] buffer = {-7, -7};
    assertEquals(1, venue.healthValues(buffer));
    assertArrayEquals(new double[] {18_000 / 18_850.0, -7}, buffer, 1e-12);
  }

  @Test
  void test_draw_mintsBaseCurrencyFromIssuer() {
    assertEquals(atoms(13_000), h.ledger.balance(alice, USD));
    assertEquals(-atoms(13_000), h.ledger.balance(AccountId.of("maker", "issuer"), USD));
    assertEquals(atoms(13_000), venue.debt(vault));
    assertEquals(atoms(10), venue.collateral(vault));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_draw_refusesUnsafeOrDustyDebtAndMovesNothing() {
    long[][] before = h.balances();
    // 14,000 * 1.45 = 20,300 > 20,000 of collateral.
    assertThrows(IllegalStateException.class, () -> venue.draw(vault, alice, atoms(1_000)));
    AccountId bob = h.fund("bob", 0, 1);
    AccountId bobVault = venue.openVault(bob, ETH);
    venue.lock(bob, bobVault, atoms(1));
    long[][] locked = h.balances();
    // 500 < dust 1,000.
    assertThrows(IllegalStateException.class, () -> venue.draw(bobVault, bob, atoms(500)));
    assertArrayEquals(locked, h.balances());
    assertEquals(
        before.length + 2, locked.length); // bob and his vault were opened, nothing else moved
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidatable_listsUnsafeVaultsLowestRatioFirst() {
    AccountId bob = h.fund("bob", 0, 10);
    AccountId bobVault = h.vault(venue, bob, 10, 13_500);
    venue.markToMarket();
    assertEquals(List.of(), venue.liquidatable());
    h.setPrice(1800);
    venue.markToMarket();
    // bob 18,000 / (13,500 * 1.45) = 0.91954 before alice 18,000 / 18,850 = 0.95491.
    assertEquals(
        List.of(bobVault, vault), venue.liquidatable().stream().map(c -> c.account()).toList());
    assertEquals(18_000 / 19_575.0, venue.liquidatable().get(0).state().health(), 1e-12);
  }

  @Test
  void test_liquidate_refusesSafeVaultAndMovesNothing() {
    assertFalse(venue.liquidatesNow(vault), "a safe vault is refused whoever asks");
    long[][] before = h.balances();
    assertEquals(Optional.empty(), venue.liquidate(vault, keeper));
    assertArrayEquals(before, h.balances());
    assertEquals(List.of(), h.eventsOf(AuctionStarted.class));
  }

  @Test
  void test_liquidate_barksWholeVaultAndPaysKeeperIncentive() {
    LiquidationOutcome o = barkAt1800();
    assertEquals(14_690, o.closedNotional(), TOL);
    assertEquals(314.69, o.feeToLiquidator(), TOL);
    assertEquals(0, venue.debt(vault));
    assertEquals(0, venue.collateral(vault));
    assertEquals(atoms(10), h.ledger.balance(AccountId.of("maker", "auctions"), ETH));
    assertEquals(atoms(314.69), h.ledger.balance(keeper, USD));
    // Issued 13,000 + 314.69 = vault debt 0 + sin (13,000 due + 314.69 incentive).
    assertEquals(-atoms(13_314.69), h.ledger.balance(AccountId.of("maker", "issuer"), USD));
    AuctionStarted e = h.eventsOf(AuctionStarted.class).get(0);
    assertEquals(13_000, e.due(), TOL);
    assertEquals(14_690, e.tab(), TOL);
    assertEquals(2_340, e.top(), TOL);
    assertFalse(e.partial());
    assertEquals(
        List.of(new AuctionLot(CdpHarness.VENUE, 1, ETH, atoms(10), 2_340, 14_690)),
        venue.auctions());
    VenueSnapshot s = venue.snapshot();
    assertEquals(1, s.liquidations());
    assertEquals(14_690, s.liquidatedNotional(), TOL);
    assertEquals(0, s.openInterest(), TOL);
    assertEquals(1.0, s.extras().get("activeAuctions"));
    assertEquals(18_000, s.extras().get("collateralInAuction"), TOL);
    assertEquals(314.69, s.extras().get("keeperIncentives"), TOL);
    assertEquals(13_314.69, s.extras().get("systemDebt"), TOL);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_partialWhenIlkHoleBindsThenRefusedForLackOfRoom() {
    CdpIlk e = CdpHarness.ethIlk();
    build(
        new CdpIlk(
            ETH,
            e.mat(),
            0,
            e.dust(),
            e.chop(),
            10_000,
            e.buf(),
            e.tail(),
            e.cusp(),
            e.chip(),
            e.tip(),
            e.abacus()),
        0);
    barkAt1800();
    // room 10,000: due = floor(10,000 / 1.13) = 8,849.557522, leaving 4,150.442478 >= dust;
    // dink = floor(10 * 8,849.557522 / 13,000) = 6.807351; tab = floor(8,849.557522 * 1.13) =
    // 9,999.999999.
    AuctionStarted a = h.eventsOf(AuctionStarted.class).get(0);
    assertTrue(a.partial());
    assertEquals(8_849.557522, a.due(), 1e-9);
    assertEquals(6.807351, a.lot(), 1e-9);
    assertEquals(9_999.999999, a.tab(), 1e-9);
    assertEquals(atoms(4_150.442478), venue.debt(vault));
    assertEquals(atoms(10 - 6.807351), venue.collateral(vault));
    // The rest of the vault is as unsafe as before, but 1 atom of room is below dust.
    venue.markToMarket();
    assertEquals(List.of(vault), venue.liquidatable().stream().map(c -> c.account()).toList());
    // Listed, yet no keeper can bark it: the venue says so before anyone pays to try.
    assertFalse(venue.liquidatesNow(vault));
    long[][] before = h.balances();
    assertEquals(Optional.empty(), venue.liquidate(vault, keeper));
    assertArrayEquals(before, h.balances());
    h.assertBooksBalance(venue);
  }

  @Test
  void test_take_raisesTabThenReturnsRemainingLotToVault() {
    barkAt1800();
    h.clock.at(2, 0);
    // 120 s: floor(120 / 90) = 1 stair, price 2,340 * 0.99 = 2,316.6.
    assertEquals(2_316.6, venue.auctions().get(0).price(), 1e-9);
    assertEquals(
        Optional.empty(), venue.take(1, bidder, atoms(4), 2_316.5)); // too dear for the bidder
    AuctionTake t1 = venue.take(1, bidder, atoms(4), 2_316.6).orElseThrow();
    // 4 * 2,316.6 = 9,266.4; tab left 14,690 - 9,266.4 = 5,423.6 >= chost 1,130.
    assertEquals(new AuctionTake(CdpHarness.VENUE, 1, ETH, atoms(4), 9_266.4), t1);
    h.assertBooksBalance(venue);
    AuctionTake t2 = venue.take(1, bidder, atoms(6), 2_400).orElseThrow();
    // 6 * 2,316.6 = 13,899.6 > 5,423.6: pay the tab for floor(5,423.6 / 2,316.6) = 2.341189 ETH;
    // the other 10 - 4 - 2.341189 = 3.658811 ETH go back to alice's vault.
    assertEquals(new AuctionTake(CdpHarness.VENUE, 1, ETH, atoms(2.341189), 5_423.6), t2);
    assertEquals(atoms(3.658811), venue.collateral(vault));
    assertEquals(List.of(), venue.auctions());
    AuctionEnded end = h.eventsOf(AuctionEnded.class).get(0);
    assertEquals(14_690, end.raised(), TOL);
    assertEquals(0, end.deficit(), 0);
    assertEquals(3.658811, end.returned(), 1e-9);
    assertEquals(1_690, end.penalty(), TOL);
    // Vow: 14,690 raised heals sin 13,314.69, leaving 1,375.31 of surplus.
    VenueSnapshot s = venue.snapshot();
    assertEquals(1_375.31, s.insuranceFund(), TOL);
    assertEquals(1_690, s.liquidationFees(), TOL);
    assertEquals(0, s.badDebt(), 0);
    assertEquals(0, h.ledger.balance(AccountId.of("maker", "issuer"), USD));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_take_lotExhaustedWithTabLeftEndsWithDeficitSurplusThenBadDebt() {
    build(linearIlk(0.1), 1_000);
    barkAt1800();
    h.clock.at(5, 0);
    // Linear over 600 s: at 300 s the price is 2,340 * 300 / 600 = 1,170; all 10 ETH cost 11,700
    // < tab 14,690, so the lot runs out with 2,990 of tab unraised.
    AuctionTake t = venue.take(1, bidder, atoms(10), 1_170).orElseThrow();
    assertEquals(new AuctionTake(CdpHarness.VENUE, 1, ETH, atoms(10), 11_700), t);
    AuctionEnded end = h.eventsOf(AuctionEnded.class).get(0);
    assertEquals(2_990, end.deficit(), TOL);
    assertEquals(0, end.penalty(), 0);
    // sin 13,314.69 against the Vow's 1,000 buffer + 11,700 proceeds = 12,700: the buffer pays
    // 1,000 beyond the proceeds, and 13,314.69 - 12,700 = 614.69 is written off as bad debt.
    assertEquals(1_000, h.eventsOf(InsurancePayout.class).get(0).amount(), TOL);
    assertEquals(614.69, h.eventsOf(BadDebt.class).get(0).amount(), TOL);
    assertEquals(-atoms(614.69), h.ledger.balance(AccountId.of("maker", "bad-debt"), USD));
    VenueSnapshot s = venue.snapshot();
    assertEquals(614.69, s.badDebt(), TOL);
    assertEquals(1_000, s.insurancePaid(), TOL);
    assertEquals(0, s.insuranceFund(), 0);
    assertEquals(2_990, s.extras().get("auctionDeficit"), TOL);
    assertEquals(0, s.extras().get("systemDebt"), 0);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_settle_resetsAuctionBelowCuspAndPaysIncentiveAgain() {
    build(linearIlk(0.4), 0);
    barkAt1800();
    h.clock.at(5, 0);
    // 300 s: 2,340 * 300 / 600 = 1,170, half of top: still running.
    venue.settle();
    assertEquals(1_170, venue.auctions().get(0).price(), 1e-9);
    h.clock.at(7, 0);
    // 420 s: 2,340 * 180 / 600 = 702 = 0.3 top < cusp 0.4: no bids until reset.
    assertEquals(List.of(), venue.auctions());
    assertEquals(Optional.empty(), venue.take(1, bidder, atoms(1), 10_000));
    h.setPrice(1_500);
    venue.settle();
    // Reset from the oracle: top = 1,500 * 1.3 = 1,950; the keeper is paid 300 + 14.69 again.
    AuctionReset r = h.eventsOf(AuctionReset.class).get(0);
    assertEquals(1_950, r.top(), 1e-9);
    assertEquals(314.69, r.incentive(), TOL);
    assertEquals(atoms(629.38), h.ledger.balance(keeper, USD));
    assertEquals(1_950, venue.auctions().get(0).price(), 1e-9);
    assertEquals(13_629.38, venue.snapshot().extras().get("systemDebt"), TOL);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_settle_accruesStabilityFeeToVow() {
    CdpIlk e = CdpHarness.ethIlk();
    build(
        new CdpIlk(
            ETH,
            e.mat(),
            0.001,
            e.dust(),
            e.chop(),
            e.hole(),
            e.buf(),
            e.tail(),
            e.cusp(),
            e.chip(),
            e.tip(),
            e.abacus()),
        0);
    venue.settle();
    // rate 1 -> 1.001: debt 13,000 * 1.001 = 13,013 (to the atom, rounded up); the Vow earns 13.
    assertEquals(atoms(13_013), venue.debt(vault), 1);
    assertEquals(13, venue.snapshot().insuranceFund(), 2e-6);
    assertEquals(13, venue.snapshot().extras().get("stabilityFees"), 2e-6);
    h.assertBooksBalance(venue);
  }
}
