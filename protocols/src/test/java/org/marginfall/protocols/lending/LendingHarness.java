package org.marginfall.protocols.lending;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.oracle.Oracle;
import org.marginfall.core.oracle.OracleFeed;
import org.marginfall.core.oracle.OracleId;
import org.marginfall.core.oracle.OracleRule;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.random.RandomStreams;
import org.marginfall.core.spec.VenueServices;
import org.marginfall.core.venue.VenueId;

/**
 * The run state a lending venue is built against, assembled by hand for unit tests: a ledger over
 * USD, ETH, BTC and the receipts aUSD, aETH, aBTC (each at six decimals unless the test gives their
 * decimals), impact-free shared markets for ETH and BTC, one immediate oracle that follows {@link
 * #setPrice}, an event list and a settable clock.
 */
final class LendingHarness {

  static final AssetId USD = AssetId.of("USD");
  static final AssetId ETH = AssetId.of("ETH");
  static final AssetId BTC = AssetId.of("BTC");
  static final AssetId AUSD = AssetId.of("aUSD");
  static final AssetId AETH = AssetId.of("aETH");
  static final AssetId ABTC = AssetId.of("aBTC");
  static final OracleId ORACLE = OracleId.of("oracle");
  static final VenueId VENUE = VenueId.of("lend");
  static final List<AssetId> ASSETS = List.of(USD, ETH, BTC, AUSD, AETH, ABTC);

  /** One day per tick. */
  static final double DAY = 86_400;

  /** WETH launch terms (Gauntlet table): LTV 82.5%, LT 86%, LB 5.2%, LPF 10%; RF 15%. */
  static ReserveTerms ethTerms() {
    return new ReserveTerms(
        ETH,
        AETH,
        0.825,
        0.86,
        0.052,
        0.10,
        0.15,
        new InterestRateCurve(0, 0.033, 0.80, 0.80),
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        true);
  }

  /** WBTC launch terms: LTV 72%, LT 82%, LB 5.2%, LPF 10%; RF 20%. */
  static ReserveTerms btcTerms() {
    return new ReserveTerms(
        BTC,
        ABTC,
        0.72,
        0.82,
        0.052,
        0.10,
        0.20,
        new InterestRateCurve(0, 0.04, 3.0, 0.45),
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        true);
  }

  /** USDC launch terms: LTV 86.5%, LT 88.5%, LB 4.8%, LPF 20%; the USDC-like curve; RF 10%. */
  static ReserveTerms usdTerms() {
    return new ReserveTerms(
        USD,
        AUSD,
        0.865,
        0.885,
        0.048,
        0.20,
        0.10,
        new InterestRateCurve(0, 0.04, 0.60, 0.90),
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        true);
  }

  static LendingVenueSpec spec(BadDebtMode mode) {
    return new LendingVenueSpec(
        VENUE, ORACLE, List.of(usdTerms(), ethTerms(), btcTerms()), DAY, mode, 2_000, 1_000);
  }

  /** A clock the test moves by hand. */
  static final class ManualClock implements SimClock {
    long step;
    int round;

    @Override
    public long step() {
      return step;
    }

    @Override
    public int round() {
      return round;
    }
  }

  final List<SimEvent> events = new ArrayList<>();
  final ManualClock clock = new ManualClock();
  final Ledger ledger;
  final Markets markets;
  final Oracles oracles = new Oracles(USD);
  final Oracle oracle = new Oracle(ORACLE, OracleRule.immediate());
  final VenueServices services;

  LendingHarness(double eth, double btc) {
    this(eth, new ImpactModel.None(), btc);
  }

  LendingHarness(double eth, ImpactModel ethImpact, double btc) {
    this(null, eth, ethImpact, btc);
  }

  /**
   * A harness whose ledger counts the assets at {@code decimals}, one per asset in the order of
   * {@link #ASSETS}.
   */
  LendingHarness(List<Integer> decimals, double eth, double btc) {
    this(decimals, eth, new ImpactModel.None(), btc);
  }

  private LendingHarness(List<Integer> decimals, double eth, ImpactModel ethImpact, double btc) {
    ledger = decimals == null ? new Ledger(ASSETS) : new Ledger(ASSETS, decimals);
    markets = new Markets(ledger, USD, events::add, clock);
    markets.add(new SharedMarket(ETH, ethImpact, Double.POSITIVE_INFINITY, eth));
    markets.add(new SharedMarket(BTC, new ImpactModel.None(), Double.POSITIVE_INFINITY, btc));
    oracle.addFeed(ETH, eth);
    oracle.addFeed(BTC, btc);
    oracles.add(oracle);
    services =
        new VenueServices(
            ledger, markets, oracles, events::add, clock, USD, new RandomStreams(1, 0));
  }

  LendingPool venue(LendingVenueSpec spec) {
    return (LendingPool) spec.resolve(services);
  }

  /** Moves the market price of {@code asset} and lets the oracle publish it. */
  void setPrice(AssetId asset, double price) {
    markets.market(asset).setFundamental(price);
    OracleFeed feed = oracle.feed(asset);
    feed.observe(markets.price(asset));
    feed.evaluate(clock.step);
  }

  /** Opens an ordinary account and brings the given whole units in from outside. */
  AccountId fund(String owner, double usd, double eth) {
    AccountId id = AccountId.of(owner);
    ledger.open(id, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, id, USD, atoms(USD, usd));
    ledger.transfer(Ledger.EXTERNAL, id, ETH, atoms(ETH, eth));
    return id;
  }

  /** {@code units} of {@code asset} in atoms at the ledger's precision of the asset. */
  long atoms(AssetId asset, double units) {
    return ledger.precision(asset).atoms(units);
  }

  /** A snapshot of every balance, to show that a refused operation changed nothing. */
  long[][] balances() {
    List<AccountId> accounts = ledger.accounts();
    long[][] out = new long[accounts.size()][ASSETS.size()];
    for (int i = 0; i < accounts.size(); i++) {
      for (int a = 0; a < ASSETS.size(); a++) {
        out[i][a] = ledger.balance(accounts.get(i), ASSETS.get(a));
      }
    }
    return out;
  }

  /** Every asset sums to zero, no ordinary account is negative, the venue's audit is clean. */
  void assertBooksBalance(LendingPool venue) {
    for (AssetId a : ASSETS) {
      assertEquals(0L, ledger.total(a), "ledger total of " + a);
    }
    assertEquals(List.of(), ledger.audit(), "ledger audit");
    venue.markToMarket();
    assertEquals(List.of(), venue.audit(), "venue audit");
  }

  <T extends SimEvent> List<T> eventsOf(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (SimEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }
}
