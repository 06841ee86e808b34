package org.marginfall.core.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.attribution.Attributor;
import org.marginfall.core.attribution.ComponentTable;
import org.marginfall.core.attribution.ExogenousCheck;
import org.marginfall.core.attribution.ExogenousPath;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.contagion.Source;
import org.marginfall.core.event.Attributable;
import org.marginfall.core.event.AuctionOpening;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.Markets;
import org.marginfall.core.oracle.Oracles;
import org.marginfall.core.venue.MarginState;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * The run's contagion bookkeeping: attributes each liquidation before it executes, books the trades
 * and losses that follow to its source, fills in the cause of every {@link Attributable} event, and
 * keeps the collateral pools and agents diverted from each account.
 *
 * <p>Mutable run state, not thread-safe.
 */
final class ContagionTracker {

  /** Health within this relative distance of the current value counts as "as weak as now". */
  private static final double SAME_HEALTH = 1e-9;

  private final Markets markets;
  private final Attributor attributor;
  private final ExogenousCheck exogenousCheck;
  private final Map<VenueId, Venue> venues;
  private final Map<VenueId, Oracles> oracles;
  private final List<AssetId> assets;
  private final Map<Key, Cause> causes = new LinkedHashMap<>();
  private final Map<Key, Cause> lots = new LinkedHashMap<>();
  private final Map<Key, SortedMap<Source, Double>> diverted = new LinkedHashMap<>();
  private final Ledger ledger;
  private final SimClock clock;

  /** By venue: the components of the prices it reads, with the version they were flattened at. */
  private final Map<VenueId, Table> tables = new LinkedHashMap<>();

  /** The last liquidation attributed, and the state of the world it was attributed in. */
  private Key memoKey;

  private WorldStamp memoStamp;
  private Cause memoCause;

  ContagionTracker(
      Markets markets,
      Map<VenueId, Venue> venues,
      Map<VenueId, Oracles> oracles,
      List<AssetId> assets,
      Ledger ledger,
      SimClock clock,
      ExogenousPath path) {
    this.markets = markets;
    this.exogenousCheck = new ExogenousCheck(markets, path);
    this.ledger = ledger;
    this.clock = clock;
    this.attributor = new Attributor(markets);
    this.venues = venues;
    this.oracles = oracles;
    this.assets = List.copyOf(assets);
  }

  /**
   * Attributes the liquidation of {@code account} on {@code venue} that is about to execute and
   * books what follows (the venue's close, the liquidator's sale of what it seized) to its source.
   */
  Cause beginLiquidation(VenueId venue, AccountId account) {
    Venue v = venues.get(venue);
    MarginState now = v == null ? null : v.marginStateNow(account);
    if (now == null || !now.liquidatable()) {
      // The venue will refuse (or liquidates by its own rule, e.g. an auction): no attribution
      // work, and nothing that follows is booked to this account.
      Cause known = causes.get(new Key(venue, account.value()));
      markets.setSource(known == null ? null : new Source(venue, known.generation()));
      return known == null ? Cause.EXOGENOUS : known;
    }
    // Liquidators offer one candidate to each other in turn, and a venue that refuses moves
    // nothing: while no transfer, trade, booked loss, decay, tick or round separates two offers
    // of the same account, its attribution is the same and is not computed again.
    Key key = new Key(venue, account.value());
    WorldStamp stamp =
        new WorldStamp(
            ledger.transferCount(), markets.componentsVersion(), clock.step(), clock.round());
    Cause c;
    if (key.equals(memoKey) && stamp.equals(memoStamp)) {
      c = memoCause;
    } else {
      c = whether(venue, account, attribute(venue, account, MarginState::liquidatable));
      memoKey = key;
      memoStamp = stamp;
      memoCause = c;
    }
    causes.put(key, c);
    markets.setSource(new Source(venue, c.generation()));
    return c;
  }

  /** Books what follows a take from auction {@code lotId} to the source of the vault it sells. */
  void beginTake(VenueId venue, long lotId) {
    Cause c = lots.get(new Key(venue, Long.toString(lotId)));
    markets.setSource(new Source(venue, c == null ? 0 : c.generation()));
  }

  /** Ends the current liquidation: later trades are outside any liquidation again. */
  void end() {
    markets.observeLosses();
    markets.setSource(null);
  }

