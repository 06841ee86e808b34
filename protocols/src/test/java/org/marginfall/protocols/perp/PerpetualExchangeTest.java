package org.marginfall.protocols.perp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.marginfall.protocols.perp.VenueHarness.BTC;
import static org.marginfall.protocols.perp.VenueHarness.ETH;
import static org.marginfall.protocols.perp.VenueHarness.ORACLE;
import static org.marginfall.protocols.perp.VenueHarness.USD;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.marginfall.core.event.BadDebt;
import org.marginfall.core.event.InsurancePayout;
import org.marginfall.core.event.MarketTrade;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.venue.Holding;
import org.marginfall.core.venue.LiquidationCandidate;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.VenueId;
import org.marginfall.core.venue.VenueSnapshot;

/**
 * Unit behaviour of {@link PerpetualExchange} against hand-built run state: account naming,
 * deposits, opening, adding, reducing and flipping positions, and the liquidation waterfall
 * (collateral sale, fee cap, insurance fund, bad debt), with every number derived by hand.
 */
class PerpetualExchangeTest {

  private static final double ETH0 = 3000;
  private static final double BTC0 = 60000;
  private static final double IMF = 0.10;
  private static final double MMF = 0.05;
  private static final double ETH_HAIRCUT = 0.10;
  private static final double FEE = 0.01;
  private static final double LIQUIDATOR_SHARE = 0.5;
  private static final double INSURANCE = 600;
  private static final double HOUSE = 1_000_000;

  /**
   * Money amounts are up to ~10^5 USD; 1e-9 is well above double rounding and far below an atom.
   */
  private static final double TOL = 1e-9;

  private static final long ATOM = 1;

  private static final AccountId HOUSE_ACCOUNT = AccountId.of("perp", "house");
  private static final AccountId INSURANCE_ACCOUNT = AccountId.of("perp", "insurance");
  private static final AccountId BAD_DEBT_ACCOUNT = AccountId.of("perp", "bad-debt");

  private static PerpetualVenueSpec spec(MarginMode mode, double insurance, double house) {
    return new PerpetualVenueSpec(
        VenueId.of("perp"),
        ORACLE,
        mode,
        List.of(new PerpMarket(ETH, IMF, MMF), new PerpMarket(BTC, IMF, MMF)),
        List.of(new CollateralTerms(ETH, ETH_HAIRCUT)),
        FEE,
        LIQUIDATOR_SHARE,
        insurance,
        house);
  }

  private static PerpetualVenueSpec spec(MarginMode mode) {
    return spec(mode, INSURANCE, HOUSE);
  }

  private static long atoms(double units) {
    return Precision.MICRO.atoms(units);
  }

  /** Opens {@code owner}'s cross account and deposits the given USD and ETH into it. */
  private static AccountId crossAccount(
      VenueHarness h, PerpetualExchange venue, String owner, double usd, double eth) {
    AccountId o = h.fund(owner, usd, eth);
    AccountId a = venue.marginAccount(o, BTC);
    venue.deposit(o, a, USD, atoms(usd));
    if (eth > 0) {
      venue.deposit(o, a, ETH, atoms(eth));
    }
    return a;
  }

  // --- accounts and deposits

