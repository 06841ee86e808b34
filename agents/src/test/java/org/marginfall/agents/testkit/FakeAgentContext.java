package org.marginfall.agents.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marginfall.core.agent.AgentContext;
import org.marginfall.core.asset.AssetId;
import org.marginfall.core.event.SimClock;
import org.marginfall.core.event.SimEvent;
import org.marginfall.core.ledger.AccountId;
import org.marginfall.core.ledger.AccountType;
import org.marginfall.core.ledger.Ledger;
import org.marginfall.core.market.Execution;
import org.marginfall.core.market.ImpactModel;
import org.marginfall.core.market.Markets;
import org.marginfall.core.market.SharedMarket;
import org.marginfall.core.venue.Venue;
import org.marginfall.core.venue.VenueId;

/**
 * An {@link AgentContext} over a real {@link Ledger} and real {@link Markets}, doing what the engine's
 * world does: accounts are ordinary ledger accounts, endowments come from {@link Ledger#EXTERNAL},
 * and a sale goes through {@link Markets#sell}, so units and proceeds really move. The clock is
 * set by the test. Mutable, not thread-safe.
 */
public final class FakeAgentContext implements AgentContext, SimClock {

  private final AssetId base;
  private final Ledger ledger;
  private final Markets markets;
  private final Map<VenueId, Venue> venues = new LinkedHashMap<>();
  private final List<SimEvent> events = new ArrayList<>();
  private long step;
  private int round;

  /** A context whose ledger counts {@code assets} (the first being the base currency). */
  public FakeAgentContext(List<AssetId> assets) {
    this.base = assets.get(0);
    this.ledger = new Ledger(assets);
    this.markets = new Markets(ledger, base, events::add, this);
  }

  /** Adds a shared market with permanent linear-log impact of the given depth. */
  public FakeAgentContext addMarket(AssetId asset, double price, double depth) {
    markets.add(new SharedMarket(asset, new ImpactModel.LinearLog(depth), Double.POSITIVE_INFINITY, price));
    return this;
  }

  /** Adds a venue. */
  public <V extends Venue> V addVenue(V venue) {
    venues.put(venue.id(), venue);
    return venue;
  }

  /** Sets simulated time. */
  public void setClock(long step, int round) {
    this.step = step;
    this.round = round;
  }

  /** The real ledger behind the context. */
  public Ledger ledger() {
    return ledger;
  }

  /** The real markets behind the context. */
  public Markets markets() {
    return markets;
  }

  /** Events emitted so far. */
  public List<SimEvent> events() {
    return List.copyOf(events);
  }

  @Override
  public long step() {
    return step;
  }

  @Override
  public int round() {
    return round;
  }

  @Override
  public SimClock clock() {
    return this;
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
    ledger.transfer(Ledger.EXTERNAL, account, asset, atoms);
  }

  @Override
  public long balance(AccountId account, AssetId asset) {
    return ledger.balance(account, asset);
  }

  @Override
  public Execution sell(AccountId seller, AssetId asset, long atoms) {
    return markets.sell(seller, asset, atoms);
  }

  @Override
  public double marketPrice(AssetId asset) {
    return markets.price(asset);
  }

  @Override
  public void emit(SimEvent event) {
    events.add(event);
  }
}
