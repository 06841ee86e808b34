package org.marginfall.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.contagion.Cause;
import org.marginfall.core.contagion.Channel;
import org.marginfall.core.contagion.ChannelSwitches;
import org.marginfall.core.event.EventSink;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.AtomScale;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.ledger.Precision;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.Markets;
import org.marginfall.core.venue.AuctionTake;
import org.marginfall.core.venue.LendingVenue;
import org.marginfall.core.venue.LiquidationOutcome;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * The {@link AgentContext} of a run: agents' accounts are ordinary ledger accounts, endowments come
 * from {@link Ledger#EXTERNAL}, and sales go through the shared {@link Markets}, so every unit an
 * agent moves is accounted for.
 *
 * <p>The engine builds one per run; test harnesses extend it with set-up helpers. It reads the
 * venue map as a live view. Mutable run state, not thread-safe.
 */
public class LedgerAgentContext implements AgentContext {

  private final SimClock clock;
  private final AssetId base;
  private final Ledger ledger;
  private final Markets markets;
  private final Map<VenueId, Venue> venues;
  private final EventSink events;
  private final ContagionTracker contagion;
  private final ChannelSwitches channels;

  /**
   * Creates the context.
   *
   * @param clock simulated time
   * @param base the unit of account
   * @param ledger the run's ledger
   * @param markets the shared markets
   * @param venues the venues by id, in scenario order (read as a live view)
   * @param events where agents' events go
   */
  public LedgerAgentContext(
      SimClock clock,
      AssetId base,
      Ledger ledger,
      Markets markets,
      Map<VenueId, Venue> venues,
      EventSink events) {
    this(clock, base, ledger, markets, venues, events, null, ChannelSwitches.ALL_OPEN);
  }

  /** The engine's context: liquidations are attributed by {@code contagion}. */
  LedgerAgentContext(
      SimClock clock,
      AssetId base,
      Ledger ledger,
      Markets markets,
      Map<VenueId, Venue> venues,
      EventSink events,
      ContagionTracker contagion,
      ChannelSwitches channels) {
    this.clock = clock;
    this.base = base;
    this.ledger = ledger;
    this.markets = markets;
    this.venues = venues;
    this.events = events;
    this.contagion = contagion;
    this.channels = channels;
  }

  @Override
  public SimClock clock() {
    return clock;
  }

  @Override
  public AssetId baseCurrency() {
    return base;
  }

  @Override
  public List<Venue> venues() {
    return List.copyOf(venues.values());
  }

  @Override
  public Venue venue(VenueId id) {
    Venue v = venues.get(id);
    if (v == null) {
      throw new IllegalArgumentException("unknown venue " + id);
    }
    return v;
  }

  @Override
  public void openAccount(AccountId account) {
    ledger.open(account, AccountType.ORDINARY);
  }

  @Override
  public void endow(AccountId account, AssetId asset, long atoms) {
    // A lending receipt is not minted from nothing: the agent supplies the underlying to the
    // issuer, so the receipt is backed and the issuer's books hold (receipts of receipts recurse).
    for (Venue v : venues.values()) {
      if (v instanceof LendingVenue lending) {
        for (AssetId underlying : lending.reserveAssets()) {
          if (lending.receipt(underlying).equals(asset)) {
            // Receipt atoms times the rate are underlying units at the receipt's precision.
            AtomScale scale =
                AtomScale.between(ledger.precision(asset), ledger.precision(underlying));
            long needed = (long) Math.ceil(scale.apply(atoms * lending.exchangeRate(underlying)));
            endow(account, underlying, needed);
            lending.supply(account, underlying, needed);
            return;
          }
        }
      }
    }
    ledger.transfer(Ledger.EXTERNAL, account, asset, atoms);
  }

  @Override
  public void payOut(AccountId account, AssetId asset, long atoms) {
    ledger.transfer(account, Ledger.EXTERNAL, asset, atoms);
  }

  @Override
  public long balance(AccountId account, AssetId asset) {
    return ledger.balance(account, asset);
  }

  @Override
  public Precision precision(AssetId asset) {
    return ledger.precision(asset);
  }

  @Override
  public Execution sell(AccountId seller, AssetId asset, long atoms) {
    return markets.sell(seller, asset, atoms);
  }

  @Override
  public boolean hasMarket(AssetId asset) {
    return markets.has(asset);
  }

  @Override
  public Execution buy(AccountId buyer, AssetId asset, long atoms) {
    return markets.buy(buyer, asset, atoms);
  }

  @Override
  public double setDepthFactor(AssetId asset, String quoter, double factor) {
    return markets.market(asset).setDepthFactor(quoter, factor);
  }

  @Override
  public double marketPrice(AssetId asset) {
    return markets.price(asset);
  }

  @Override
  public Optional<LiquidationOutcome> liquidate(
      VenueId venue, AccountId account, AccountId liquidator) {
    Venue v = venue(venue);
    if (contagion == null) {
      return v.liquidate(account, liquidator);
    }
    if (!v.liquidatesNow(account)) {
      // The venue refuses whoever asks: nothing will execute, so there is nothing to attribute.
      return Optional.empty();
    }
    // The source stays set after the call: the liquidator's sale of what it seized is part of it.
    contagion.beginLiquidation(venue, account);
    Optional<LiquidationOutcome> out = v.liquidate(account, liquidator);
    contagion.observeLosses();
    return out;
  }

  @Override
  public Optional<AuctionTake> take(
      VenueId venue, long lotId, AccountId taker, long maxAtoms, double maxPrice) {
    Venue v = venue(venue);
    if (contagion != null) {
      contagion.beginTake(venue, lotId);
    }
    return v.take(lotId, taker, maxAtoms, maxPrice);
  }

  @Override
  public boolean channelOpen(Channel channel) {
    return channels.isOpen(channel);
  }

  @Override
  public Cause causeOf(VenueId venue, AccountId account) {
    return contagion == null ? Cause.EXOGENOUS : contagion.causeOf(venue, account);
  }

  @Override
  public void noteCollateralDiverted(
      VenueId venue, AccountId account, VenueId toVenue, AccountId toAccount, double value) {
    if (contagion != null) {
      contagion.noteDiverted(venue, account, toVenue, toAccount, value);
    }
  }

  @Override
  public void emit(SimEvent event) {
    events.emit(event);
  }
}