  @Test
  void test_marginAccount_crossGivesOneAccountPerOwner() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId alice = h.fund("alice", 0, 0);
    AccountId bob = h.fund("bob", 0, 0);
    AccountId aliceEth = venue.marginAccount(alice, ETH);
    assertEquals(AccountId.of("perp/accounts/alice"), aliceEth);
    assertEquals(aliceEth, venue.marginAccount(alice, BTC));
    assertEquals(AccountId.of("perp/accounts/bob"), venue.marginAccount(bob, ETH));
    assertTrue(h.ledger.isOpen(aliceEth));
    assertEquals(2, venue.snapshot().accounts());
    h.assertBooksBalance(venue);
  }

  @Test
  void test_marginAccount_isolatedGivesOneAccountPerOwnerAndMarket() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.ISOLATED));
    AccountId alice = h.fund("alice", 0, 0);
    assertEquals(AccountId.of("perp/accounts/alice/ETH"), venue.marginAccount(alice, ETH));
    assertEquals(AccountId.of("perp/accounts/alice/BTC"), venue.marginAccount(alice, BTC));
    // Asking again returns the same account and opens nothing new.
    assertEquals(AccountId.of("perp/accounts/alice/ETH"), venue.marginAccount(alice, ETH));
    assertEquals(2, venue.snapshot().accounts());
    h.assertBooksBalance(venue);
  }

  @Test
  void test_marginAccount_unlistedMarketIsRejected() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue =
        h.venue(
            new PerpetualVenueSpec(
                VenueId.of("perp"),
                ORACLE,
                MarginMode.CROSS,
                List.of(new PerpMarket(ETH, IMF, MMF)),
                List.of(),
                FEE,
                LIQUIDATOR_SHARE,
                INSURANCE,
                HOUSE));
    AccountId alice = h.fund("alice", 0, 0);
    assertThrows(IllegalArgumentException.class, () -> venue.marginAccount(alice, BTC));
    assertEquals(0, venue.snapshot().accounts());
  }

  @Test
  void test_open_isolatedAccountCannotTradeAnotherMarket() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.ISOLATED));
    AccountId alice = h.fund("alice", 10_000, 0);
    AccountId ethAccount = venue.marginAccount(alice, ETH);
    venue.deposit(alice, ethAccount, USD, atoms(10_000));
    assertThrows(IllegalArgumentException.class, () -> venue.open(ethAccount, BTC, 0.1));
    assertEquals(0, venue.marginState(ethAccount).maintenanceRequirement(), 0);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_deposit_rejectsUnacceptedCollateral() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId alice = h.fund("alice", 1000, 1);
    h.ledger.transfer(Ledger.EXTERNAL, alice, BTC, atoms(1));
    AccountId account = venue.marginAccount(alice, ETH);
    // BTC is a listed market but not accepted collateral (USD is implicit, ETH is listed).
    assertEquals(Set.of(USD, ETH), venue.collateralAssets());
    long[][] before = h.balances();
    assertThrows(
        IllegalArgumentException.class, () -> venue.deposit(alice, account, BTC, atoms(1)));
    assertArrayEquals(before, h.balances());
    // Accepted collateral moves exactly.
    venue.deposit(alice, account, ETH, atoms(1));
    assertEquals(atoms(1), h.ledger.balance(account, ETH));
    assertEquals(0, h.ledger.balance(alice, ETH));
    // 1 ETH at 3000 with a 10% haircut counts 2700 of equity.
    assertEquals(2700, venue.marginState(account).equity(), TOL);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_marginState_baseCurrencyListedAsCollateralIsCountedOnce() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    // A spec built in code may list the base currency among the collateral (the scenario reader
    // drops such an entry: the base is always accepted, at face value). It must not count twice.
    PerpetualExchange venue =
        h.venue(
            new PerpetualVenueSpec(
                VenueId.of("perp"),
                ORACLE,
                MarginMode.CROSS,
                List.of(new PerpMarket(ETH, IMF, MMF), new PerpMarket(BTC, IMF, MMF)),
                List.of(new CollateralTerms(USD, 0.2), new CollateralTerms(ETH, ETH_HAIRCUT)),
                FEE,
                LIQUIDATOR_SHARE,
                INSURANCE,
                HOUSE));
    AccountId a = crossAccount(h, venue, "alice", 1000, 0);
    // 1000 USD at face value: equity 1000 (not 1000 + 1000 * 0.8 = 1800).
    assertState(new MarginState(1000, 0, 0), venue.marginState(a));
    assertEquals(List.of(USD, ETH), List.copyOf(venue.collateralAssets()));
    // 4 ETH would need IMR 1200 > 1000: refused (a double-counted 1800 would have allowed it).
    assertThrows(IllegalStateException.class, () -> venue.open(a, ETH, 4));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_deposit_intoUnknownAccountIsRejected() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId alice = h.fund("alice", 1000, 0);
    assertThrows(
        IllegalArgumentException.class,
        () -> venue.deposit(alice, AccountId.of("perp/accounts/mallory"), USD, atoms(1)));
    assertEquals(atoms(1000), h.ledger.balance(alice, USD));
  }

  // --- opening, adding, reducing

  @Test
  void test_healthValues_equityOverMaintenanceOfAccountsWithPositions() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 1000, 0);
    crossAccount(h, venue, "bob", 1000, 0);
    venue.open(a, ETH, 3);
    venue.markToMarket();
    // alice: equity 1000 / MMR 3 * 3000 * 0.05 = 450 -> 2.2222; bob has no position (no risk): left
    // out.
    assertArrayEquals(new double[] {1000 / 450.0}, venue.healthValues(), TOL);
    // The caller's buffer: one slot per account (vault included), the same value at its front,
    // the slot past the count left as it was.
    assertEquals(2, venue.healthCapacity());
    double[] buffer = {-7, -7};
    assertEquals(1, venue.healthValues(buffer));
    assertArrayEquals(new double[] {1000 / 450.0, -7}, buffer, TOL);
  }

  @Test
  void test_open_rejectsPositionBreachingInitialMarginAndLeavesAccountUnchanged() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 1000, 0);
    long[][] before = h.balances();
    // 4 ETH at 3000 needs IMR 4 * 3000 * 0.10 = 1200 > equity 1000.
    assertThrows(IllegalStateException.class, () -> venue.open(a, ETH, 4));
    assertState(new MarginState(1000, 0, 0), venue.marginState(a));
    assertArrayEquals(before, h.balances());
    assertEquals(List.of(), h.eventsOf(Trade.class));
    assertEquals(0, venue.snapshot().openInterest(), 0);
    // 3 ETH needs IMR 900 <= 1000: accepted. MMR = 3 * 3000 * 0.05 = 450.
    venue.open(a, ETH, 3);
    assertState(new MarginState(1000, 900, 450), venue.marginState(a));
    // Adding 0.5 ETH would need IMR 3.5 * 3000 * 0.10 = 1050 > 1000: rejected, 3 ETH stay.
    assertThrows(IllegalStateException.class, () -> venue.open(a, ETH, 0.5));
    assertState(new MarginState(1000, 900, 450), venue.marginState(a));
    assertEquals(1, h.eventsOf(Trade.class).size());
    // Open interest 3 * 3000 = 9000.
    assertEquals(9000, venue.snapshot().openInterest(), TOL);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_open_rejectsZeroAndNonFiniteSizes() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 1000, 0);
    assertThrows(IllegalArgumentException.class, () -> venue.open(a, ETH, 0));
    assertThrows(IllegalArgumentException.class, () -> venue.open(a, ETH, Double.NaN));
    assertThrows(
        IllegalArgumentException.class, () -> venue.open(a, ETH, Double.POSITIVE_INFINITY));
    assertState(new MarginState(1000, 0, 0), venue.marginState(a));
  }

  @Test
  void test_open_addingToPositionAveragesEntryPrice() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 10_000, 0);
    venue.open(a, ETH, 2);
    h.setPrice(ETH, 3300);
    venue.open(a, ETH, 1);
    // entry = (2 * 3000 + 1 * 3300) / 3 = 9300 / 3 = 3100
    // equity = 10000 + 3 * (3300 - 3100) = 10600; IMR = 3 * 3300 * 0.1 = 990; MMR = 495
    assertState(new MarginState(10_600, 990, 495), venue.marginState(a));
    // At 3100 the position is flat against its averaged entry: equity is the deposit again.
    h.setPrice(ETH, 3100);
    assertEquals(10_000, venue.marginState(a).equity(), TOL);
    Trade second = h.eventsOf(Trade.class).get(1);
    assertEquals(new Trade(0, 0, "perp", a.value(), "ETH", 1, 3300, 3300, 0), second);
    // Adding realises nothing: no USD moved to or from the house.
    assertEquals(atoms(HOUSE), h.ledger.balance(HOUSE_ACCOUNT, USD));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_open_reducingRealisesPnlAgainstHouse() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 10_000, 0);
    venue.open(a, ETH, 3);
    h.setPrice(ETH, 3200);
    venue.open(a, ETH, -1);
    // Realised: 1 * (3200 - 3000) = +200, paid by the house, exactly.
    assertEquals(atoms(HOUSE - 200), h.ledger.balance(HOUSE_ACCOUNT, USD));
    assertEquals(atoms(10_200), h.ledger.balance(a, USD));
    // 2 ETH left at the unchanged entry 3000: equity = 10200 + 2 * 200 = 10600, IMR = 640, MMR =
    // 320.
    assertState(new MarginState(10_600, 640, 320), venue.marginState(a));
    assertEquals(200, h.eventsOf(Trade.class).get(1).realizedPnl(), TOL);
    h.assertBooksBalance(venue);

    h.setPrice(ETH, 2800);
    venue.open(a, ETH, -1);
    // Realised: 1 * (2800 - 3000) = -200, paid to the house: the house is back where it started.
    assertEquals(atoms(HOUSE), h.ledger.balance(HOUSE_ACCOUNT, USD));
    assertEquals(atoms(10_000), h.ledger.balance(a, USD));
    // 1 ETH left at 3000: equity = 10000 - 200 = 9800, IMR = 280, MMR = 140.
    assertState(new MarginState(9800, 280, 140), venue.marginState(a));
    assertEquals(-200, h.eventsOf(Trade.class).get(2).realizedPnl(), TOL);
    h.assertBooksBalance(venue);

    venue.open(a, ETH, -1);
    // Closing the last ETH at 2800 realises another -200; no position, no requirement.
    assertEquals(atoms(HOUSE + 200), h.ledger.balance(HOUSE_ACCOUNT, USD));
    assertState(new MarginState(9800, 0, 0), venue.marginState(a));
    assertEquals(0, venue.snapshot().openInterest(), 0);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_open_rejectsLossTheAccountCannotPayInBase() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    // 100 USD + 2 ETH (2 * 3000 * 0.9 = 5400): equity 5500, ample for a long of 0.05 BTC
    // (IMR 0.05 * 60000 * 0.1 = 300).
    AccountId a = crossAccount(h, venue, "alice", 100, 2);
    venue.open(a, BTC, 0.05);
    h.setPrice(BTC, 55_000);
    // Closing realises 0.05 * (55000 - 60000) = -250 > the 100 USD the account holds; the ETH is
    // not sold for it, so the close is refused and nothing changes.
    MarginState before = venue.marginState(a);
    long[][] balances = h.balances();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> venue.open(a, BTC, -0.05));
    assertTrue(e.getMessage().contains("cannot pay the realised loss 250.0"), e.getMessage());
    assertState(before, venue.marginState(a));
    // equity = 100 + 5400 - 250 = 5250; MMR = 0.05 * 55000 * 0.05 = 137.5
    assertState(new MarginState(5250, 275, 137.5), before);
    assertArrayEquals(balances, h.balances());
    assertEquals(1, h.eventsOf(Trade.class).size());
    h.assertBooksBalance(venue);
  }

  @Test
  void test_open_flipRealisesClosedPartAndReentersAtOraclePrice() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 10_000, 0);
    venue.open(a, ETH, 1);
    h.setPrice(ETH, 3500);
    venue.open(a, ETH, -3);
    // The first unit closes at 3500: realised +500. The remaining 2 open a short at 3500.
    assertEquals(atoms(10_500), h.ledger.balance(a, USD));
    // equity = 10500 + (-2) * (3500 - 3500) = 10500; IMR = 2 * 3500 * 0.1 = 700; MMR = 350
    assertState(new MarginState(10_500, 700, 350), venue.marginState(a));
    h.setPrice(ETH, 3400);
    // The short gains 2 * 100 against its 3500 entry.
    assertEquals(10_700, venue.marginState(a).equity(), TOL);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_open_flipIntoPositionBreachingInitialMarginIsRejected() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 1000, 0);
    venue.open(a, ETH, 3);
    h.setPrice(ETH, 2800);
    // Long 3 at 3000 marked at 2800: equity = 1000 - 600 = 400.
    // Selling 5 would close the long (realising -600, leaving 400 USD) and open a new short of 2
    // at 2800 needing IMR 2 * 2800 * 0.1 = 560 > 400. A flip opens new risk, so it must meet the
    // initial margin like any opening trade (PerpetualVenue.open's contract).
    long[][] balances = h.balances();
    assertThrows(IllegalStateException.class, () -> venue.open(a, ETH, -5));
    assertArrayEquals(balances, h.balances());
    // Still long 3 at 3000: IMR = 3 * 2800 * 0.1 = 840, MMR = 420.
    assertState(new MarginState(400, 840, 420), venue.marginState(a));
    // A pure reduction is still allowed below initial margin: selling 3 closes the long.
    venue.open(a, ETH, -3);
    assertState(new MarginState(400, 0, 0), venue.marginState(a));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_open_gainBeyondHouseCapitalIsPaidByInsuranceThenBooksBadDebt() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    // The house holds only 100 USD; the insurance fund 600.
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS, INSURANCE, 100));
    AccountId a = crossAccount(h, venue, "alice", 10_000, 0);
    venue.open(a, ETH, 1);
    h.setPrice(ETH, 4000);
    venue.open(a, ETH, -1);
    // Realised +1000: the house pays its 100, the insurance fund 600, and 300 is bad debt.
    assertEquals(atoms(11_000), h.ledger.balance(a, USD));
    assertEquals(0, h.ledger.balance(HOUSE_ACCOUNT, USD));
    assertEquals(0, h.ledger.balance(INSURANCE_ACCOUNT, USD));
    assertEquals(-atoms(300), h.ledger.balance(BAD_DEBT_ACCOUNT, USD));
    VenueSnapshot s = venue.snapshot();
    assertEquals(600, s.insurancePaid(), TOL);
    assertEquals(300, s.badDebt(), TOL);
    assertEquals(600, h.eventsOf(InsurancePayout.class).get(0).amount(), TOL);
    assertEquals(300, h.eventsOf(BadDebt.class).get(0).amount(), TOL);
    h.assertBooksBalance(venue);
  }

  // --- liquidation

  @Test
  void test_liquidate_returnsEmptyWhenHealthy() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 3100, 0);
    venue.open(a, BTC, 0.5);
    AccountId liquidator = h.fund("liquidator", 100_000, 0);
    // BTC 57000: equity = 3100 - 1500 = 1600 >= MMR 0.5 * 57000 * 0.05 = 1425.
    h.setPrice(BTC, 57_000);
    long[][] balances = h.balances();
    int events = h.events.size();
    assertEquals(Optional.empty(), venue.liquidate(a, liquidator));
    assertEquals(
        Optional.empty(), venue.liquidate(AccountId.of("perp/accounts/nobody"), liquidator));
    assertArrayEquals(balances, h.balances());
    assertEquals(events, h.events.size());
    assertState(new MarginState(1600, 2850, 1425), venue.marginState(a));
    assertEquals(0, venue.snapshot().liquidations());
    h.assertBooksBalance(venue);
  }

  @Test
  void test_markToMarket_listsLiquidatableAccountsMostUnderwaterFirst() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId bob = crossAccount(h, venue, "bob", 4000, 0);
    AccountId alice = crossAccount(h, venue, "alice", 3100, 0);
    AccountId carol = crossAccount(h, venue, "carol", 10_000, 0);
    for (AccountId a : List.of(alice, bob, carol)) {
      venue.open(a, BTC, 0.5);
    }
    h.setPrice(BTC, 54_000);
    venue.markToMarket();
    // PnL 0.5 * (54000 - 60000) = -3000 each; MMR 0.5 * 54000 * 0.05 = 1350 each.
    // alice: equity 100 (health 0.074); bob: 1000 (0.74); carol: 7000, healthy.
    List<LiquidationCandidate> list = venue.liquidatable();
    assertEquals(List.of(alice, bob), list.stream().map(LiquidationCandidate::account).toList());
    assertState(new MarginState(100, 2700, 1350), list.get(0).state());
    assertState(new MarginState(1000, 2700, 1350), list.get(1).state());
    assertEquals(2, venue.snapshot().liquidatable());
  }

  @Test
  void test_liquidate_sellsCollateralToLiquidatorToCoverLossBeyondBaseMargin() {
    double eth = 2999.5;
    VenueHarness h = new VenueHarness(eth, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    // 500 USD + 1 ETH (1 * 2999.5 * 0.9 = 2699.55): equity 3199.55 >= IMR of long 0.5 BTC = 3000.
    AccountId a = crossAccount(h, venue, "alice", 500, 1);
    venue.open(a, BTC, 0.5);
    AccountId liquidator = h.fund("liquidator", 5000, 0);
    h.setPrice(BTC, 56_000);
    // equity = 3199.55 + 0.5 * (56000 - 60000) = 1199.55 < MMR 0.5 * 56000 * 0.05 = 1400.
    assertTrue(venue.marginState(a).liquidatable());

    LiquidationOutcome out = venue.liquidate(a, liquidator).orElseThrow();

    // Close 0.5 BTC at 56000 (no impact): PnL -2000, notional 28000, nominal fee 280.
    // Remaining equity at oracle value, no haircut: -2000 + 500 + 2999.5 = 1499.5 >= 280: fee 280,
    // 140 to the liquidator, 140 to the insurance fund.
    // Owed: 2000 + 280 = 2280; the account has 500 USD, so 1780 must be raised from ETH:
    // 1780 / 2999.5 = 0.593432238... ETH, ceil to atoms 0.593433 ETH, paid for at the oracle price
    // 0.593433 * 2999.5 = 1780.0022835 USD, ceil to atoms 1780.002284 USD.
    long units = 593_433;
    long pay = 1_780_002_284L;
    assertEquals(List.of(new Holding(ETH, units)), out.acquired());
    assertEquals(Precision.MICRO.units(pay), out.baseSpent(), 0);
    assertEquals(140, out.feeToLiquidator(), TOL);
    assertEquals(28_000, out.closedNotional(), TOL);
    CollateralSale sale = h.eventsOf(CollateralSale.class).get(0);
    assertEquals(
        new CollateralSale(
            0, 0, "perp", a.value(), "liquidator", "ETH", 0.593433, eth, 1780.002284),
        sale);
    // Liquidator: 5000 - 1780.002284 + 140 USD and 0.593433 ETH.
    assertEquals(atoms(5000) - pay + atoms(140), h.ledger.balance(liquidator, USD));
    assertEquals(units, h.ledger.balance(liquidator, ETH));
    // Account: 500 + 1780.002284 - 2000 - 280 = 0.002284 USD and 1 - 0.593433 = 0.406567 ETH.
    assertEquals(2284, h.ledger.balance(a, USD));
    assertEquals(406_567, h.ledger.balance(a, ETH));
    assertEquals(atoms(HOUSE + 2000), h.ledger.balance(HOUSE_ACCOUNT, USD));
    assertEquals(atoms(INSURANCE + 140), h.ledger.balance(INSURANCE_ACCOUNT, USD));
    Liquidation l = h.eventsOf(Liquidation.class).get(0);
    assertEquals("BTC", l.asset());
    assertEquals("liquidator", l.liquidator());
    assertEquals(0.5, l.size(), 0);
    assertEquals(56_000, l.oraclePrice(), 0);
    assertEquals(56_000, l.executionPrice(), 0);
    assertEquals(28_000, l.notional(), TOL);
    assertEquals(-2000, l.realizedPnl(), TOL);
    assertEquals(280, l.fee(), TOL);
    assertEquals(140, l.feeToLiquidator(), TOL);
    assertEquals(140, l.feeToInsurance(), TOL);
    // Before: equity 500 + 2699.55 - 2000 = 1199.55, maintenance 1400.
    assertEquals(1199.55, l.equityBefore(), TOL);
    assertEquals(1400, l.maintenanceBefore(), TOL);
    assertEquals(List.of(), h.eventsOf(InsurancePayout.class));
    assertEquals(List.of(), h.eventsOf(BadDebt.class));
    VenueSnapshot s = venue.snapshot();
    assertEquals(1, s.liquidations());
    assertEquals(28_000, s.liquidatedNotional(), TOL);
    assertEquals(280, s.liquidationFees(), TOL);
    assertEquals(0, s.badDebt(), 0);
    // Nothing left at risk: no requirement; equity is the leftover collateral.
    assertState(new MarginState(0.002284 + 0.406567 * eth * 0.9, 0, 0), venue.marginState(a));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_capsFeeAtRemainingEquity() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 3100, 0);
    venue.open(a, BTC, 0.5);
    AccountId liquidator = h.fund("liquidator", 0, 0);
    h.setPrice(BTC, 54_100);
    // PnL 0.5 * (54100 - 60000) = -2950; equity 150 < MMR 0.5 * 54100 * 0.05 = 1352.5.
    // Nominal fee 0.01 * 27050 = 270.5, capped at the remaining equity 150: 75 + 75.
    // (A liquidator with no money may liquidate: there is no collateral to buy.)
    LiquidationOutcome out = venue.liquidate(a, liquidator).orElseThrow();
    assertEquals(75, out.feeToLiquidator(), TOL);
    assertEquals(List.of(), out.acquired());
    Liquidation l = h.eventsOf(Liquidation.class).get(0);
    assertEquals(150, l.fee(), TOL);
    assertEquals(75, l.feeToLiquidator(), TOL);
    assertEquals(75, l.feeToInsurance(), TOL);
    assertEquals(0, h.ledger.balance(a, USD));
    assertEquals(atoms(75), h.ledger.balance(liquidator, USD));
    assertEquals(atoms(INSURANCE + 75), h.ledger.balance(INSURANCE_ACCOUNT, USD));
    assertEquals(atoms(HOUSE + 2950), h.ledger.balance(HOUSE_ACCOUNT, USD));
    assertEquals(150, venue.snapshot().liquidationFees(), TOL);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_dropsTheAccountFromTheLastMarksList() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 3100, 0);
    venue.open(a, BTC, 0.5);
    AccountId liquidator = h.fund("liquidator", 0, 0);
    h.setPrice(BTC, 54_100); // equity 150 < MMR 1352.5, as in the fee-cap case
    venue.markToMarket();
    assertEquals(List.of(a), venue.liquidatable().stream().map(c -> c.account()).toList());
    venue.liquidate(a, liquidator).orElseThrow();
    // Without a new mark, the list must already agree with the account's state (flat, healthy).
    assertEquals(List.of(), venue.liquidatable());
    assertEquals(List.of(), venue.audit());
  }

  @Test
  void test_liquidate_coversShortfallFromInsuranceFundThenBooksBadDebt() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    // 1000 USD + 1 ETH (2700 after haircut): equity 3700 >= IMR 3000 of long 0.5 BTC.
    AccountId a = crossAccount(h, venue, "alice", 1000, 1);
    venue.open(a, BTC, 0.5);
    AccountId liquidator = h.fund("liquidator", 3000, 0);
    h.setPrice(BTC, 50_000);
    // PnL 0.5 * (50000 - 60000) = -5000; equity = 3700 - 5000 = -1300.
    // Remaining at oracle value: -5000 + 1000 + 3000 = -1000 < 0: no fee.
    // Owed 5000; 1000 USD held: shortfall 4000. All the ETH (4000 / 3000 > 1) is sold for 3000.
    // Shortfall 1000: the insurance fund pays its 600; 400 is bad debt.
    LiquidationOutcome out = venue.liquidate(a, liquidator).orElseThrow();
    assertEquals(List.of(new Holding(ETH, atoms(1))), out.acquired());
    assertEquals(3000, out.baseSpent(), 0);
    assertEquals(0, out.feeToLiquidator(), 0);
    assertEquals(
        List.of(new CollateralSale(0, 0, "perp", a.value(), "liquidator", "ETH", 1, 3000, 3000)),
        h.eventsOf(CollateralSale.class));
    assertEquals(
        List.of(new InsurancePayout(0, 0, "perp", a.value(), 600)),
        h.eventsOf(InsurancePayout.class));
    assertEquals(List.of(new BadDebt(0, 0, "perp", a.value(), 400)), h.eventsOf(BadDebt.class));
    Liquidation l = h.eventsOf(Liquidation.class).get(0);
    assertEquals(-5000, l.realizedPnl(), TOL);
    assertEquals(0, l.fee(), 0);
    assertEquals(-1300, l.equityBefore(), TOL);
    assertEquals(-atoms(400), h.ledger.balance(BAD_DEBT_ACCOUNT, USD));
    assertEquals(0, h.ledger.balance(INSURANCE_ACCOUNT, USD));
    assertEquals(0, h.ledger.balance(a, USD));
    assertEquals(0, h.ledger.balance(a, ETH));
    assertEquals(0, h.ledger.balance(liquidator, USD));
    assertEquals(atoms(1), h.ledger.balance(liquidator, ETH));
    assertEquals(atoms(HOUSE + 5000), h.ledger.balance(HOUSE_ACCOUNT, USD));
    VenueSnapshot s = venue.snapshot();
    assertEquals(400, s.badDebt(), TOL);
    assertEquals(600, s.insurancePaid(), TOL);
    assertEquals(0, s.insuranceFund(), 0);
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_refusesLiquidatorThatCannotBuyTheCollateral() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 1000, 1);
    venue.open(a, BTC, 0.5);
    // The account's non-base collateral is worth 1 * 3000 = 3000 USD; the liquidator has one atom
    // less.
    AccountId poor = h.fund("poor", 3000 - 1e-6, 0);
    h.setPrice(BTC, 50_000);
    MarginState before = venue.marginState(a);
    long[][] balances = h.balances();
    int events = h.events.size();
    double marketPrice = h.markets.price(BTC);
    assertEquals(Optional.empty(), venue.liquidate(a, poor));
    assertArrayEquals(balances, h.balances());
    assertEquals(events, h.events.size());
    assertState(before, venue.marginState(a));
    assertEquals(marketPrice, h.markets.price(BTC), 0);
    assertEquals(0, venue.snapshot().liquidations());
    h.assertBooksBalance(venue);
    // One more atom and it can.
    h.ledger.transfer(Ledger.EXTERNAL, poor, USD, ATOM);
    assertTrue(venue.liquidate(a, poor).isPresent());
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_linearLogImpactExecutesBelowOracleForLong() {
    double depth = 1_000_000;
    VenueHarness h =
        new VenueHarness(ETH0, new ImpactModel.LinearLog(depth), BTC0, new ImpactModel.None());
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 4000, 0);
    venue.open(a, ETH, 10);
    AccountId liquidator = h.fund("liquidator", 0, 0);
    h.setPrice(ETH, 2700);
    // equity = 4000 + 10 * (2700 - 3000) = 1000 < MMR 10 * 2700 * 0.05 = 1350.
    venue.liquidate(a, liquidator).orElseThrow();
    // k = P / depth = 2700 / 1e6 = 0.0027 per unit, kq = 0.027:
    // execution = P (1 - e^{-kq}) / (kq) = 2700 * 0.98662068... = 2663.8758...
    double p = 2700;
    double kq = p / depth * 10;
    double exec = p * (1 - Math.exp(-kq)) / kq;
    assertEquals(2663.8758, exec, 1e-4);
    Liquidation l = h.eventsOf(Liquidation.class).get(0);
    assertEquals(p, l.oraclePrice(), 0);
    assertTrue(l.executionPrice() < l.oraclePrice());
    assertEquals(exec, l.executionPrice(), 1e-9 * p);
    assertEquals(10 * exec, l.notional(), 1e-8 * p);
    // PnL at the execution price: 10 * (2663.8758 - 3000) = -3361.24; remaining 638.76 exceeds the
    // nominal fee 0.01 * 26638.76 = 266.39, so the full fee is charged.
    assertEquals(10 * (exec - 3000), l.realizedPnl(), 1e-8 * p);
    // The fee is floored to atoms before it is reported, so it may be up to one atom (1e-6) short.
    assertEquals(0.01 * 10 * exec, l.fee(), 1.5e-6);
    // The unwind sold 10 ETH into the shared market: it ends at P e^{-kq} = 2628.075...
    MarketTrade t = h.eventsOf(MarketTrade.class).get(0);
    assertEquals("perp", t.trader());
    assertEquals(-10, t.units(), 0);
    assertEquals(p * Math.exp(-kq), h.markets.price(ETH), 1e-9 * p);
    // The account paid the loss (ceil to atoms) and the fee (floor to atoms) out of its 4000 USD:
    // 4000 - 3361.241525 - 266.387584 = 372.370891 USD; the house got the loss.
    assertEquals(372_370_891L, h.ledger.balance(a, USD));
    assertEquals(atoms(HOUSE) + 3_361_241_525L, h.ledger.balance(HOUSE_ACCOUNT, USD));
    h.assertBooksBalance(venue);
  }

  @Test
  void test_liquidate_shortIsClosedAboveOracleWithImpact() {
    double depth = 1_000_000;
    VenueHarness h =
        new VenueHarness(ETH0, new ImpactModel.LinearLog(depth), BTC0, new ImpactModel.None());
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 4000, 0);
    venue.open(a, ETH, -10);
    AccountId liquidator = h.fund("liquidator", 0, 0);
    h.setPrice(ETH, 3300);
    // equity = 4000 - 10 * 300 = 1000 < MMR 10 * 3300 * 0.05 = 1650.
    venue.liquidate(a, liquidator).orElseThrow();
    // Buying back 10: k = 3300 / 1e6, kq = 0.033; cost = P (e^{kq} - 1) / k, average
    // P (e^{kq} - 1) / (kq) = 3300 * 1.0166830 = 3355.0539
    double kq = 3300 / depth * 10;
    double exec = 3300 * (Math.exp(kq) - 1) / kq;
    assertEquals(3355.0539, exec, 1e-4);
    Liquidation l = h.eventsOf(Liquidation.class).get(0);
    assertTrue(l.executionPrice() > l.oraclePrice());
    assertEquals(exec, l.executionPrice(), 1e-9 * 3300);
    assertEquals(-10 * (exec - 3000), l.realizedPnl(), 1e-8 * 3300);
    h.assertBooksBalance(venue);
  }

  // --- helpers

  private static void assertState(MarginState expected, MarginState actual) {
    assertEquals(expected.equity(), actual.equity(), TOL, "equity");
    assertEquals(
        expected.initialRequirement(), actual.initialRequirement(), TOL, "initial requirement");
    assertEquals(
        expected.maintenanceRequirement(), actual.maintenanceRequirement(), TOL, "maintenance");
    assertEquals(expected.liquidatable(), actual.liquidatable(), "liquidatable");
  }

  @Test
  void test_attributes_reportModeAndOracle() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.ISOLATED));
    assertEquals(Map.of("marginMode", "isolated", "oracle", "oracle"), venue.attributes());
    assertEquals("perpetual", venue.type());
    // Max leverage = 1 / IMF = 10.
    assertEquals(10, venue.maxLeverage(ETH), TOL);
    assertEquals(ETH0, venue.markPrice(ETH), 0);
    assertEquals(List.of(ETH, BTC), List.copyOf(venue.markets()));
    assertEquals(List.of(USD, ETH), List.copyOf(venue.collateralAssets()));
  }

  @Test
  void test_maxOpenSize_isFreeEquityOverOneUnitsInitialMargin() {
    VenueHarness h = new VenueHarness(ETH0, BTC0);
    PerpetualExchange venue = h.venue(spec(MarginMode.CROSS));
    AccountId a = crossAccount(h, venue, "alice", 10_000, 0);
    // IMF 0.10 at 3000: 10,000 / (3000 * 0.1) = 33.333... ETH.
    assertEquals(10_000 / 300.0, venue.maxOpenSize(a, ETH, 1), 1e-6);
    venue.open(a, ETH, 20);
    // 6,000 of the 10,000 is now committed: (10,000 - 6,000) / 300 = 13.333... more.
    assertEquals(4_000 / 300.0, venue.maxOpenSize(a, ETH, 1), 1e-6);
    assertThrows(IllegalArgumentException.class, () -> venue.maxOpenSize(a, ETH, -1));
  }
}
