package org.marginfall.core.market;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.CauseKind;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.contagion.Component;
import org.marginfall.core.contagion.PriceAdjustment;
import org.marginfall.core.contagion.PriceParts;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.event.EventSink;
import org.marginfall.core.event.MarketTrade;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.venue.VenueId;

/**
 * The shared markets of a run, one per spot asset, and the ledger side of trading against them.
 *
 * <p>A ledger-backed sale moves the asset from the seller to the outside-market account {@code
 * market/<asset>} and the proceeds back in base currency, so what is sold is always somewhere. A
 * synthetic trade (a venue unwinding a derivative position) moves the price without moving assets.
 * A derived asset is priced at its issuer's NAV per unit, or, when it has a secondary market of its
 * own, at that NAV displaced by the impact of the secondary market's trades (it can trade below
 * NAV).
 *
 * <p>For contagion attribution every trade is booked to the current {@link Source} (the venue and
 * generation of the liquidation being executed, set by the engine), and so is every drop of a
 * derived asset's loss index. {@link #components} gives the endogenous parts of any price. Mutable
 * and not thread-safe.
 */
public final class Markets {

  private final Map<AssetId, SharedMarket> markets = new LinkedHashMap<>();

  /** Each market's outside-market account, built once: every trade books two transfers to it. */
  private final Map<AssetId, AccountId> outside = new HashMap<>();

  private final Map<AssetId, Derived> derived = new LinkedHashMap<>();
  private final Map<AssetId, LossBook> losses = new LinkedHashMap<>();
  private final Map<AssetId, Double> lastLossIndex = new LinkedHashMap<>();
  private ChannelSwitches channels = ChannelSwitches.ALL_OPEN;
  private Source source;

  /** Loss bookings so far: with the markets' own change counters, the components version. */
  private long lossBookings;

  /** Each asset's parts as last computed, with the stamp of what they were computed from. */
  private final Map<AssetId, Cached> parts = new HashMap<>();

  private final PriceAdjustment adjustment = new PriceAdjustment();
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
    AccountId account = account(market.asset());
    outside.put(market.asset(), account);
    ledger.open(account, AccountType.EXTERNAL);
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

  /** The spot markets and secondary markets of derived assets, in scenario order. */
  public Collection<SharedMarket> all() {
    return Collections.unmodifiableCollection(markets.values());
  }

  /**
   * Declares the price of a derived asset (a lending receipt, a vault share): its issuer's net
   * asset value per unit, in base currency, read on demand. Each derived asset has exactly one
   * issuer.
   */
  public void defineDerived(AssetId asset, DoubleSupplier navPerUnit) {
    defineDerived(asset, navPerUnit, null, () -> 1.0);
  }

  /**
   * Declares a derived asset with what attribution needs to see through its NAV.
   *
   * @param asset the derived asset
   * @param navPerUnit its issuer's NAV per unit, in base currency
   * @param underlying the spot asset whose market price the NAV moves one for one with (a receipt's
   *     reserve asset), or null
   * @param lossIndex the NAV per unit as a fraction of what it would be without the issuer's losses
   *     (1 until the issuer books a loss against its holders; never rises back above a drop it
   *     recorded unless the issuer recovers it)
   */
  public void defineDerived(
      AssetId asset, DoubleSupplier navPerUnit, AssetId underlying, DoubleSupplier lossIndex) {
    // Secondary markets of derived assets are added after their issuers define them.
    if (markets.containsKey(asset) || asset.equals(base)) {
      throw new IllegalArgumentException(asset + " is not a derived asset");
    }
    if (derived.putIfAbsent(asset, new Derived(navPerUnit, underlying, lossIndex)) != null) {
      throw new IllegalArgumentException("derived asset " + asset + " already has an issuer");
    }
    losses.put(asset, new LossBook());
    lastLossIndex.put(asset, 1.0);
  }

  /** Whether {@code asset} is a derived asset with a declared NAV. */
  public boolean isDerived(AssetId asset) {
    return derived.containsKey(asset);
  }

  /** The spot asset whose price derived asset {@code asset}'s NAV moves with, or null. */
  public AssetId underlying(AssetId asset) {
    Derived d = derived.get(asset);
    return d == null ? null : d.underlying();
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
    Derived d = derived.get(asset);
    if (d == null) {
      return market(asset).price();
    }
    SharedMarket secondary = markets.get(asset);
    if (secondary == null) {
      return d.nav().getAsDouble();
    }
    secondary.setFundamental(d.nav().getAsDouble());
    return secondary.price();
  }

  /** The NAV per unit of derived asset {@code asset}. */
  public double nav(AssetId asset) {
    Derived d = derived.get(asset);
    if (d == null) {
      throw new IllegalArgumentException(asset + " is not a derived asset");
    }
    return d.nav().getAsDouble();
  }

