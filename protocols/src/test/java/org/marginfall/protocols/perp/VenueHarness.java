package org.marginfall.protocols.perp;

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

/**
 * The run state a perpetual venue is built against, assembled by hand for unit tests: a ledger over
 * USD, ETH, BTC and HLP (vault shares), one shared market per spot asset, one immediate oracle
 * whose feeds follow the market when {@link #setPrice} moves it, an event list and a settable
 * clock. Every asset is counted at six decimals unless the harness is built with its own decimals
 * per asset.
 */
final class VenueHarness {

  static final AssetId USD = AssetId.of("USD");
  static final AssetId ETH = AssetId.of("ETH");
  static final AssetId BTC = AssetId.of("BTC");

  /** Shares of a backstop vault (a derived asset). */
  static final AssetId HLP = AssetId.of("HLP");

  static final OracleId ORACLE = OracleId.of("oracle");
  static final List<AssetId> ASSETS = List.of(USD, ETH, BTC, HLP);

  /** Six decimals for every asset in {@link #ASSETS}: what {@code new Ledger(ASSETS)} counts in. */
  static final List<Integer> MICRO_DECIMALS = List.of(6, 6, 6, 6);

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

  /** Markets without price impact at the given initial prices. */
  VenueHarness(double eth, double btc) {
    this(eth, new ImpactModel.None(), btc, new ImpactModel.None());
  }

  VenueHarness(double eth, ImpactModel ethImpact, double btc, ImpactModel btcImpact) {
    this(MICRO_DECIMALS, eth, ethImpact, btc, btcImpact);
  }

  /**
   * Markets at the given initial prices over a ledger that counts the assets of {@link #ASSETS} at
   * {@code decimals} (one per asset, in the same order).
   */
  VenueHarness(
      List<Integer> decimals,
      double eth,
      ImpactModel ethImpact,
      double btc,
      ImpactModel btcImpact) {
    ledger = new Ledger(ASSETS, decimals);
    markets = new Markets(ledger, USD, events::add, clock);
    markets.add(new SharedMarket(ETH, ethImpact, Double.POSITIVE_INFINITY, eth));
    markets.add(new SharedMarket(BTC, btcImpact, Double.POSITIVE_INFINITY, btc));
    oracle.addFeed(ETH, eth);
    oracle.addFeed(BTC, btc);
    oracles.add(oracle);
    services =
        new VenueServices(
            ledger, markets, oracles, events::add, clock, USD, new RandomStreams(1, 0));
  }

  PerpetualExchange venue(PerpetualVenueSpec spec) {
    return (PerpetualExchange) spec.resolve(services);
  }

  /**
   * Moves the fundamental (and so the market) price of {@code asset} to {@code price} and lets the
   * oracle publish what the market now shows, as the exogenous and oracle phases of a tick do.
   */
  void setPrice(AssetId asset, double price) {
    markets.market(asset).setFundamental(price);
    republish(asset);
  }

  /** Lets the oracle re-read the current market price of {@code asset} (an intra-tick re-read). */
  void republish(AssetId asset) {
    OracleFeed feed = oracle.feed(asset);
    feed.observe(markets.price(asset));
    feed.evaluate(clock.step);
  }

  /** Opens an ordinary owner account and brings the given whole units in from outside. */
  AccountId fund(String owner, double usd, double eth) {
    AccountId id = AccountId.of(owner);
    ledger.open(id, AccountType.ORDINARY);
    ledger.transfer(Ledger.EXTERNAL, id, USD, ledger.precision(USD).atoms(usd));
    ledger.transfer(Ledger.EXTERNAL, id, ETH, ledger.precision(ETH).atoms(eth));
    return id;
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

  /**
   * The books balance: every asset sums to exactly zero atoms, no ordinary account is negative, and
   * the venue's own audit (after a fresh mark, as the engine's record phase does) is clean.
   */
  void assertBooksBalance(PerpetualExchange venue) {
    for (AssetId a : ASSETS) {
      assertEquals(0L, ledger.total(a), "ledger total of " + a);
    }
    assertEquals(List.of(), ledger.audit(), "ledger audit");
    venue.markToMarket();
    assertEquals(List.of(), venue.audit(), "venue audit");
  }

  /** The events of one type, in order. */
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