  /** Books derived-asset losses since the last look to the current source. */
  void observeLosses() {
    markets.observeLosses();
  }

  /** The cause of {@code account} on {@code venue} being as weak as it is now. */
  Cause causeOf(VenueId venue, AccountId account) {
    Venue v = venues.get(venue);
    MarginState now = v == null ? null : v.marginStateNow(account);
    if (now == null || now.maintenanceRequirement() <= 0) {
      return Cause.EXOGENOUS;
    }
    double h = now.health();
    double limit = h + Math.abs(h) * SAME_HEALTH;
    return attribute(venue, account, s -> s.maintenanceRequirement() > 0 && s.health() <= limit);
  }

  /**
   * Records that {@code value} of collateral available to {@code account} on {@code venue} went to
   * defend {@code toAccount} on {@code toVenue}: a withdrawal caused by whatever weakened that one.
   */
  void noteDiverted(
      VenueId venue, AccountId account, VenueId toVenue, AccountId toAccount, double value) {
    if (!(value > 0)) {
      return;
    }
    Cause c = causeOf(toVenue, toAccount);
    diverted
        .computeIfAbsent(new Key(venue, account.value()), k -> new TreeMap<>())
        .merge(new Source(toVenue, c.generation()), value, Double::sum);
  }

  /**
   * The event with its cause filled in: the cause of the liquidation being executed, or for bad
   * debt the cause of the account's last liquidation (attributed now if it had none).
   */
  SimEvent attribute(SimEvent event) {
    if (!(event instanceof Attributable a) || a.cause() != null) {
      return event;
    }
    VenueId venue = VenueId.of(a.venue());
    Key key = new Key(venue, a.attributedAccount());
    Cause c = causes.get(key);
    if (c == null) {
      AccountId account = AccountId.of(a.attributedAccount());
      c = whether(venue, account, attribute(venue, account, s -> true));
      causes.put(key, c);
    }
    if (a.badDebtEvent()) {
      // What the shortfall sets off (a backstop's NAV loss, socialised receipts) comes from it.
      markets.setSource(new Source(venue, c.generation()));
    }
    if (event instanceof AuctionOpening lot) {
      lots.put(new Key(venue, Long.toString(lot.lotId())), c);
    }
    return a.withCause(c);
  }

  private Cause attribute(VenueId venue, AccountId account, Predicate<MarginState> threshold) {
    Venue v = venues.get(venue);
    Oracles o = oracles.get(venue);
    if (v == null || o == null) {
      return Cause.EXOGENOUS;
    }
    SortedMap<Source, Double> away =
        diverted.getOrDefault(new Key(venue, account.value()), Collections.emptySortedMap());
    return attributor.attribute(v, o, account, table(venue, o), away, threshold);
  }

  /**
   * {@code cause} with the <em>whether</em> answer for an endogenous one: would the account as it
   * is now have been liquidatable at some step of the exogenous path alone.
   */
  private Cause whether(VenueId venue, AccountId account, Cause cause) {
    Venue v = venues.get(venue);
    Oracles o = oracles.get(venue);
    if (!cause.endogenous() || v == null || o == null) {
      return cause;
    }
    double away = 0;
    for (double x :
        diverted
            .getOrDefault(new Key(venue, account.value()), Collections.emptySortedMap())
            .values()) {
      away += x;
    }
    return cause.withExogenousStep(
        exogenousCheck.firstLiquidatableStep(
            v, o, account, table(venue, o), assets, away, clock.step()));
  }

  /** The components of the prices {@code venue} reads now, flattened once per version. */
  private ComponentTable table(VenueId venue, Oracles o) {
    long components = markets.componentsVersion();
    long publications = o.publications();
    Table t = tables.get(venue);
    if (t == null || t.components() != components || t.publications() != publications) {
      t = new Table(components, publications, ComponentTable.of(markets, assets, venue, o));
      tables.put(venue, t);
    }
    return t.table();
  }

  private record Table(long components, long publications, ComponentTable table) {}

  private record Key(VenueId venue, String account) {}

  /** What changes whenever anything an account's margin state reads may have changed. */
  private record WorldStamp(long transfers, long components, long step, int round) {}
}