  /**
   * The price {@code venue} sees for {@code asset} given the open channels: with the common market
   * closed, a spot asset's price carries only the venue's own liquidation impact; with derived
   * collateral closed, a derived asset is seen at its NAV without its issuer's losses: no discount
   * of its secondary market, whoever sold into it.
   */
  public double priceFor(VenueId venue, AssetId asset) {
    if (asset.equals(base)) {
      return 1.0;
    }
    double p = viewFor(venue, asset);
    return adjustment.apply(asset, p);
  }

  /**
   * Evaluates {@code body} with every venue view ({@link #priceFor}) multiplied by {@code
   * factor(asset)}, as {@code Oracles.counterfactual} does for oracle prices.
   */
  public <T> T counterfactual(ToDoubleFunction<AssetId> factor, Supplier<T> body) {
    return adjustment.during(factor, body);
  }

  private double viewFor(VenueId venue, AssetId asset) {
    Derived d = derived.get(asset);
    if (d == null) {
      return market(asset).priceFor(venue);
    }
    if (channels.isOpen(Channel.DERIVED_COLLATERAL)) {
      return price(asset);
    }
    // Closed: the NAV itself (no secondary market, so no discount from any sale, liquidation or
    // run), without the issuer's booked losses and without the NAV losses of its underlying.
    double loss = 0;
    for (double v : losses.get(asset).bySource.values()) {
      loss += v;
    }
    if (d.underlying() != null) {
      PriceParts p = parts(d.underlying());
      for (int i = 0; i < p.size(); i++) {
        if (p.kind(i) == CauseKind.NAV_LOSS) {
          loss += p.value(i);
        }
      }
    }
    return d.nav().getAsDouble() * StrictMath.exp(-loss);
  }

  /**
   * The endogenous parts of {@code asset}'s price, as log moves by component, in component order:
   * the liquidation impact of each source in its market, a derived asset's loss-index drops and its
   * secondary market's liquidation impact (both NAV losses), and the parts of its underlying.
   */
  public SortedMap<Component, Double> components(AssetId asset) {
    return parts(asset).toMap();
  }

  /**
   * {@link #components} as flat arrays, in the same order and with the same values: a component
   * that several of those parts share has their moves added in the order listed. Recomputed only
   * after a trade, loss booking or decay that may have changed them.
   */
  public PriceParts parts(AssetId asset) {
    // Per asset: a trade in one market leaves the parts of the others as they were.
    long stamp = stamp(asset);
    Cached c = parts.get(asset);
    if (c == null || c.stamp() != stamp) {
      c = new Cached(stamp, computeParts(asset));
      parts.put(asset, c);
    }
    return c.parts();
  }

  /**
   * The endogenous parts of the price {@code venue} sees for {@code asset} ({@link #priceFor}): in
   * a segregated market only the venue's own liquidation impact, for a derived asset seen without
   * its issuer's losses (derived-collateral channel closed) only the market impact of its
   * underlying.
   */
  public PriceParts partsFor(VenueId venue, AssetId asset) {
    if (asset.equals(base)) {
      return PriceParts.NONE;
    }
    PriceParts p = parts(asset);
    if (derived.containsKey(asset)) {
      return channels.isOpen(Channel.DERIVED_COLLATERAL)
          ? p
          : p.only(null, CauseKind.MARKET_IMPACT);
    }
    return market(asset).segregated() ? p.only(venue, null) : p;
  }

  /** A sum of the counters {@code asset}'s parts are computed from: changes whenever they may. */
  private long stamp(AssetId asset) {
    SharedMarket m = markets.get(asset);
    long stamp = m == null ? 0 : m.changes();
    Derived d = derived.get(asset);
    if (d != null) {
      stamp += losses.get(asset).bookings;
      if (d.underlying() != null) {
        stamp += stamp(d.underlying());
      }
    }
    return stamp;
  }

  private PriceParts computeParts(AssetId asset) {
    if (asset.equals(base)) {
      return PriceParts.NONE;
    }
    Derived d = derived.get(asset);
    SharedMarket m = markets.get(asset);
    CauseKind impactKind = d == null ? CauseKind.MARKET_IMPACT : CauseKind.NAV_LOSS;
    PriceParts out = m == null ? PriceParts.NONE : PriceParts.of(m.components(), impactKind);
    if (d != null) {
      out = out.plus(PriceParts.of(losses.get(asset).bySource, CauseKind.NAV_LOSS));
      if (d.underlying() != null) {
        out = out.plus(parts(d.underlying()));
      }
    }
    return out;
  }

