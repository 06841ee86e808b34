package org.marginfall.protocols.cdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
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
import org.marginfall.core.testing.ManualClock;
import org.marginfall.core.venue.VenueId;

/**
 * The run state a CDP venue is built against, assembled by hand: a ledger over USD and ETH (at six
 * decimals each unless the test gives their decimals), an ETH market without impact, one immediate
 * oracle that follows {@link #setPrice}, an event list and a clock the test moves.
 */
final class CdpHarness {

  static final AssetId USD = AssetId.of("USD");
  static final AssetId ETH = AssetId.of("ETH");
  static final OracleId ORACLE = OracleId.of("oracle");
  static final VenueId VENUE = VenueId.of("maker");
  static final AssetId MKR = AssetId.of("MKR");
  static final List<AssetId> ASSETS = List.of(USD, ETH);

  final List<SimEvent> events = new ArrayList<>();
  final ManualClock clock = new ManualClock();
  final Ledger ledger;
  final List<AssetId> assets;
  final Markets markets;
  final Oracles oracles = new Oracles(USD);
  final Oracle oracle = new Oracle(ORACLE, OracleRule.immediate());
  final VenueServices services;

  CdpHarness(double eth) {
    this(null, eth);
  }

  /**
   * A harness whose ledger counts USD and ETH at {@code decimals} (in the order of {@link
   * #ASSETS}), or at six decimals each when null.
   */
  CdpHarness(List<Integer> decimals, double eth) {
    this(ASSETS, decimals, eth);
  }

  /**
   * A harness whose ledger also counts MKR at six decimals, without a market: the debt auctions'
   * minted asset.
   */
  static CdpHarness withMkr(double eth) {
    return new CdpHarness(List.of(USD, ETH, MKR), null, eth);
  }

  private CdpHarness(List<AssetId> assets, List<Integer> decimals, double eth) {
    this.assets = assets;
    ledger = decimals == null ? new Ledger(assets) : new Ledger(assets, decimals);
    markets = new Markets(ledger, USD, events::add, clock);
    markets.add(new SharedMarket(ETH, new ImpactModel.None(), Double.POSITIVE_INFINITY, eth));
    oracle.addFeed(ETH, eth);
    oracles.add(oracle);
    services =
        new VenueServices(
            ledger, markets, oracles, events::add, clock, USD, new RandomStreams(1, 0));
  }

  /**
   * The ETH ilk used throughout the tests: mat 1.45, no stability fee, dust 1,000, chop 1.13, hole
   * 5M, buf 1.3, tail 8,400 s, cusp 0.4, chip 0.1%, tip 300, stairstep 0.99 every 90 s.
   */
  static CdpIlk ethIlk() {
    return new CdpIlk(
        ETH,
        1.45,
        0,
        1000,
        1.13,
        5.0e6,
        1.30,
        8400,
        0.40,
        0.001,
        300,
        new Abacus.StairstepExponentialDecrease(90, 0.99));
  }

  static CdpVenueSpec spec(CdpIlk ilk, double globalHole, double surplus) {
    return new CdpVenueSpec(VENUE, ORACLE, 60, globalHole, surplus, List.of(ilk));
  }

  CdpVenue venue(CdpVenueSpec spec) {
    return (CdpVenue) spec.resolve(services);
  }

  /** Moves the market and lets the oracle publish it. */
  void setPrice(double price) {
    markets.market(ETH).setFundamental(price);
    OracleFeed feed = oracle.feed(ETH);
    feed.observe(markets.price(ETH));
    feed.evaluate(clock.step());
  }

  /** Opens an ordinary account and brings the given units in from outside. */
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

  /** Opens a vault for {@code owner}, locks {@code eth} and draws {@code debt}. */
  AccountId vault(CdpVenue venue, AccountId owner, double eth, double debt) {
    AccountId v = venue.openVault(owner, ETH);
    venue.lock(owner, v, atoms(ETH, eth));
    venue.draw(v, owner, atoms(USD, debt));
    return v;
  }

  long[][] balances() {
    List<AccountId> accounts = ledger.accounts();
    long[][] out = new long[accounts.size()][assets.size()];
    for (int i = 0; i < accounts.size(); i++) {
      for (int a = 0; a < assets.size(); a++) {
        out[i][a] = ledger.balance(accounts.get(i), assets.get(a));
      }
    }
    return out;
  }

  /** Every asset sums to zero, no ordinary account is negative, the venue's audit is clean. */
  void assertBooksBalance(CdpVenue venue) {
    for (AssetId a : assets) {
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

  static long atoms(double units) {
    return Precision.MICRO.atoms(units);
  }
}
