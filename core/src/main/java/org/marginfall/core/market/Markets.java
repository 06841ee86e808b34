package org.marginfall.core.market;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.EventSink;
import org.marginfall.core.event.MarketTrade;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Quantities;

/**
 * The shared markets of a run, one per spot asset, and the ledger side of trading against them.
 *
 * <p>A ledger-backed sale moves the asset from the seller to the outside-market account {@code
 * market/<asset>} and the proceeds back in base currency, so what is sold is always somewhere. A
 * synthetic trade (a venue unwinding a derivative position) moves the price without moving assets.
 * Derived assets have no market here: their price is their issuer's NAV per unit.
 * Mutable and not thread-safe.
 */
public final class Markets {

  private final Map<AssetId, SharedMarket> markets = new LinkedHashMap<>();
  private final Map<AssetId, DoubleSupplier> derived = new LinkedHashMap<>();
  private final Ledger ledger;
  private final AssetId base;
  private final EventSink events;
  private final SimClock clock;

  /** Creates the registry; markets are added with {@link #add(SharedMarket)}. */
  public Markets(Ledger ledger, AssetId base, EventSink events, SimClock clock) {
    this.ledger = ledger;
    this.base = base;
    this.events = events;
    this.clock = clock;
  }

  /** Adds a market and opens its outside-market ledger account. */
  public void add(SharedMarket market) {
    if (markets.putIfAbsent(market.asset(), market) != null) {
      throw new IllegalArgumentException("duplicate market for " + market.asset());
    }
    ledger.open(account(market.asset()), AccountType.EXTERNAL);
  }

  /** The outside-market account of {@code asset}. */
  public static AccountId account(AssetId asset) {
    return AccountId.of("market", asset.value());
  }

  /** The market of {@code asset}. */
  public SharedMarket market(AssetId asset) {
    SharedMarket m = markets.get(asset);
    if (m == null) {
      throw new IllegalArgumentException("no market for asset " + asset);
    }
    return m;
  }

  /** Whether {@code asset} has a market. */
  public boolean has(AssetId asset) {
    return markets.containsKey(asset);
  }

  /** All markets, in scenario order. */
  public Collection<SharedMarket> all() {
    return Collections.unmodifiableCollection(markets.values());
  }

  /**
   * Declares the price of a derived asset (a lending receipt, a vault share): its issuer's net asset
   * value per unit, in base currency, read on demand. Each derived asset has exactly one issuer.
   */
  public void defineDerived(AssetId asset, DoubleSupplier navPerUnit) {
    if (markets.containsKey(asset) || asset.equals(base)) {
      throw new IllegalArgumentException(asset + " is not a derived asset");
    }
    if (derived.putIfAbsent(asset, navPerUnit) != null) {
      throw new IllegalArgumentException("derived asset " + asset + " already has an issuer");
    }
  }

  /** Whether {@code asset} is a derived asset with a declared NAV. */
  public boolean isDerived(AssetId asset) {
    return derived.containsKey(asset);
  }

  /** The derived assets, in the order their issuers declared them. */
  public List<AssetId> derivedAssets() {
    return List.copyOf(derived.keySet());
  }

  /**
   * The price of {@code asset}: 1 for the base currency, the market price of a spot asset, the
   * issuer's NAV per unit of a derived asset.
   */
  public double price(AssetId asset) {
    if (asset.equals(base)) {
      return 1.0;
    }
    DoubleSupplier nav = derived.get(asset);
    return nav != null ? nav.getAsDouble() : market(asset).price();
  }

  /**
   * Sells {@code atoms} of {@code asset} held by {@code seller} into the market for base currency.
   *
   * @throws IllegalStateException if the seller holds less than {@code atoms}; the price is then
   *     left where it was
   */
  public Execution sell(AccountId seller, AssetId asset, long atoms) {
    SharedMarket m = market(asset);
    // Move the units first: the ledger refuses an overdraft before the market price has moved.
    ledger.transfer(seller, account(asset), asset, atoms);
    Execution e = m.execute(-Quantities.units(atoms));
    ledger.transfer(account(asset), seller, base, Quantities.floorAtoms(e.value()));
    emit(seller.value(), asset, e);
    return e;
  }

  /**
   * Buys {@code atoms} of {@code asset} from the market for {@code buyer}, who pays the cost in base
   * currency rounded up to whole atoms.
   *
   * @throws IllegalStateException if the buyer cannot pay (nothing moves)
   */
  public Execution buy(AccountId buyer, AssetId asset, long atoms) {
    SharedMarket m = market(asset);
    Execution quote = m.impactModel().execute(m.price(), m.fundamental(), Quantities.units(atoms));
    long cost = Quantities.ceilAtoms(quote.value());
    if (ledger.balance(buyer, base) < cost) {
      throw new IllegalStateException(
          "ledger: " + buyer + " holds " + ledger.balance(buyer, base) + " atoms of " + base + ", cannot pay " + cost);
    }
    ledger.transfer(buyer, account(asset), base, cost);
    ledger.transfer(account(asset), buyer, asset, atoms);
    Execution e = m.execute(Quantities.units(atoms));
    emit(buyer.value(), asset, e);
    return e;
  }

  /** Moves the price as a trade of {@code units} would, without moving assets (derivative unwinds). */
  public Execution tradeSynthetic(String trader, AssetId asset, double units) {
    Execution e = market(asset).execute(units);
    emit(trader, asset, e);
    return e;
  }

  private void emit(String trader, AssetId asset, Execution e) {
    events.emit(
        new MarketTrade(
            clock.step(), clock.round(), asset.value(), trader, e.units(), e.averagePrice(),
            e.priceBefore(), e.priceAfter()));
  }
}