  /**
   * Books each derived asset's loss-index drops since the last call to the current source (to the
   * exogenous part when no liquidation is being executed). The engine calls this after every
   * liquidation and settlement.
   */
  public void observeLosses() {
    for (Map.Entry<AssetId, Derived> e : derived.entrySet()) {
      double now = e.getValue().lossIndex().getAsDouble();
      double last = lastLossIndex.get(e.getKey());
      if (now != last && now > 0 && last > 0) {
        if (source != null) {
          LossBook book = losses.get(e.getKey());
          book.bySource.merge(source, StrictMath.log(now / last), Double::sum);
          book.bookings++;
          lossBookings++;
        }
        lastLossIndex.put(e.getKey(), now);
      }
    }
  }

  /** Lets a step's worth of impact decay in every market. */
  public void decay() {
    markets.values().forEach(SharedMarket::decay);
  }

  /**
   * A counter that changes whenever a price component may have changed (a trade, a booked loss,
   * decay), so attribution can reuse components between changes.
   */
  public long componentsVersion() {
    long v = lossBookings;
    for (SharedMarket m : markets.values()) {
      v += m.changes();
    }
    return v;
  }

  /**
   * Opens and closes the market-borne channels: segregates the markets if the common market is
   * closed.
   */
  public void configureChannels(ChannelSwitches switches) {
    this.channels = switches;
    if (!switches.isOpen(Channel.COMMON_MARKET)) {
      markets.values().forEach(SharedMarket::segregate);
    }
  }

  /** The open channels. */
  public ChannelSwitches channels() {
    return channels;
  }

  /** Books every following trade and loss to {@code source} (null: outside any liquidation). */
  public void setSource(Source source) {
    this.source = source;
  }

  /** The source trades are booked to now, or null. */
  public Source source() {
    return source;
  }

  /**
   * Sells {@code atoms} of {@code asset} held by {@code seller} into the market for base currency.
   *
   * @throws IllegalStateException if the seller holds less than {@code atoms}; the price is then
   *     left where it was
   */
  public Execution sell(AccountId seller, AssetId asset, long atoms) {
    SharedMarket m = tradable(asset);
    // Move the units first: the ledger refuses an overdraft before the market price has moved.
    AccountId account = outside.get(asset);
    ledger.transfer(seller, account, asset, atoms);
    Execution e = m.execute(-ledger.precision(asset).units(atoms), source);
    ledger.transfer(account, seller, base, ledger.precision(base).floorAtoms(e.value()));
    emit(seller.value(), asset, e);
    return e;
  }

  /**
   * Buys {@code atoms} of {@code asset} from the market for {@code buyer}, who pays the cost in
   * base currency rounded up to whole atoms.
   *
   * @throws IllegalStateException if the buyer cannot pay (nothing moves)
   */
  public Execution buy(AccountId buyer, AssetId asset, long atoms) {
    SharedMarket m = tradable(asset);
    double units = ledger.precision(asset).units(atoms);
    Execution quote = m.impactModel().execute(m.quote(source), m.fundamental(), units);
    long cost = ledger.precision(base).ceilAtoms(quote.value());
    if (ledger.balance(buyer, base) < cost) {
      throw new IllegalStateException(
          "ledger: "
              + buyer
              + " holds "
              + ledger.units(buyer, base)
              + " "
              + base
              + ", cannot pay "
              + ledger.precision(base).units(cost));
    }
    AccountId account = outside.get(asset);
    ledger.transfer(buyer, account, base, cost);
    ledger.transfer(account, buyer, asset, atoms);
    Execution e = m.execute(units, source);
    emit(buyer.value(), asset, e);
    return e;
  }

  /**
   * Moves the price as a trade of {@code units} would, without moving assets (derivative unwinds).
   */
  public Execution tradeSynthetic(String trader, AssetId asset, double units) {
    Execution e = tradable(asset).execute(units, source);
    emit(trader, asset, e);
    return e;
  }

  /** The market of {@code asset}, a secondary market first brought to its issuer's current NAV. */
  private SharedMarket tradable(AssetId asset) {
    SharedMarket m = market(asset);
    Derived d = derived.get(asset);
    if (d != null) {
      m.setFundamental(d.nav().getAsDouble());
    }
    return m;
  }

  private record Derived(DoubleSupplier nav, AssetId underlying, DoubleSupplier lossIndex) {}

  /** A derived asset's loss-index drops by source, and how many bookings have changed them. */
  private static final class LossBook {
    private final SortedMap<Source, Double> bySource = new TreeMap<>();
    private long bookings;
  }

  private record Cached(long stamp, PriceParts parts) {}

  private void emit(String trader, AssetId asset, Execution e) {
    events.emit(
        new MarketTrade(
            clock.step(),
            clock.round(),
            asset.value(),
            trader,
            e.units(),
            e.averagePrice(),
            e.priceBefore(),
            e.priceAfter()));
  }
}
